/** No retry waits longer than this, however many attempts came before. */
const MAX_DELAY_MS = 6 * 60 * 60_000;

/**
 * How long to wait after the `attempt`-th failed attempt: the base doubled per attempt, capped, with "equal jitter"
 * (between half and all of it), so that messages that failed together, when a receiver went down, do not all come
 * back at the same moment. `random` is in [0, 1).
 */
export function retryDelayMs(attempt: number, baseMs: number, random: number = Math.random()): number {
  const ceiling = Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
