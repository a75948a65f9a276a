/**
 * Writes the import fixtures under test/fixtures/import/ (see the README there). Deterministic:
 * fixed dates in zips and .dbf headers, coordinates from the reference formulas in
 * test/support/reference-crs.ts. Run: `npx tsx scripts/make-import-fixtures.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import type { Position } from 'geojson';
import { writeDbf, writeShp, type DbfField, type ShapeInput } from './import-fixtures/shapefile-writer.ts';
import { gcj02ToBd09, gkForward, wgs84ToGcj02 } from '../test/support/reference-crs.ts';
import { REFERENCE_POINTS, SQUARES } from '../test/support/import-reference-points.ts';
import LOCAL_DATUMS from '../test/fixtures/import/local-datum-reference.json' with { type: 'json' };

const DIR = 'test/fixtures/import';
mkdirSync(DIR, { recursive: true });
const utf8 = (s: string) => new TextEncoder().encode(s);
const gbk = (s: string) => new Uint8Array(iconv.encode(s, 'gbk'));
const MTIME = new Date('2021-01-01T00:00:00Z');
const write = (name: string, data: Uint8Array | string) => writeFileSync(join(DIR, name), data);
const zip = (files: Record<string, Uint8Array | string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [typeof v === 'string' ? utf8(v) : v, { mtime: MTIME }]])));
const json = (o: unknown) => JSON.stringify(o, null, 1) + '\n';

const PRJ_CGCS2000 = 'GEOGCS["China Geodetic Coordinate System 2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const PRJ_4549 =
  'PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const PRJ_4528 =
  'PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 40",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",120],PARAMETER["scale_factor",1],PARAMETER["false_easting",40500000],PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","4528"]]';
// ESRI's .prj for EPSG:2385 (as ArcGIS writes it; no TOWGS84, no AUTHORITY).
const PRJ_XIAN80_CM120 =
  'PROJCS["Xian_1980_3_Degree_GK_CM_120E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/** Shapefile rings: outer clockwise (the format's rule), as [lon, lat] or projected. */
const clockwise = (ring: Position[]) => [...ring].reverse();
const squareShapes = (f: (p: Position) => Position = (p) => p): ShapeInput[] => SQUARES.map((s) => ({ type: 'Polygon', coordinates: [clockwise(s.ring).map(f)] }));
const boardFields: DbfField[] = [
  { name: 'id', type: 'C', length: 16 },
  { name: 'name', type: 'C', length: 24 },
  { name: 'units', type: 'N', length: 8 },
];
const boardRows = SQUARES.map((s) => [s.id, s.name, s.units]);

// Shapefiles: GBK with .cpg, GBK without (content detection), UTF-8 points, projected EPSG:4549 and 4528.
const squares = writeShp(squareShapes());
write('boards-gbk.zip', zip({ 'boards.shp': squares.shp, 'boards.shx': squares.shx, 'boards.dbf': writeDbf(boardFields, boardRows, gbk), 'boards.cpg': 'GBK', 'boards.prj': PRJ_CGCS2000 }));
write('boards-gbk-no-cpg.zip', zip({ 'boards.shp': squares.shp, 'boards.shx': squares.shx, 'boards.dbf': writeDbf(boardFields, boardRows, gbk) }));
const points = writeShp(REFERENCE_POINTS.map((p) => ({ type: 'Point', coordinates: p.wgs84 })));
const facilityFields: DbfField[] = [
  { name: 'name', type: 'C', length: 40 },
  { name: 'category', type: 'C', length: 20 },
];
write('facilities-utf8.zip', zip({ 'facilities.shp': points.shp, 'facilities.shx': points.shx, 'facilities.dbf': writeDbf(facilityFields, REFERENCE_POINTS.map((p) => [p.name, p.category]), utf8), 'facilities.cpg': 'UTF-8' }));
const gk = writeShp(squareShapes((p) => gkForward(p, 120).map((m) => Math.round(m * 1000) / 1000)));
write('boards-epsg4549.zip', zip({ 'boards_4549.shp': gk.shp, 'boards_4549.shx': gk.shx, 'boards_4549.dbf': writeDbf(boardFields, boardRows, utf8), 'boards_4549.cpg': 'UTF-8', 'boards_4549.prj': PRJ_4549 }));
const gkZone = writeShp(REFERENCE_POINTS.map((p) => ({ type: 'Point', coordinates: gkForward(p.wgs84, 120, 40_500_000).map((m) => Math.round(m * 1000) / 1000) })));
write('facilities-epsg4528.zip', zip({ 'f.shp': gkZone.shp, 'f.shx': gkZone.shx, 'f.dbf': writeDbf(facilityFields, REFERENCE_POINTS.map((p) => [p.name, p.category]), utf8), 'f.prj': PRJ_4528 }));
// Local datums: the GK positions of local-datum-reference.json (its WGS-84 side computed by PROJ).
const [xian80, beijing54] = LOCAL_DATUMS.cases;
const xianPoints = writeShp(xian80.points.map((p) => ({ type: 'Point', coordinates: p.gk })));
write('facilities-xian80.zip', zip({ 'xian.shp': xianPoints.shp, 'xian.shx': xianPoints.shx, 'xian.dbf': writeDbf(facilityFields, REFERENCE_POINTS.map((p) => [p.name, p.category]), utf8), 'xian.cpg': 'UTF-8', 'xian.prj': PRJ_XIAN80_CM120 }));
write('points-beijing54-zone21.csv', 'name,category,x,y\n' + beijing54.points.map((p, i) => [p.name, REFERENCE_POINTS[i].category, ...p.gk.map((m) => m.toFixed(3))].join(',')).join('\n') + '\n');

// CSV/TSV: GCJ-02 (comma), BD-09 (tab), GBK-encoded with 经度/纬度, projected x/y without a .prj.
const r7 = (n: number) => n.toFixed(7);
write('shops-gcj02.csv', 'name,category,lng,lat\n' + REFERENCE_POINTS.map((p) => [p.name, p.category, ...wgs84ToGcj02(p.wgs84).map(r7)].join(',')).join('\n') + '\n');
write('shops-bd09.tsv', 'name\tcategory\tbd09_lon\tbd09_lat\n' + REFERENCE_POINTS.map((p) => [p.name, p.category, ...gcj02ToBd09(wgs84ToGcj02(p.wgs84)).map(r7)].join('\t')).join('\n') + '\n');
write('population-gbk.csv', gbk('名称,经度,纬度,population\n' + REFERENCE_POINTS.map((p, i) => [p.name, p.wgs84[0], p.wgs84[1], 1000 * (i + 1)].join(',')).join('\r\n') + '\r\n'));
write('points-gk-xy.csv', 'id;x;y\n' + REFERENCE_POINTS.map((p, i) => [`p${i + 1}`, ...gkForward(p.wgs84, 120).map((m) => m.toFixed(3))].join(';')).join('\n') + '\n');

// GeoJSON: good, swapped, broken, malicious.
const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const pt = (p: Position, properties: Record<string, unknown>, id?: string) => ({ type: 'Feature', ...(id ? { id } : {}), properties, geometry: { type: 'Point', coordinates: p } });
const poly = (ring: Position[], properties: Record<string, unknown>) => ({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [ring] } });
write('facilities.geojson', json(fc(REFERENCE_POINTS.map((p) => pt(p.wgs84, { name: p.name, category: p.category })))));
write('swapped.geojson', json(fc(REFERENCE_POINTS.map((p) => pt([p.wgs84[1], p.wgs84[0]], { name: p.name })))));
const sq = SQUARES[0].ring;
write('unclosed-ring.geojson', json(fc([poly(sq.slice(0, -1), { name: '未闭合' })])));
write('self-intersection.geojson', json(fc([poly([sq[0], sq[2], sq[1], sq[3], sq[0]], { name: '自相交' })])));
write('clockwise.geojson', json(fc([poly(clockwise(sq), { name: '顺时针' })])));
write('population-non-numeric.geojson', json(fc([pt(REFERENCE_POINTS[0].wgs84, { population: 1200 }), pt(REFERENCE_POINTS[1].wgs84, { population: '约三千' }), pt(REFERENCE_POINTS[2].wgs84, { population: '2500' })])));
write('duplicate-ids.geojson', json(fc([pt(REFERENCE_POINTS[0].wgs84, { name: 'a' }, 'f1'), pt(REFERENCE_POINTS[1].wgs84, { name: 'b' }, 'f2'), pt(REFERENCE_POINTS[2].wgs84, { name: 'c' }, 'f1')])));
write('malicious.geojson', json(fc([pt(REFERENCE_POINTS[0].wgs84, { name: '<img src=x onerror=alert(1)>', category: '<script>alert(2)</script>' })])));
write('bare-geometry.geojson', json({ type: 'Polygon', coordinates: [sq] }));

// Unreadable: bytes that are neither JSON nor a zip.
write('garbage.geojson', new Uint8Array(Array.from({ length: 64 }, (_, i) => (i * 73 + 41) % 256)));
write('not-a-zip.zip', 'this is not a zip\n');
console.log('wrote fixtures to', DIR);
