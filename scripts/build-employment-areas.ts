/**
 * `npm run geodata:employment`: writes geodata/employment-areas.geojson from
 * geodata/sources/employment-anchors.json and the checked-in counties and land (offline).
 * `npm run geodata` also runs it after rebuilding counties and land.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { initGeos } from './geodata/geos.ts';
import { forGis } from './geodata/rfc7946.ts';
import { buildEmploymentAreas, type EmploymentAnchors } from './geodata/employment-areas.ts';

const GEODATA = resolve(import.meta.dirname, '../geodata');
const read = <T>(name: string): T => JSON.parse(readFileSync(join(GEODATA, name), 'utf8')) as T;

await initGeos();
const out = buildEmploymentAreas(read<EmploymentAnchors>('sources/employment-anchors.json'), read('counties.geojson'), read('land.geojson'));
// Declared WGS-84 (CRS84), RFC 7946 winding, as scripts/build-geodata.ts writes it.
writeFileSync(join(GEODATA, 'employment-areas.geojson'), JSON.stringify(forGis(out)) + '\n');
for (const f of out.features) console.error(`geodata: ${f.properties?.id} ${f.geometry.type} jobs ${f.properties?.jobs} — ${f.properties?.jobsSource}`);
