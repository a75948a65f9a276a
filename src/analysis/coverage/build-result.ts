/** Assemble the plain result object from the engine's state (per board × group × radius). */
import type { FacilityGroup } from '../../domain/facility.ts';
import type { BoardShape } from './board-shape.ts';
import type { GroupState } from './group-state.ts';
import type { PreparedPopulation } from './population-points.ts';
import type { BoardCoverage, CoverageBoard, CoverageOptions, CoverageResult, GroupCoverage, StandardStatus } from './types.ts';

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

export function buildResult(
  boards: CoverageBoard[],
  shapes: BoardShape[],
  pop: PreparedPopulation,
  groups: FacilityGroup[],
  states: Map<FacilityGroup, GroupState>,
  options: CoverageOptions,
): CoverageResult {
  const out: BoardCoverage[] = boards.map((b, bi) => {
    const areaM2 = shapes[bi].areaM2;
    const residents = pop.residents[bi];
    const gs: GroupCoverage[] = groups.map((g) => {
      const s = states.get(g)!;
      const facilities = s.facilitiesPerBoard[bi];
      const std = g === 'any' ? null : (options.tierStandards?.find((t) => t.id === g)?.population ?? null);
      const rpf = residents !== null && facilities > 0 ? residents / facilities : null;
      let status: StandardStatus | null = null;
      if (std && rpf !== null) status = rpf < std.min ? 'below' : rpf > std.max ? 'above' : 'within';
      return {
        group: g,
        facilities,
        residentsPerFacility: rpf,
        standardResidents: std,
        standardStatus: status,
        radii: s.radii.map((rs) => {
          const areaShare = areaM2 > 0 ? clamp01(rs.coveredAreaM2[bi] / areaM2) : 0;
          let populationShare: number | null = null;
          let coveredResidents: number | null = null;
          if (pop.model === 'uniform-assumption' && residents !== null) {
            populationShare = areaShare;
            coveredResidents = residents * areaShare;
          } else if ((pop.model === 'points' || pop.model === 'cell-centroids') && residents !== null) {
            coveredResidents = rs.coveredResidents[bi];
            populationShare = residents > 0 ? clamp01(coveredResidents / residents) : null;
          }
          return { radiusM: rs.radiusM, areaShare, coveredAreaKm2: Math.max(0, rs.coveredAreaM2[bi]) / 1e6, populationShare, coveredResidents };
        }),
      };
    });
    return { id: b.id, name: b.name, areaKm2: areaM2 / 1e6, residents, groups: gs };
  });
  return {
    radiiM: [...options.radiiM],
    groups: [...groups],
    distanceModel: 'straight-line, local equirectangular frame (WGS-84 radii of curvature at the centre latitude)',
    populationModel: pop.model,
    boards: out,
  };
}
