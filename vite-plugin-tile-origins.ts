import type { Plugin } from 'vite';

/**
 * A bureau's own tile server, allowed at build time: `ANJU_TILE_ORIGINS="https://gis.example.gov.cn"`
 * (space-separated origins) adds those origins, and nothing else, to img-src and connect-src of
 * the Content-Security-Policy in index.html. Without it the policy is unchanged.
 */
export function tileOrigins(value: string | undefined): Plugin {
  const origins = (value ?? '').split(/\s+/).filter(Boolean);
  for (const o of origins) if (new URL(o).origin !== o) throw new Error(`ANJU_TILE_ORIGINS: ${o} is not an origin (scheme://host[:port])`);
  return {
    name: 'anju-tile-origins',
    transformIndexHtml(html) {
      if (!origins.length) return html;
      return html.replace(/(img-src|connect-src)([^;"]*)/g, (_, d: string, rest: string) => `${d}${rest} ${origins.join(' ')}`);
    },
  };
}
