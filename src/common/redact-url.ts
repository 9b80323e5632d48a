const STATUS_LINK = /^\/public\/complaints\/[^/]+/;
// Only a key that reads as a parameter name is kept: any other key (a bare `?jane@example.com`) may be data itself.
const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_.[\]-]{0,63}$/;

/**
 * A request URL as the logs may show it. Query values are customers' data (an e-mail, a phone number) on any route,
 * whether the request was served or refused, so they are dropped, keeping the keys to show how the route was called.
 * A status link's token is a credential: the path shows it as [token].
 */
export function redactUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const queryStart = url.indexOf('?');
  const path = (queryStart === -1 ? url : url.slice(0, queryStart)).replace(STATUS_LINK, '/public/complaints/[token]');
  if (queryStart === -1) return path;
  const parameters = url
    .slice(queryStart + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const [key] = pair.split('=', 1);
      if (!PARAMETER_NAME.test(key)) return '[redacted]';
      return pair.includes('=') ? `${key}=[redacted]` : key;
    });
  return `${path}?${parameters.join('&')}`;
}
