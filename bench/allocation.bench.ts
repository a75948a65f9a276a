/**
 * Allocation totals with many drawn sites over the 21 shipped boards: site → board assignment
 * with a bbox prefilter (as shipped) vs testing every board (naive), plus gauges and rules.
 * Seeded random sites inside the boards' overall bbox; median of 5 runs.
 */
import { readFileSync } from 'node:fs';
import type { BoardCollection } from '../src/domain/board.ts';
import type { Site } from '../src/domain/allocation.ts';
import { HOUSING_TYPES } from '../src/domain/housing-type.ts';
import { planYears } from '../src/data/active-plan.ts';
import { allocationTotals } from '../src/analysis/allocation/totals.ts';
import { assignSiteBoards } from '../src/analysis/allocation/assign-sites.ts';
import { targetGauges } from '../src/analysis/allocation/gauges.ts';
import { ruleWarnings } from '../src/analysis/allocation/rules.ts';
import { targetsData, rulesData, DEFAULT_RULE_SETTINGS } from '../src/data/allocation-data.ts';
import { bboxOf, areaKm2 } from '../src/geo/measure.ts';
import { intersectAreal } from '../src/geo/polygon-ops.ts';
import { pointInAreal } from '../src/geo/point-polygon.ts';
import type { BenchRow } from './run.ts';

export const name = 'allocation (21 boards)';

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sites(boards: BoardCollection, n: number, polygonShare: number): Site[] {
  const rnd = mulberry32(42);
  const boxes = boards.features.map((f) => bboxOf(f.geometry));
  const [w, s, e, nn] = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
  return Array.from({ length: n }, (_, i) => {
    const lon = w + rnd() * (e - w);
    const lat = s + rnd() * (nn - s);
    const d = 0.003;
    const geometry: Site['geometry'] =
      rnd() < polygonShare
        ? { type: 'Polygon', coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]] }
        : { type: 'Point', coordinates: [lon, lat] };
    return { id: `s${i}`, name: '', geometry, units: 100, type: HOUSING_TYPES[i % HOUSING_TYPES.length], year: planYears()[i % 5] };
  });
}

/** Naive: every site against every board, no bbox prefilter. */
function naiveAssign(list: Site[], boards: BoardCollection): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const site of list) {
    let best: string | null = null;
    let bestA = 0;
    for (const f of boards.features) {
      if (site.geometry.type === 'Point') {
        if (pointInAreal(site.geometry.coordinates, f.geometry)) {
          best = f.properties.id;
          break;
        }
        continue;
      }
      const o = intersectAreal(site.geometry, f.geometry);
      const a = o ? areaKm2(o) : 0;
      if (a > bestA) [bestA, best] = [a, f.properties.id];
    }
    out[site.id] = best;
  }
  return out;
}

function medianMs(f: () => unknown): number {
  const t: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return +t.sort((a, b) => a - b)[2].toFixed(1);
}

export function run(): BenchRow[] {
  const boards = JSON.parse(readFileSync(new URL('../geodata/boards.geojson', import.meta.url), 'utf8')) as BoardCollection;
  const rows: BenchRow[] = [];
  for (const [n, poly] of [[1000, 0], [1000, 0.2], [200, 1]] as const) {
    const list = sites(boards, n, poly);
    const assigned = assignSiteBoards(list, boards);
    const same = JSON.stringify(assigned) === JSON.stringify(naiveAssign(list, boards));
    const totals = allocationTotals({ allocations: [], sites: list }, boards, assigned);
    rows.push({
      case: `${n} sites, ${poly * 100}% polygons`,
      'assign ms (bbox prefilter)': medianMs(() => assignSiteBoards(list, boards)),
      'assign ms (naive)': medianMs(() => naiveAssign(list, boards)),
      'same result': same ? 'yes' : 'NO',
      'totals+gauges+rules ms': medianMs(() => {
        const t = allocationTotals({ allocations: [], sites: list }, boards, assigned);
        targetGauges(t, targetsData.targets, DEFAULT_RULE_SETTINGS);
        ruleWarnings(t, boards, rulesData.rules, DEFAULT_RULE_SETTINGS, null);
      }),
      units: totals.units,
    });
  }
  return rows;
}
