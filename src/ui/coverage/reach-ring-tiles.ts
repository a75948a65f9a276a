/**
 * The coverage tab's reach rings as a TiledPoints overlay (src/map/overlay.ts): the page picks the
 * ring centres (the map tier's facilities, or the selected one) and sends them packed with the
 * radius; the tile worker draws the circles into vector tiles (src/geo/point-tile-index.ts). Before,
 * up to 2,000 rings were a GeoJSON collection from the coverage worker, and MapLibre's `setData`
 * serialized every vertex on the page to send it to its own worker (112 ms in a profile, 137–347 ms
 * under load; README Speed).
 */
import type { FeatureCollection } from 'geojson';
import type { Facility } from '../../domain/facility.ts';
import type { OverlayData, TiledPoints } from '../../map/overlay.ts';
import type { CoverageTier, TierRadii } from '../../analysis/coverage/tier-figures.ts';
import { facilityTier } from './coverage-data.ts';
import { TIER_COLORS } from './coverage-overlays.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export interface RingChoice {
  facilities: readonly Facility[];
  /** The map tier: its facilities' rings when none is selected. */
  tier: CoverageTier;
  radiiM: TierRadii;
  /** The selected facility: only its ring, at its own tier's radius (the map tier's for an untiered one). */
  selected: Facility | null;
  /** A facility being dragged: its ring is left out until the drop. */
  hiddenId: string | null;
  /** More of the tier's facilities than this draw no ring (the gap layer shows reach then). */
  maxRings: number;
}

/** The centres and radius of the rings to draw (the coverage worker's `rings` chose the same). */
export function ringCentres(c: RingChoice): { centres: Facility[]; radiusM: number; tier: CoverageTier } {
  if (c.selected) {
    const tier = facilityTier(c.selected) ?? c.tier;
    return { centres: c.selected.id === c.hiddenId ? [] : [c.selected], radiusM: c.radiiM[tier], tier };
  }
  const chosen = c.facilities.filter((f) => facilityTier(f) === c.tier);
  const centres = chosen.length > c.maxRings ? [] : chosen.filter((f) => f.id !== c.hiddenId);
  return { centres, radiusM: c.radiiM[c.tier], tier: c.tier };
}

/** The rings as tiled data (an empty collection when there is none: no worker for nothing). */
export function reachRingTiles(c: RingChoice): OverlayData {
  const { centres, radiusM, tier } = ringCentres(c);
  if (centres.length === 0 || !(radiusM > 0)) return EMPTY;
  const color = TIER_COLORS[tier];
  const rings: TiledPoints = {
    type: 'TiledPoints',
    count: centres.length,
    pack: async () => {
      const lonLat = new Float64Array(centres.length * 2);
      centres.forEach((f, i) => lonLat.set(f.lonLat, 2 * i));
      const columnsUtf8 = new TextEncoder().encode(JSON.stringify({ id: centres.map((f) => f.id), color: centres.map(() => color) }));
      return { count: centres.length, lonLat, columnsUtf8, ringRadiusM: radiusM };
    },
    // At most MAX_TIER_RINGS centres: sent whole each time.
    changeFrom: async () => null,
    backend: () => import('../../workers/point-tiles-client.ts'),
  };
  return rings;
}
