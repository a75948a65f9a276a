/**
 * FlatGeobuf export of a big point layer: Anju's writer (points encoded straight into chunks,
 * src/export/flatgeobuf-point.ts) against the obvious way, the `flatgeobuf` library's
 * `buildFeature` per feature (what its own `serialize` does), on the same 300,000 facilities.
 * `npm run bench -- flatgeobuf`.
 */
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { flatGeobufChunks } from '../src/export/flatgeobuf-export.ts';
import { facilitiesTable } from '../src/export/layer-tables.ts';
import type { Facility } from '../src/domain/facility.ts';
import type { BenchRow } from './run.ts';

export async function run(): Promise<BenchRow[]> {
  const n = 300_000;
  const facilities: Facility[] = Array.from({ length: n }, (_, i) => ({ id: `f${i}`, category: 'kindergarten', ...(i % 2 ? { name: `幼儿园${i}` } : {}), lonLat: [120.5 + (i % 1000) / 5000, 27.9 + i / n / 5] }));
  const t = facilitiesTable(facilities);
  const meta = { geometryType: 1, columns: t.columns.map((c) => ({ name: c.name, type: c.kind === 'bool' ? 2 : 11 })) };
  const rows: BenchRow[] = [];
  for (let r = 0; r < 3; r++) {
    let t0 = performance.now();
    const chunks = await flatGeobufChunks(t, { layerName: 'facilities' });
    const oursMs = performance.now() - t0;
    t0 = performance.now();
    let libBytes = 0;
    for (let i = 0; i < n; i++) {
      const [id, category, name, illustrative] = t.values(i);
      const [x, y] = t.lonLat!(i);
      libBytes += buildFeature({ xy: [x, y], type: 1 } as never, { id, category, name, illustrative } as never, meta as never).length;
    }
    const libraryMs = performance.now() - t0;
    rows.push({ case: `${n} facilities, run ${r + 1}`, oursMs: Math.round(oursMs), libraryMs: Math.round(libraryMs), oursMiB: +(chunks.reduce((a, c) => a + c.length, 0) / 2 ** 20).toFixed(1), libraryFeaturesMiB: +(libBytes / 2 ** 20).toFixed(1) });
  }
  return rows;
}
