/**
 * Job–housing engine timings on the shipped data (21 boards × 6 employment areas):
 * full recompute, edit one park's jobs, redraw one park, commute bounds — against a naive
 * Turf approach that rebuilds everything (buffer, union, intersect, area) on every edit.
 */
import { readFileSync } from 'node:fs';
import { area, buffer, feature, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import {
  computeJobsHousing, prepareCatchments, withParkGeometry, commuteBoundsForBoards, type JhBoard, type JhPark,
} from '../src/analysis/jobs-housing/index.ts';
import type { Areal } from '../src/geo/polygon-ops.ts';

type FC = FeatureCollection<Polygon | MultiPolygon, Record<string, string & number>>;
const read = (p: string) => JSON.parse(readFileSync(new URL(`../geodata/${p}`, import.meta.url), 'utf8')) as FC;
const BAND = { minJobsPerDwelling: 1.3, maxJobsPerDwelling: 1.7 };
const RADIUS_KM = 5;

function time(label: string, runs: number, fn: () => unknown): { label: string; medianMs: number; runs: number } {
  fn(); // warm up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { label, medianMs: ms[Math.floor(ms.length / 2)], runs };
}

/** Naive: Turf buffer (8 steps, its default), union, and two intersections per board, from scratch. */
function naiveTurf(boards: JhBoard[], parks: JhPark[], dwellings: Record<string, number>) {
  const rings = parks.map((p) => buffer(feature(p.geometry), RADIUS_KM, { units: 'kilometers' }) as Feature<Areal>);
  const all = union(featureCollection(rings)) as Feature<Areal>;
  return boards.map((b) => {
    const a = area(feature(b.geometry));
    const hit = intersect(featureCollection([feature(b.geometry), all]));
    const jobs = parks.reduce((s, p, j) => {
      const piece = intersect(featureCollection([feature(b.geometry), rings[j]]));
      return s + (piece ? (p.jobs * area(piece)) / a : 0);
    }, 0);
    return { overlap: hit ? area(hit) / a : 0, ratio: jobs / dwellings[b.id] };
  });
}

const shift = (g: Areal, dLon: number): Areal =>
  g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(([x, y]) => [x + dLon, y])) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(([x, y]) => [x + dLon, y]))) };

export function run(): void {
  const boards: JhBoard[] = read('boards.geojson').features.map((f) => ({ id: f.properties.id, name: f.properties.name, geometry: f.geometry }));
  const parks: JhPark[] = read('employment-areas.geojson').features.map((f) => ({ id: f.properties.id, name: f.properties.name, jobs: f.properties.jobs, geometry: f.geometry }));
  const dwellings = Object.fromEntries(boards.map((b) => [b.id, 50_000]));
  const jobsByPark = Object.fromEntries(parks.map((p) => [p.id, p.jobs]));
  const inputs = { jobsByPark, dwellingsByBoard: dwellings, band: BAND };
  const cg = prepareCatchments(boards, parks, RADIUS_KM);
  let k = 0;
  const rows = [
    time('full recompute (prepareCatchments + computeJobsHousing)', 10, () => computeJobsHousing(prepareCatchments(boards, parks, RADIUS_KM), inputs)),
    time('edit one park’s jobs (computeJobsHousing only)', 2000, () => computeJobsHousing(cg, { ...inputs, jobsByPark: { ...jobsByPark, etdz: 90_000 + (k++ % 10) * 1000 } })),
    time('redraw one park, 经开区 (withParkGeometry + computeJobsHousing)', 20, () => computeJobsHousing(withParkGeometry(cg, 'etdz', shift(parks[0].geometry, ((k++ % 5) - 2) * 0.002)), inputs)),
    time('redraw one park, 永嘉工业园区', 20, () => computeJobsHousing(withParkGeometry(cg, 'yongjia-industrial', shift(parks[5].geometry, ((k++ % 5) - 2) * 0.002)), inputs)),
    time('commute bounds (2 transportation problems, 21 × 6)', 200, () => commuteBoundsForBoards(boards, dwellings, parks)),
    time('naive Turf: everything from scratch on every edit', 10, () => naiveTurf(boards, parks, dwellings)),
  ];
  console.log(`21 boards × ${parks.length} employment areas, radius ${RADIUS_KM} km; median of N runs after one warm-up (Node ${process.version})`);
  console.log('| operation | median ms | N |\n|---|---:|---:|');
  for (const r of rows) console.log(`| ${r.label} | ${r.medianMs < 1 ? r.medianMs.toFixed(4) : r.medianMs.toFixed(1)} | ${r.runs} |`);
}
