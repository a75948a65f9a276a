/**
 * Builds the command line (src/cli/bin.ts) into an ES-module bundle with code splitting, so
 * each command's modules load only when it runs: dist-cli/<build id>/bin.js and its chunks,
 * plus dist-cli/current.json naming the build and every source file in it with its mtime and
 * size. bin/anju runs the build current.json names while those files are unchanged, and
 * rebuilds (calling buildCli) when one changed, so an edit is never run stale.
 *
 * Run by `prepare` (so `npm ci` leaves a ready build), `npm run build:cli`, and bin/anju.
 * Plain JavaScript: it must run before anything is compiled. Build dirs sit two levels below
 * the root like src/cli/, so `new URL('../../geodata/', import.meta.url)` means the same in
 * the source and in the bundle (src/cli/default-data.ts).
 */
import { build } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, relative } from 'node:path';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const OUT = join(ROOT, 'dist-cli');
/** Besides the bundled sources: a changed lock file means changed packages; a changed build script, a changed bundle. */
const ALSO_WATCHED = ['package-lock.json', 'scripts/build-cli.mjs'];
/** Older builds are removed once they are this old (a running command has long loaded its chunks). */
const KEEP_OLD_MS = 10 * 60 * 1000;

function stamp(rel) {
  const st = statSync(join(ROOT, rel));
  return [st.mtimeMs, st.size];
}

/** Build; returns the URL of the new build's entry (bin.js exporting runCli). */
export async function buildCli() {
  const id = `${Date.now().toString(36)}-${process.pid}`;
  const dir = join(OUT, id);
  // Stamp the sources before bundling: a file edited during the build is then seen as changed.
  const before = new Map();
  const result = await build({
    entryPoints: [join(ROOT, 'src/cli/bin.ts')],
    absWorkingDir: ROOT,
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'bundle',
    // The team server's database drivers stay in node_modules: PGlite and sql.js (the team
    // basemap's MBTiles) load their WASM from beside their own module, which a bundle would move.
    external: ['@electric-sql/pglite', 'pg', 'sql.js'],
    loader: { '.geojson': 'json' },
    metafile: true,
    logLevel: 'error',
    legalComments: 'none',
    // Some CommonJS packages call require() on Node built-ins; give the ESM bundle a require.
    banner: { js: "import { createRequire as __anjuRequire } from 'node:module'; const require = __anjuRequire(import.meta.url);" },
    plugins: [
      {
        name: 'stamp-inputs',
        setup(b) {
          b.onLoad({ filter: /.*/ }, (args) => {
            const rel = relative(ROOT, args.path);
            if (!rel.startsWith('node_modules') && !before.has(rel)) before.set(rel, stamp(rel));
            return undefined;
          });
        },
      },
    ],
  });
  const inputs = {};
  for (const rel of Object.keys(result.metafile.inputs)) {
    if (rel.startsWith('node_modules')) continue;
    inputs[rel] = before.get(rel) ?? stamp(rel);
  }
  for (const rel of ALSO_WATCHED) inputs[rel] = stamp(rel);
  // What each chunk holds and imports (test/unit/cli-bundle.test.ts checks what `boards` loads).
  writeFileSync(join(dir, 'metafile.json'), JSON.stringify(result.metafile));
  const tmp = join(OUT, `current.${id}.json`);
  writeFileSync(tmp, JSON.stringify({ id, builtAt: new Date().toISOString(), inputs }, null, 1));
  renameSync(tmp, join(OUT, 'current.json'));
  for (const name of readdirSync(OUT)) {
    if (name === id || name.endsWith('.json')) continue;
    const built = parseInt(name.split('-')[0], 36);
    if (!(Date.now() - built < KEEP_OLD_MS)) rmSync(join(OUT, name), { recursive: true, force: true });
  }
  return pathToFileURL(join(dir, 'bin.js'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(OUT, { recursive: true });
  const t0 = performance.now();
  const entry = await buildCli();
  console.log(`built ${relative(ROOT, fileURLToPath(entry))} in ${Math.round(performance.now() - t0)} ms`);
}
