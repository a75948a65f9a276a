/**
 * Damaged FlatGeobuf files: 2,000 mutations (bytes changed, cut, spliced) of a file Anju writes.
 * Each import ends — never a throw, never a hang — with features or with problems naming the file.
 */
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { toFlatGeobuf } from '../../../src/export/flatgeobuf-export.ts';
import { importLayer } from '../../../src/io/import-layer.ts';
import { mulberry32 } from '../../../bench/seeded.ts';

const layer: FeatureCollection = {
  type: 'FeatureCollection',
  features: Array.from({ length: 12 }, (_, i) => ({
    type: 'Feature',
    properties: { name: `点${i}`, population: i * 10.5, ok: i % 2 === 0 },
    geometry: i % 3 === 0 ? { type: 'Point', coordinates: [120.6 + i / 100, 28] } : { type: 'Polygon', coordinates: [[[120.6, 28], [120.61 + i / 1000, 28], [120.61, 28.01], [120.6, 28]]] },
  })),
};

describe('FlatGeobuf fuzz', () => {
  it('imports 2,000 damaged files without a throw, each ending in features or named problems', async () => {
    const good = await toFlatGeobuf(layer, 'layer');
    const rnd = mulberry32(2026);
    let refused = 0;
    for (let k = 0; k < 2000; k++) {
      let bytes = good.slice();
      const kind = k % 3;
      if (kind === 0) for (let m = 1 + Math.floor(rnd() * 4); m > 0; m--) bytes[Math.floor(rnd() * bytes.length)] = Math.floor(rnd() * 256);
      else if (kind === 1) bytes = bytes.slice(0, 8 + Math.floor(rnd() * (bytes.length - 8)));
      else {
        const at = Math.floor(rnd() * bytes.length);
        bytes = new Uint8Array([...bytes.slice(0, at), ...bytes.slice(at + 1 + Math.floor(rnd() * 16))]);
      }
      const r = await importLayer(bytes, `d${k}.fgb`, { crs: 'wgs84' });
      if (r.ok) expect(r.value.features.length).toBeGreaterThan(0);
      else {
        refused++;
        expect(r.problems.length).toBeGreaterThan(0);
        for (const p of r.problems) expect(p.file).toBe(`d${k}.fgb`);
      }
    }
    // Most damage must be noticed: a cut or a splice never passes.
    expect(refused).toBeGreaterThan(1300);
  });
});
