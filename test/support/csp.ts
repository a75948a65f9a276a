/** Reading a page's Content-Security-Policy meta tag, for tests of index.html and dist/index.html. */
import { expect } from 'vitest';

/** Directive → values of the CSP meta tag; throws when there is none. */
export function cspOf(html: string): Map<string, string[]> {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!m) throw new Error('no CSP meta tag');
  return new Map(m[1].split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

/**
 * Fails unless the CSP forbids inline script and eval and every <script> has a src (no inline body).
 * 'wasm-unsafe-eval' is allowed: it lets WebAssembly compile (sql.js opens MBTiles basemap files)
 * and allows no JavaScript eval.
 */
export function assertStrictCsp(html: string): void {
  const csp = cspOf(html);
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  expect(scripts).toBeDefined();
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", 'data:', '*']) expect(scripts).not.toContain(bad);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) expect(tag).toMatch(/^<script\b[^>]*\bsrc=/i);
}
