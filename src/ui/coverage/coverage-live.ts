/**
 * The coverage feature's hooks that read its store (coverage-store.svelte.ts): loaded with the
 * store on first use (the tab, a board section, an export), not with the first screen.
 * coverage-feature.ts registers the feature and falls back to "nothing measured yet" until this
 * module has arrived.
 */
import type { LegendEntry, MapInteraction } from '../feature.ts';
import type { Overlay } from '../../map/overlay.ts';
import { store } from '../../state/app-store.svelte.ts';
import { coverage } from './coverage-store.svelte.ts';
import { COVERAGE_LAYERS, GAP_COLOR, SHARE_RAMP, coverageOverlays, shareColor } from './coverage-overlays.ts';
import { TILED_MIN_FACILITIES, facilityTiles } from './facility-tiles.ts';
import { gapTiles } from './gap-tiles.ts';

/** Many facilities are drawn from vector tiles made in a worker (the GeoJSON collection is not built then). */
const manyFacilities = () => store.project.facilities.length >= TILED_MIN_FACILITIES;

export { coverage };

export function overlays(): Overlay[] {
  return coverageOverlays(
    { gaps: gapTiles(coverage.gaps), overClaim: coverage.overClaimFc, rings: coverage.ringsShown, selected: coverage.selectedFc, facilities: manyFacilities() ? facilityTiles(store.project.facilities) : coverage.facilitiesFc },
    { tier: coverage.tier, radiusM: coverage.tierRadii[coverage.tier], illustrative: coverage.illustrative },
  );
}

export function boardColors(): Record<string, string> | null {
  // No facilities, nothing measured: keep the category colours rather than a uniform "0 %".
  if (!coverage.result || store.project.facilities.length === 0) return null;
  const out: Record<string, string> = {};
  for (const b of coverage.result.boards) {
    const f = coverage.figures(b.id, coverage.tier);
    if (f) out[b.id] = shareColor(f.areaShare);
  }
  return out;
}

export function boardLegend(): LegendEntry[] {
  return [
    ...SHARE_RAMP.map((color, i) => {
      const from = (i * 100) / SHARE_RAMP.length, to = ((i + 1) * 100) / SHARE_RAMP.length;
      return { color, label: { zh: `面积覆盖 ${from}–${to}%`, en: `area in reach ${from}–${to}%` } };
    }),
    { color: GAP_COLOR, label: { zh: '服务缺口（不可达）', en: 'gap (out of reach)' } },
  ];
}

export function mapInteraction(): MapInteraction {
  return {
    draggableLayers: [COVERAGE_LAYERS.facilities],
    onFeatureDrag: (e) => coverage.onDrag(e),
    onFeatureClick: (_layer, id) => (coverage.selectedFacilityId = id),
    picking: coverage.adding,
    onPick: (lonLat) => coverage.addAt(lonLat),
  };
}
