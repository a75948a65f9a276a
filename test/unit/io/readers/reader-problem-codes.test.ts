/**
 * Each input reader declares the problem codes it reports (`problemCodes`); the import dialog's
 * hints and docs list them. A broken layer of every kind — wrong geometry, empty geometry, no
 * fields — must be refused with declared codes only. (The fuzz test holds mutated files to the same.)
 */
import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { INPUT_KINDS } from '../../../../src/io/readers/input-reader.ts';
import { READERS } from '../../../../src/io/readers/readers.ts';
import { PROBLEM_TEMPLATES } from '../../../../src/i18n/problems.ts';

const broken: Feature[] = [
  { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[120.6, 28], [120.7, 28.1]] } },
  { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [120.6, 28] } },
  { type: 'Feature', properties: { name: '不存在的板块', jobs: -1, population: 'x', year: 1999, units: 'x' }, geometry: { type: 'Polygon', coordinates: [[[120.6, 28], [120.61, 28], [120.61, 28.01], [120.6, 28]]] } },
  { type: 'Feature', properties: { name: '' }, geometry: { type: 'MultiPolygon', coordinates: [] } },
];

describe('reader problem codes', () => {
  it.each(INPUT_KINDS)('%s: a broken layer is refused with declared codes only', (kind) => {
    const reader = READERS[kind];
    expect(reader.problemCodes.length).toBeGreaterThan(0);
    for (const code of reader.problemCodes) expect(PROBLEM_TEMPLATES[code], code).toBeDefined();
    const r = reader.read({ file: 'broken.geojson', features: broken });
    expect(r.ok).toBe(false);
    const codes = r.ok ? [] : r.problems.map((p) => p.code);
    expect(codes.length).toBeGreaterThan(0);
    for (const c of codes) expect(reader.problemCodes, `${kind} reported ${c}`).toContain(c);
  });
});
