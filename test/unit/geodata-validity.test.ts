/**
 * Every shipped polygon holds up in any GIS: OGC-valid in WGS-84 and still valid
 * after projection to CGCS2000 3° GK (EPSG:4549) and UTM 51N with the projected rings snapped
 * to a 1 mm grid, no ring touching itself or another ring (no pinches), coordinates on the
 * 1e-6° grid they are stored at, rings wound as RFC 7946 says. Checked with JSTS, independently of Turf and of the GEOS the
 * geodata build uses. The counties tile without gaps or overlaps, and the structure is their union.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { counties, defaultBoards, land, structure } from '../../src/data/embedded.ts';
import { polygonsOf, type Areal } from '../../src/geo/polygon-ops.ts';
import { CHECK_PROJECTIONS, projectAreal } from '../../scripts/geodata/check-projections.ts';
import { jstsInvalidReason, jstsMinimumClearance, jstsUnion } from '../support/jsts-validity.ts';
import { rewindGeometry } from '../../src/io/validate/check-polygons.ts';

const employment = JSON.parse(readFileSync(new URL('../../geodata/employment-areas.geojson', import.meta.url), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;

const FILES: [string, FeatureCollection<Polygon | MultiPolygon>][] = [
  ['counties.geojson', counties],
  ['land.geojson', land],
  ['boards.geojson', defaultBoards],
  ['employment-areas.geojson', employment],
  ['structure (derived from counties)', structure],
];
const label = (fc: string, i: number, p: Record<string, unknown> | null) => `${fc} #${i} ${String(p?.name ?? p?.id ?? '')}`;

/** A vertex used twice by the rings of one geometry: a ring touching itself or another ring. */
function pinch(g: Areal): Position | null {
  const seen = new Set<string>();
  for (const poly of polygonsOf(g)) for (const ring of poly) for (let i = 0; i < ring.length - 1; i++) {
    const k = `${ring[i][0]},${ring[i][1]}`;
    if (seen.has(k)) return ring[i];
    seen.add(k);
  }
  return null;
}

function snapMm(g: Areal): Areal {
  const r = (ring: Position[]) => ring.map(([x, y]) => [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000]);
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: g.coordinates.map(r) } : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(r)) };
}

describe.each(FILES)('%s holds up in any GIS', { timeout: 60_000 }, (name, fc) => {
  it('stores coordinates at 6 decimals at most', () => {
    for (const [i, f] of fc.features.entries()) {
      for (const poly of polygonsOf(f.geometry)) for (const ring of poly) for (const [x, y] of ring) {
        if (Math.round(x * 1e6) / 1e6 !== x || Math.round(y * 1e6) / 1e6 !== y) expect.fail(`${label(name, i, f.properties)}: ${x},${y} has more than 6 decimals`);
      }
    }
  });

  it('winds its rings as RFC 7946 says (exteriors counter-clockwise, holes clockwise): strict readers and GDAL take it as it is', () => {
    const wrong = fc.features.flatMap((f, i) => (rewindGeometry(f.geometry).changed ? [label(name, i, f.properties)] : []));
    expect(wrong).toEqual([]);
  });

  it('is OGC-valid in WGS-84 (JSTS), with no pinch and a clearance above the grid noise', () => {
    for (const [i, f] of fc.features.entries()) {
      const what = label(name, i, f.properties);
      expect(jstsInvalidReason(f.geometry), what).toBeNull();
      expect(pinch(f.geometry), `${what}: a ring touches a ring here`).toBeNull();
      // 4e-7° ≈ 4 cm: a touch or a vertex on another edge would be 0.
      expect(jstsMinimumClearance(f.geometry), what).toBeGreaterThan(4e-7);
    }
  });

  it.each(CHECK_PROJECTIONS.map((p) => [p.name, p.proj4]))('stays valid in %s, snapped to 1 mm', (_p, def) => {
    for (const [i, f] of fc.features.entries()) {
      expect(jstsInvalidReason(snapMm(projectAreal(f.geometry, def))), label(name, i, f.properties)).toBeNull();
    }
  });
});

describe('counties.geojson tiles', { timeout: 60_000 }, () => {
  it('without gaps or overlaps: the union has no holes and the area of the sum', () => {
    const geoms = counties.features.map((f) => f.geometry);
    const u = jstsUnion(geoms);
    const sum = geoms.reduce((s, g) => s + jstsUnion([g]).areaDeg2, 0);
    expect(u.holes).toBe(0);
    // An overlap would make the union smaller than the sum; 1e-9 of the area is float noise.
    expect(Math.abs(sum - u.areaDeg2) / u.areaDeg2).toBeLessThan(1e-9);
  });

  it('and each structure part covers exactly its counties', () => {
    for (const part of structure.features) {
      const members = part.properties.counties.map((n) => counties.features.find((c) => c.properties.name === n)!.geometry);
      const a = jstsUnion([part.geometry]).areaDeg2;
      expect(Math.abs(a - jstsUnion(members).areaDeg2) / a, part.properties.name).toBeLessThan(1e-9);
    }
  });
});
