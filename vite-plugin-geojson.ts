import type { Plugin } from 'vite';
import { basename } from 'node:path';

/**
 * Lets the app `import x from '…/boards.geojson'` (the checked-in files under geodata/).
 * In the built app each file is its own asset, fetched once when the importing module first runs
 * (a top-level await) and preloaded from index.html, so the data downloads beside the main chunk
 * instead of inside it. Elsewhere (the dev server, Node: unit tests, benchmarks) the module holds
 * the JSON itself.
 */
export function geojson(): Plugin {
  let build = false;
  /** Names of the emitted files, to preload them from index.html. */
  const emitted = new Set<string>();
  return {
    name: 'anju-geojson',
    configResolved(config) {
      build = config.command === 'build';
    },
    transform(code, id, options) {
      if (!id.endsWith('.geojson')) return null;
      if (!build || options?.ssr || this.environment?.config.consumer !== 'client') {
        return { code: `export default JSON.parse(${JSON.stringify(code)});`, map: null };
      }
      const name = basename(id);
      const ref = this.emitFile({ type: 'asset', name, source: JSON.stringify(JSON.parse(code)) });
      emitted.add(name);
      return {
        code: [
          `const url = import.meta.ROLLUP_FILE_URL_${ref};`,
          'const res = await fetch(url);',
          `if (!res.ok) throw new Error(\`Anju could not load its shipped data ${name} (\${url}): HTTP \${res.status}\`);`,
          'export default await res.json();',
        ].join('\n'),
        map: null,
      };
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        // Start the downloads with the page, not when the module that awaits them runs.
        return Object.values(ctx.bundle ?? {})
          .filter((a) => a.type === 'asset' && a.names.some((n) => emitted.has(n)))
          .map((a) => ({ tag: 'link', attrs: { rel: 'preload', as: 'fetch', crossorigin: true, href: `./${a.fileName}` }, injectTo: 'head' as const }));
      },
    },
  };
}
