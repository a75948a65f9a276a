import type { Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const GEODATA = fileURLToPath(new URL('./geodata/', import.meta.url));
/** A geodata JSON file fetched at run time (the suffix keeps Vite's JSON plugin off it). */
const FETCHED_JSON = '\0anju-geodata-json:';
const FETCHED_SUFFIX = '.fetch';

/**
 * Lets the app `import x from '…/boards.geojson'` and `import t from '…/geodata/plan/targets.json'`
 * (the checked-in files under geodata/). In the built app each file is its own asset, fetched once
 * when the importing module first runs (a top-level await) and preloaded from index.html, so the
 * data downloads beside the main chunk instead of inside it. Elsewhere (the dev server, Node: unit
 * tests, benchmarks, the command line) the module holds the JSON itself.
 */
export function geojson(): Plugin[] {
  let build = false;
  /** The emitted file's name of each fetching module, to preload those the first scripts hold. */
  const fetchedBy = new Map<string, string>();
  const clientBuild = (ctx: { environment?: { config: { consumer: string } } }, ssr: boolean | undefined) => build && !ssr && ctx.environment?.config.consumer === 'client';

  /** A module that fetches the file `name` (minified JSON text `json`) and exports what it holds. */
  function fetchingModule(ctx: { emitFile(f: { type: 'asset'; name: string; source: string }): string }, id: string, name: string, json: string): string {
    const ref = ctx.emitFile({ type: 'asset', name, source: json });
    fetchedBy.set(id, name);
    return [
      `const url = import.meta.ROLLUP_FILE_URL_${ref};`,
      'const res = await fetch(url);',
      `if (!res.ok) throw new Error(\`Anju could not load its shipped data ${name} (\${url}): HTTP \${res.status}\`);`,
      'export default await res.json();',
    ].join('\n');
  }

  return [
    {
      name: 'anju-geojson',
      configResolved(config) {
        build = config.command === 'build';
      },
      transform(code, id, options) {
        if (!id.endsWith('.geojson')) return null;
        if (!clientBuild(this, options?.ssr)) return { code: `export default JSON.parse(${JSON.stringify(code)});`, map: null };
        return { code: fetchingModule(this, id, basename(id), JSON.stringify(JSON.parse(code))), map: null };
      },
      transformIndexHtml: {
        order: 'post',
        handler(_html, ctx) {
          // Start the downloads with the page, not when the module that awaits them runs: the
          // files of the fetching modules in the scripts loaded at start (not in chunks loaded later).
          const bundle = ctx.bundle ?? {};
          const initial = new Set<string>();
          const visit = (fileName: string) => {
            const c = bundle[fileName];
            if (initial.has(fileName) || c?.type !== 'chunk') return;
            initial.add(fileName);
            c.imports.forEach(visit);
          };
          if (ctx.chunk) visit(ctx.chunk.fileName);
          const names = new Set([...initial].flatMap((f) => {
            const c = bundle[f];
            return c.type === 'chunk' ? Object.keys(c.modules).flatMap((id) => fetchedBy.get(id) ?? []) : [];
          }));
          return Object.values(bundle)
            .filter((a) => a.type === 'asset' && a.names.some((n) => names.has(n)))
            .map((a) => ({ tag: 'link', attrs: { rel: 'preload', as: 'fetch', crossorigin: true, href: `./${a.fileName}` }, injectTo: 'head' as const }));
        },
      },
    },
    {
      // Before Vite's JSON plugin, which would inline the file in the importing chunk.
      name: 'anju-geodata-json',
      enforce: 'pre',
      resolveId(source, importer, options) {
        if (!importer || !source.endsWith('.json') || !clientBuild(this, options?.ssr)) return null;
        const path = resolve(importer, '..', source);
        return path.startsWith(GEODATA) ? `${FETCHED_JSON}${path}${FETCHED_SUFFIX}` : null;
      },
      load(id) {
        if (!id.startsWith(FETCHED_JSON)) return null;
        const path = id.slice(FETCHED_JSON.length, -FETCHED_SUFFIX.length);
        this.addWatchFile(path);
        return fetchingModule(this, id, basename(path), JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))));
      },
    },
  ];
}
