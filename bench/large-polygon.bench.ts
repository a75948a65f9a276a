/**
 * One country-scale polygon (1,000,000 vertices, a jagged outline with 200 holes) through importLayer:
 * parse + checks, the near-linear OGC validity test included. Writes the file to the OS temp folder so
 * `ogr2ogr` can read the same bytes (its timing goes beside this one in the README).
 * Run: `npm run bench -- large-polygon`.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importLayer } from '../src/io/import-layer.ts';

export function largePolygon(n: number) {
  const ring: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const r = 1 + 0.03 * Math.sin(a * 50) + 0.005 * Math.sin(a * 3000) + 0.0002 * Math.sin(a * 200_000);
    ring.push([120.6 + r * Math.cos(a), 28 + r * Math.sin(a)]);
  }
  ring.push(ring[0]);
  const holes = Array.from({ length: 200 }, (_, k) => {
    const x = 120.0 + (k % 20) * 0.06;
    const y = 27.7 + Math.floor(k / 20) * 0.06;
    return [[x, y], [x, y + 0.02], [x + 0.02, y + 0.02], [x + 0.02, y], [x, y]];
  });
  return { type: 'Feature', properties: { name: 'outline' }, geometry: { type: 'Polygon', coordinates: [ring, ...holes] } };
}

export async function run() {
  const rows = [];
  for (const n of [100_000, 1_000_000]) {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [largePolygon(n)] });
    const path = join(tmpdir(), `anju-large-polygon-${n}.geojson`);
    writeFileSync(path, text);
    const bytes = new TextEncoder().encode(text);
    const t0 = performance.now();
    const r = await importLayer(bytes, 'large.geojson', { crs: 'wgs84' });
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(`${n}: ${r.problems[0].code}`);
    rows.push({ case: `one polygon, ${n.toLocaleString('en')} vertices + 200 holes`, sizeMB: (bytes.length / 1048576).toFixed(1), ms: ms.toFixed(0), file: path });
  }
  return rows;
}
