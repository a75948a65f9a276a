/**
 * Coverage by walking distance along a street network, beside the straight-line figures.
 * Area share is estimated on a square grid of sample points (spacing `sampleSpacingM`, judged
 * at the sample) inside each board — an approximation (sampling error ≈ spacing / board size).
 * Population share is exact for population points: access leg to the nearest network point +
 * network distance to the nearest facility. Over-claim points: samples within the straight-line
 * radius but beyond it on the network.
 */
import type { Feature, FeatureCollection, MultiPoint, Position } from 'geojson';
import type { LonLat } from '../../domain/facility.ts';
import type { PopulationPoint } from '../../domain/population.ts';
import { boardContains, boardShape } from './board-shape.ts';
import { FacilityGrid } from './facility-grid.ts';
import { project, unproject, type LocalFrame } from './local-frame.ts';
import { buildStreetNetwork, networkDistances, pointNetworkDistance } from './street-network.ts';
import type { CoverageBoard } from './types.ts';

export interface NetworkRadiusCoverage {
  radiusM: number;
  areaShare: number;
  populationShare: number | null;
  /** Share of the board's samples covered in a straight line but not along streets. */
  overClaimShare: number;
}

export interface NetworkBoardCoverage {
  id: string;
  samples: number;
  sampleSpacingM: number;
  radii: NetworkRadiusCoverage[];
}

export interface NetworkCoverage {
  boards: NetworkBoardCoverage[];
  /** Over-claim sample points per board and radius. */
  overClaim: FeatureCollection<MultiPoint, { boardId: string; radiusM: number }>;
}

export interface NetworkCoverageInput {
  boards: CoverageBoard[];
  facilities: LonLat[];
  streets: Position[][];
  radiiM: number[];
  population?: PopulationPoint[];
  frame: LocalFrame;
  sampleSpacingM?: number;
}

export function networkCoverage(input: NetworkCoverageInput): NetworkCoverage {
  const { frame, radiiM } = input;
  const spacing = input.sampleSpacingM ?? 50;
  const maxR = Math.max(...radiiM);
  const net = buildStreetNetwork(input.streets, frame);
  const fxy = input.facilities.map((p) => project(frame, p));
  const dist = networkDistances(net, fxy, maxR);
  const grid = new FacilityGrid(maxR, fxy.map((p) => p[0]), fxy.map((p) => p[1]));
  fxy.forEach((_, i) => grid.insert(i));
  const straightM = (x: number, y: number) => {
    let best = Infinity;
    for (const i of grid.within(x, y, maxR)) best = Math.min(best, Math.hypot(fxy[i][0] - x, fxy[i][1] - y));
    return best;
  };
  const popPts = (input.population ?? []).map((p) => ({ xy: project(frame, p.lonLat), w: p.population }));
  const overFeatures: Feature<MultiPoint, { boardId: string; radiusM: number }>[] = [];
  const boards = input.boards.map((b) => {
    const s = boardShape(b.geometry, frame);
    const netCovered = radiiM.map(() => 0);
    const over: Position[][] = radiiM.map(() => []);
    let samples = 0;
    for (let y = Math.floor(s.minY / spacing) * spacing + spacing / 2; y < s.maxY; y += spacing) {
      for (let x = Math.floor(s.minX / spacing) * spacing + spacing / 2; x < s.maxX; x += spacing) {
        if (!boardContains(s, x, y)) continue;
        samples++;
        const dn = pointNetworkDistance(net, dist, x, y, maxR);
        const ds = straightM(x, y);
        radiiM.forEach((r, k) => {
          if (dn <= r) netCovered[k]++;
          else if (ds <= r) over[k].push(unproject(frame, x, y));
        });
      }
    }
    let residents = 0;
    const popCovered = radiiM.map(() => 0);
    for (const p of popPts) {
      if (!boardContains(s, p.xy[0], p.xy[1])) continue;
      residents += p.w;
      const dn = pointNetworkDistance(net, dist, p.xy[0], p.xy[1], maxR);
      radiiM.forEach((r, k) => {
        if (dn <= r) popCovered[k] += p.w;
      });
    }
    radiiM.forEach((radiusM, k) => overFeatures.push({ type: 'Feature', properties: { boardId: b.id, radiusM }, geometry: { type: 'MultiPoint', coordinates: over[k] } }));
    return {
      id: b.id,
      samples,
      sampleSpacingM: spacing,
      radii: radiiM.map((radiusM, k) => ({
        radiusM,
        areaShare: samples ? netCovered[k] / samples : 0,
        populationShare: input.population && residents > 0 ? popCovered[k] / residents : null,
        overClaimShare: samples ? over[k].length / samples : 0,
      })),
    };
  });
  return { boards, overClaim: { type: 'FeatureCollection', features: overFeatures } };
}
