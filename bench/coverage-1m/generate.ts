/**
 * The issue-14 files: 5,000 facilities and 1,000,000 people spread over the shipped boards' extent
 * (seeded, so every run writes the same bytes): facilities.csv, population.csv (~24 MB) and
 * population.geojson (~115 MB). `tsx bench/coverage-1m/generate.ts DIR [people]` writes them to DIR.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { mulberry32 } from '../seeded.ts';

/** The shipped boards' bounding box, degrees (geodata/boards.geojson). */
const WEST = 120.408882, SOUTH = 27.793905, EAST = 121.1929, NORTH = 28.128959;

async function writeLines(path: string, head: string, n: number, line: (i: number) => string, tail = ''): Promise<void> {
  const out = createWriteStream(path);
  out.write(head);
  let buf = '';
  for (let i = 0; i < n; i++) {
    buf += line(i);
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.write(buf + tail);
  out.end();
  await once(out, 'finish');
}

export interface BigFiles { facilitiesCsv: string; populationCsv: string; populationGeojson: string; people: number; facilities: number }

export async function writeBigCoverageFiles(dir: string, people = 1_000_000, facilities = 5_000): Promise<BigFiles> {
  mkdirSync(dir, { recursive: true });
  const rnd = mulberry32(14);
  const lon = () => (WEST + rnd() * (EAST - WEST)).toFixed(6);
  const lat = () => (SOUTH + rnd() * (NORTH - SOUTH)).toFixed(6);
  const fac = Array.from({ length: facilities }, (_, i) => `f${i + 1},${lon()},${lat()}\n`).join('');
  writeFileSync(join(dir, 'facilities.csv'), 'id,lon,lat\n' + fac);
  const pts = Array.from({ length: people }, () => [lon(), lat(), 1 + Math.floor(rnd() * 20)] as const);
  await writeLines(join(dir, 'population.csv'), 'lon,lat,population\n', people, (i) => `${pts[i][0]},${pts[i][1]},${pts[i][2]}\n`);
  await writeLines(join(dir, 'population.geojson'), '{"type":"FeatureCollection","features":[\n', people,
    (i) => `${i ? ',\n' : ''}{"type":"Feature","properties":{"population":${pts[i][2]}},"geometry":{"type":"Point","coordinates":[${pts[i][0]},${pts[i][1]}]}}`, '\n]}\n');
  return { facilitiesCsv: join(dir, 'facilities.csv'), populationCsv: join(dir, 'population.csv'), populationGeojson: join(dir, 'population.geojson'), people, facilities };
}

if (process.argv[1]?.endsWith('generate.ts')) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: tsx bench/coverage-1m/generate.ts DIR [people]');
  console.log(await writeBigCoverageFiles(dir, Number(process.argv[3] ?? 1_000_000)));
}
