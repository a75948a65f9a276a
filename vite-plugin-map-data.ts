import type { Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { deriveShippedMapData, type DerivedMapData } from './src/map/shipped-map-data.ts';
import type { CountyProperties } from './src/domain/county.ts';
import type { StructureProperties } from './src/domain/structure.ts';

const ID = 'virtual:anju-map-data';
const RESOLVED = `\0${ID}`;
/** Where the dev server serves the derived files. */
const DEV_PREFIX = '/@anju-map-data/';
const GEODATA = fileURLToPath(new URL('./geodata/', import.meta.url));
const INPUTS = ['counties.geojson', 'land.geojson', 'plan/structure.json'];

/**
 * `import { mapDataUrls, structureBbox, countyNames } from 'virtual:anju-map-data'`: the shipped basemap
 * layers (src/map/shipped-map-data.ts), derived from geodata/ when the app is built and emitted
 * as files of their own (dev server: served from memory), so the main chunk carries none of them
 * and MapLibre's worker fetches and parses them off the main thread.
 */
export function mapData(): Plugin {
  let build = false;
  let derived: { data: DerivedMapData; json: Record<string, string> } | null = null;
  const derive = () => {
    if (derived) return derived;
    const read = (f: string) => JSON.parse(readFileSync(GEODATA + f, 'utf8'));
    const data = deriveShippedMapData(
      read('counties.geojson') as FeatureCollection<Polygon | MultiPolygon, CountyProperties>,
      read('land.geojson') as FeatureCollection<Polygon | MultiPolygon>,
      (read('plan/structure.json') as { parts: StructureProperties[] }).parts,
    );
    const json = Object.fromEntries(Object.entries(data.collections).map(([name, fc]) => [name, JSON.stringify(fc)]));
    derived = { data, json };
    return derived;
  };
  return {
    name: 'anju-map-data',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    load(id, options) {
      if (id !== RESOLVED) return null;
      const { data, json } = derive();
      for (const f of INPUTS) this.addWatchFile(GEODATA + f);
      const emit = build && !options?.ssr;
      const urls = Object.keys(json).map((name) => {
        if (!emit) return `${JSON.stringify(name)}: ${JSON.stringify(`${DEV_PREFIX}${name}.geojson`)}`;
        const ref = this.emitFile({ type: 'asset', name: `${name}.geojson`, source: json[name] });
        return `${JSON.stringify(name)}: import.meta.ROLLUP_FILE_URL_${ref}`;
      });
      return `export const mapDataUrls = { ${urls.join(', ')} };\nexport const structureBbox = ${JSON.stringify(data.structureBbox)};\nexport const countyNames = ${JSON.stringify(data.countyNames)};\n`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = req.url?.startsWith(DEV_PREFIX) ? /^([a-z-]+)\.geojson$/.exec(req.url.slice(DEV_PREFIX.length)) : null;
        const body = m ? derive().json[m[1]] : undefined;
        if (body === undefined) return next();
        res.setHeader('Content-Type', 'application/geo+json; charset=utf-8');
        res.end(body);
      });
    },
  };
}
