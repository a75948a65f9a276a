/**
 * Which origins the page's Content-Security-Policy lets the map load tiles from. The policy is
 * a <meta> in index.html, fixed when the app is built (ANJU_TILE_ORIGINS adds a bureau's tile
 * server, see vite.config.ts), and cannot be widened at run time; so a custom tile service on
 * another origin is refused up front with a message, instead of failing tile by tile.
 */

/** Parses a policy into directive → sources. */
export function parseCsp(policy: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) m.set(name.toLowerCase(), sources);
  }
  return m;
}

function sourceAllows(source: string, origin: URL, self: string): boolean {
  if (source === '*') return origin.protocol === 'https:' || origin.protocol === 'http:';
  if (source === "'self'") return origin.origin === self;
  if (/^[a-z]+:$/i.test(source)) return origin.protocol === source.toLowerCase();
  const m = /^(?:(https?):\/\/)?(\*\.)?([^/:]+)(?::(\d+|\*))?\/?$/i.exec(source);
  if (!m) return false;
  const [, scheme, wild, host, port] = m;
  if (scheme && origin.protocol !== `${scheme.toLowerCase()}:`) return false;
  const h = origin.hostname.toLowerCase();
  const hostOk = wild ? h.endsWith(`.${host.toLowerCase()}`) : h === host.toLowerCase();
  const portOk = port === '*' || (port ?? '') === origin.port;
  return hostOk && portOk;
}

/** Whether both connect-src and img-src (falling back to default-src) allow the origin. */
export function cspAllowsOrigin(policy: string | null, origin: string, self: string): boolean {
  if (!policy) return true;
  const csp = parseCsp(policy);
  const url = new URL(origin);
  return ['connect-src', 'img-src'].every((d) => (csp.get(d) ?? csp.get('default-src') ?? ['*']).some((s) => sourceAllows(s, url, self)));
}

/** The policy of this page (its CSP <meta>), or null. */
export function pagePolicy(): string | null {
  if (typeof document === 'undefined') return null;
  return document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null;
}
