/**
 * An ILLUSTRATIVE facility set for trying the coverage tools without real data: a few made-up
 * facilities per board and life-circle tier, placed at seeded-random points inside the board.
 * Deterministic (same boards + seed → same facilities); every facility has `illustrative: true`
 * and a name ending in （示意）. Never real locations; the UI says so wherever they show.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Facility } from '../../domain/facility.ts';
import type { FacilityCategoryStandard, LifeCircleTier } from '../../domain/life-circle.ts';
import { bboxOf, areaKm2 } from '../../geo/measure.ts';
import { pointInAreal } from '../../geo/point-polygon.ts';

/**
 * How many made-up facilities per board: one per `km2PerFacility` of board area, between
 * `min` and `max`. Generator settings for a readable demonstration, not a standard.
 */
export const ILLUSTRATIVE_DENSITY: Readonly<Record<'15-min' | '10-min' | '5-min', { km2PerFacility: number; min: number; max: number }>> = {
  '15-min': { km2PerFacility: 20, min: 1, max: 2 },
  '10-min': { km2PerFacility: 8, min: 1, max: 3 },
  '5-min': { km2PerFacility: 4, min: 2, max: 5 },
};

const TIERS = ['15-min', '10-min', '5-min'] as const;
/** Give up placing a point after this many rejected samples (a degenerate board). */
const MAX_TRIES = 10_000;

/** mulberry32: a small seeded generator, uniform on [0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface IllustrativeBoard {
  id: string;
  geometry: Polygon | MultiPolygon;
}

/**
 * Made-up facilities inside each board, ids `demo-<board>-<tier>-<n>`, coordinates rounded to
 * 1e-6° (≈ 0.1 m). Categories rotate through the GB 50180 table's categories of each tier.
 * @example illustrativeFacilities(boards.features.map((f) => ({ id: f.properties.id, geometry: f.geometry })), gb50180.facilities)
 */
export function illustrativeFacilities(boards: readonly IllustrativeBoard[], categories: readonly FacilityCategoryStandard[], seed = 20_211_168): Facility[] {
  const random = seededRandom(seed);
  const byTier = new Map<LifeCircleTier, FacilityCategoryStandard[]>();
  for (const c of categories) byTier.set(c.tier, [...(byTier.get(c.tier) ?? []), c]);
  const out: Facility[] = [];
  boards.forEach((board, b) => {
    const [w, s, e, n] = bboxOf(board.geometry);
    const area = areaKm2(board.geometry);
    for (const tier of TIERS) {
      const d = ILLUSTRATIVE_DENSITY[tier];
      const count = Math.min(d.max, Math.max(d.min, Math.round(area / d.km2PerFacility)));
      const cats = byTier.get(tier) ?? [];
      for (let k = 0; k < count; k++) {
        let p: [number, number] | null = null;
        for (let t = 0; t < MAX_TRIES && !p; t++) {
          const q: [number, number] = [round6(w + random() * (e - w)), round6(s + random() * (n - s))];
          if (pointInAreal(q, board.geometry)) p = q;
        }
        if (!p) continue;
        const cat = cats.length ? cats[(b + k) % cats.length] : null;
        out.push({
          id: `demo-${board.id}-${tier}-${k + 1}`,
          category: cat?.category ?? tier,
          name: `${cat?.name ?? tier}（示意）`,
          lonLat: p,
          illustrative: true,
        });
      }
    }
  });
  return out;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
