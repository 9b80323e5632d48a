/** The highest quality an Accept header gives any of the media types; 0 when none is listed. */
function qualityOf(accept: string, mediaTypes: readonly string[]): number {
  let best = 0;
  for (const part of accept.split(',')) {
    const [range, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (!mediaTypes.includes(range)) continue;
    const q = params.find((param) => param.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    if (Number.isFinite(quality)) best = Math.max(best, quality);
  }
  return best;
}

/**
 * JSON only for a client that asks for it by name, at least as much as for HTML. Browsers send text/html and no
 * JSON, fetch() accepts anything, a bare link sends no header: all of them get the page. Wildcards never choose JSON.
 */
export function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const json = qualityOf(accept, ['application/json']);
  return json > 0 && json >= qualityOf(accept, ['text/html', 'application/xhtml+xml']);
}
