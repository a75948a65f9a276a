/**
 * The scripts a built app (dist/) loads before it runs: index.html's module script and every
 * chunk it imports statically, which Vite lists as `modulepreload` links. Paths relative to dist/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function initialScripts(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/<script type="module"[^>]*\ssrc="\.?\/?([^"]+)"/g)].map((m) => m[1]);
  if (entry.length !== 1) throw new Error(`${distDir}index.html: expected one module script, found ${entry.length}`);
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*\shref="\.?\/?([^"]+)"/g)].map((m) => m[1]);
  return [...entry, ...preloads];
}
