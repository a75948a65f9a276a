/** Debian's Chromium for browser tests and benchmarks: where it is and the flags that work here. */
import { existsSync } from 'node:fs';

/** Flags that work in this sandbox (see the developers' guide); WebGL runs on SwiftShader. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(p)) throw new Error(`Chromium not found at ${p}: install Debian's chromium (see .ci/run) or set CHROMIUM_PATH`);
  return p;
}
