import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { counties, land } from '../../../src/data/embedded.ts';
import structureJson from '../../../geodata/plan/structure.json';
import type { StructureProperties } from '../../../src/domain/structure.ts';
import { deriveShippedMapData } from '../../../src/map/shipped-map-data.ts';
import { baseStyle } from '../../../src/map/base-style.ts';
import { inlandWater } from '../../../src/map/inland-water.ts';
import { labelPoints } from '../../../src/map/label-points.ts';
import { BASEMAP_KIND, LAYERS, SOURCES } from '../../../src/map/layer-ids.ts';

const derived = deriveShippedMapData(counties, land, (structureJson as { parts: StructureProperties[] }).parts);
const basemap = derived.collections[SOURCES.basemap];
const style = baseStyle({ [SOURCES.basemap]: 'shipped-basemap.geojson', [SOURCES.structure]: 'structure.geojson' }, 'zh');

/** The features a layer of the basemap source draws: its filter is `['==', ['get', 'kind'], K]`. */
function drawnBy(layerId: string): FeatureCollection['features'] {
  const layer = style.layers.find((l) => l.id === layerId) as { source: string; filter: unknown[] };
  expect(layer.source).toBe(SOURCES.basemap);
  expect(layer.filter.slice(0, 2)).toEqual(['==', ['get', 'kind']]);
  return basemap.features.filter((f) => f.properties?.kind === layer.filter[2]);
}
const withoutKind = (fs: FeatureCollection['features']) => fs.map((f) => ({ ...f, properties: Object.fromEntries(Object.entries(f.properties ?? {}).filter(([k]) => k !== 'kind')) }));

describe('the shipped basemap source (land, inland water, counties, county labels in one)', () => {
  it('gives each basemap layer exactly the features its own source had, in the same order', () => {
    expect(withoutKind(drawnBy(LAYERS.land))).toEqual(land.features.map((f) => ({ ...f, properties: f.properties ?? {} })));
    expect(withoutKind(drawnBy(LAYERS.inlandWater))).toEqual(inlandWater(land).features);
    expect(withoutKind(drawnBy(LAYERS.countyLine))).toEqual(counties.features);
    expect(withoutKind(drawnBy(LAYERS.countyLabel))).toEqual(labelPoints(counties, (p) => ({ name: p.name, nameEn: p.nameEn })).features);
  });

  it('holds nothing else: every feature is of one of the four kinds, each drawn by a layer', () => {
    const kinds = new Set(Object.values(BASEMAP_KIND) as string[]);
    expect(basemap.features.every((f) => kinds.has(f.properties?.kind))).toBe(true);
    const total = [LAYERS.land, LAYERS.inlandWater, LAYERS.countyLine, LAYERS.countyLabel].reduce((n, id) => n + drawnBy(id).length, 0);
    expect(total).toBe(basemap.features.length);
  });
});
