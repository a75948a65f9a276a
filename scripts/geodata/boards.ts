/**
 * Schematic board extents. No package has township boundaries, so each board is drawn as
 * the union of Voronoi cells of hand-placed street anchors (geodata/sources/board-anchors.json),
 * the cells computed per county among that county's anchors only, each cell clipped to its
 * county, to land, to a circle of the anchor's reach and, for islands, to its island.
 */
import { Delaunay } from 'd3-delaunay';
import { circle, bboxPolygon, booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { intersectAreal, differenceAreal, unionAreal, type Areal } from '../../src/geo/polygon-ops.ts';
import type { BoardProperties, Category, Confidence } from '../../src/domain/board.ts';
import { COUNTY_ADCODES } from '../../src/domain/county.ts';
import { areaKm2 } from '../../src/geo/measure.ts';
import type { CountyProps } from './counties.ts';
import { assertRobust, robustAreal } from './robust-areal.ts';

export interface Anchor {
  street: string;
  code: string;
  board: string | null;
  lon: number;
  lat: number;
  reachKm: number;
  zone?: 'qidu-island' | 'land-component';
}

export interface PlanBoard {
  id: string;
  name: string;
  nameEn: string;
  category: Category;
  planDistrict: string;
  planNote?: string;
}

/** Confidence in which streets make up each board (../shared/DATA.md's draft composition). */
export const COMPOSITION_CONFIDENCE: Readonly<Record<string, Confidence>> = {
  yangshuang: 'high', jiucheng: 'medium', jingxin: 'high', wutian: 'high', 'longwan-centre': 'medium',
  qidu: 'high', 'quxi-guoxi': 'high', 'nanhu-sanyang': 'high', 'zhenan-tech-city': 'low', etdz: 'low',
  oujiangkou: 'medium', 'oubei-sanjiang': 'medium', 'tengqiao-zeya': 'medium', xincheng: 'medium',
  'binjiang-cbd': 'high', 'hsr-new-town': 'medium', 'xianli-chashan': 'high', zhuangpu: 'high',
  yaonan: 'low', konggang: 'low', 'dongtou-island': 'medium',
};

/** Schematic geometry is never better than medium: anchors are approximate and cells are not boundaries. */
function geometryConfidence(c: Confidence): Confidence {
  return c === 'high' ? 'medium' : 'low';
}

/** Parts smaller than this are clipping artefacts (slivers between nearly coincident edges), not places. */
const SLIVER_KM2 = 0.02;

function dropSlivers(g: Areal): Areal {
  if (g.type === 'Polygon') return g;
  const keep = g.coordinates.filter((p) => areaKm2({ type: 'Polygon', coordinates: p }) >= SLIVER_KM2);
  return keep.length === 1 ? { type: 'Polygon', coordinates: keep[0] } : { type: 'MultiPolygon', coordinates: keep };
}

/** Valid on the 1e-6° grid and after projection, without pinches or slivers. */
function robustBoard(g: Areal, id: string): Areal {
  const r = robustAreal(g, `board ${id}`);
  if (!r) throw new Error(`board ${id}: empty after cleaning`);
  const out = dropSlivers(r);
  assertRobust(out, `board ${id}`);
  return out;
}

/** 七都岛: the part of 鹿城区's eastern lobe east of this longitude (the river channel in the land data). */
export const QIDU_WEST_LON = 120.748;

const KM_PER_DEG_LAT = 110.574;

function toLocal(lon: number, lat: number, lat0: number): [number, number] {
  return [lon * 111.32 * Math.cos((lat0 * Math.PI) / 180), lat * KM_PER_DEG_LAT];
}
function fromLocal(x: number, y: number, lat0: number): Position {
  return [x / (111.32 * Math.cos((lat0 * Math.PI) / 180)), y / KM_PER_DEG_LAT];
}

function countyOf(code: string): string {
  const adcode = code.slice(0, 6);
  const name = Object.entries(COUNTY_ADCODES).find(([, c]) => c === adcode)?.[0];
  if (!name) throw new Error(`anchor code ${code}: unknown county ${adcode}`);
  return name;
}

function landComponent(land: FeatureCollection<Polygon>, lon: number, lat: number): Areal {
  const pt = point([lon, lat]);
  const hit = land.features.find((f) => booleanPointInPolygon(pt, f));
  if (!hit) throw new Error(`anchor at ${lon},${lat} is not on land`);
  return hit.geometry;
}

export function buildBoards(
  anchors: readonly Anchor[],
  plan: readonly PlanBoard[],
  counties: FeatureCollection<Areal, CountyProps>,
  land: FeatureCollection<Polygon>,
  landUnion: Areal,
): FeatureCollection<Areal, BoardProperties> {
  const countyGeom = (name: string): Areal => {
    const f = counties.features.find((c) => c.properties.name === name);
    if (!f) throw new Error(`county ${name} not found`);
    return f.geometry;
  };
  const lat0 = 28;
  const qiduZone = intersectAreal(countyGeom('鹿城区'), bboxPolygon([QIDU_WEST_LON, 27.9, 120.9, 28.1]).geometry);
  if (!qiduZone) throw new Error('七都 zone is empty');

  // Pieces per board: one per anchor.
  const pieces = new Map<string, Areal[]>();
  const byCounty = new Map<string, Anchor[]>();
  for (const a of anchors) {
    const c = countyOf(a.code);
    byCounty.set(c, [...(byCounty.get(c) ?? []), a]);
  }
  for (const [county, list] of byCounty) {
    const county_ = countyGeom(county);
    const countyLand = intersectAreal(county_, landUnion);
    if (!countyLand) throw new Error(`${county} has no land`);
    const pts = list.map((a) => toLocal(a.lon, a.lat, lat0));
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const pad = 200;
    const voronoi = Delaunay.from(pts).voronoi([Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) + pad, Math.max(...ys) + pad]);
    // Per board within this county: the union of its anchors' cells (they share exact edges,
    // so the union is clean), limited to the union of their reach circles, then to land and zone.
    const boardIds = [...new Set(list.map((a) => a.board).filter((b): b is string => b !== null))];
    for (const boardId of boardIds) {
      const mine = list.map((a, i) => ({ a, i })).filter(({ a }) => a.board === boardId);
      const cells = unionAreal(mine.map(({ i }): Areal => ({ type: 'Polygon', coordinates: [voronoi.cellPolygon(i).map(([x, y]) => fromLocal(x, y, lat0))] })));
      const reach = unionAreal(mine.map(({ a }) => circle([a.lon, a.lat], a.reachKm, { units: 'kilometers', steps: 96 }).geometry));
      let clip: Areal | null = cells && reach ? intersectAreal(cells, reach) : null;
      if (clip) clip = intersectAreal(clip, countyLand);
      const zone = mine[0].a.zone;
      if (clip && zone === 'qidu-island') clip = intersectAreal(clip, qiduZone);
      else if (clip && county === '鹿城区') clip = differenceAreal(clip, qiduZone);
      if (clip && zone === 'land-component') clip = intersectAreal(clip, unionAreal(mine.map(({ a }) => landComponent(land, a.lon, a.lat)))!);
      if (!clip) throw new Error(`board ${boardId} in ${county}: empty`);
      pieces.set(boardId, [...(pieces.get(boardId) ?? []), clip]);
    }
  }

  const features: Feature<Areal, BoardProperties>[] = [];
  for (const b of plan) {
    const mine = anchors.filter((a) => a.board === b.id);
    const geom = unionAreal(pieces.get(b.id) ?? []);
    if (!geom || !mine.length) throw new Error(`board ${b.id}: no geometry`);
    const districts = [...new Set(mine.map((a) => countyOf(a.code)))];
    const comp = COMPOSITION_CONFIDENCE[b.id] ?? 'low';
    features.push({
      type: 'Feature',
      properties: {
        id: b.id,
        name: b.name,
        nameEn: b.nameEn,
        category: b.category,
        district: districts.join('、'),
        planDistrict: b.planDistrict,
        streets: mine.map((a) => a.street),
        streetCodes: mine.map((a) => a.code),
        geometrySource:
          'schematic: union of Voronoi cells of hand-placed street anchors (approx. ±1 km), clipped to the county, to land and to each anchor\'s reach; see geodata/README.md',
        confidence: geometryConfidence(comp),
        compositionConfidence: comp,
        schematic: true,
        ...(b.planNote ? { planNote: b.planNote } : {}),
      },
      geometry: robustBoard(geom, b.id),
    });
  }
  return { type: 'FeatureCollection', features };
}
