/**
 * Import throughput: GeoJSON polygons, CSV points, a GK Shapefile and KML points of growing size, through
 * importLayer (parse + CRS conversion + all checks). Run: `npm run bench`.
 */
import { zipSync } from 'fflate';
import { importLayer } from '../src/io/import-layer.ts';
import { writeDbf, writeShp } from '../scripts/import-fixtures/shapefile-writer.ts';
import { gkForward } from '../test/support/reference-crs.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const square = (i: number) => {
  const x = 120.3 + (i % 300) * 0.003;
  const y = 27.6 + Math.floor(i / 300) * 0.003;
  return [[x, y], [x + 0.002, y], [x + 0.002, y + 0.002], [x, y + 0.002], [x, y]];
};

function geojson(n: number): Uint8Array {
  const features = Array.from({ length: n }, (_, i) => ({ type: 'Feature', properties: { id: `c${i}`, population: i }, geometry: { type: 'Polygon', coordinates: [square(i)] } }));
  return enc(JSON.stringify({ type: 'FeatureCollection', features }));
}
const csv = (n: number) => enc('lon,lat,name\n' + Array.from({ length: n }, (_, i) => `${square(i)[0].join(',')},p${i}`).join('\n'));
const kml = (n: number) =>
  enc('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>' +
    Array.from({ length: n }, (_, i) => `<Placemark><name>p${i}</name><Point><coordinates>${square(i)[0].join(',')}</coordinates></Point></Placemark>`).join('') +
    '</Document></kml>');
function shapefile(n: number): Uint8Array {
  const shapes = Array.from({ length: n }, (_, i) => ({ type: 'Polygon' as const, coordinates: [[...square(i)].reverse().map((p) => gkForward(p, 120))] }));
  const { shp, shx } = writeShp(shapes);
  const dbf = writeDbf([{ name: 'id', type: 'C', length: 8 }], shapes.map((_, i) => [`c${i}`]), enc);
  const prj = 'PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000"]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0]]';
  return zipSync({ 'a.shp': shp, 'a.shx': shx, 'a.dbf': dbf, 'a.prj': enc(prj) });
}

export async function run(): Promise<{ case: string; features: number; sizeMB: string; ms: string; featuresPerS: string }[]> {
  const rows = [];
  for (const n of [1_000, 10_000, 50_000]) {
    for (const [name, bytes, file] of [['GeoJSON polygons', geojson(n), 'a.geojson'], ['CSV points', csv(n), 'a.csv'], ['Shapefile GK polygons', shapefile(n), 'a.zip'], ['KML points', kml(n), 'a.kml']] as const) {
      const t0 = performance.now();
      const r = await importLayer(bytes, file);
      const ms = performance.now() - t0;
      if (!r.ok) throw new Error(`${name} ${n}: ${r.problems[0].code}`);
      rows.push({ case: name, features: n, sizeMB: (bytes.byteLength / 1048576).toFixed(1), ms: ms.toFixed(0), featuresPerS: Math.round(n / (ms / 1000)).toLocaleString('en') });
    }
  }
  return rows;
}
