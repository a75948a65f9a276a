/** Job–housing balance (职住平衡) engine: public API. */
export * from './types.ts';
export { prepareCatchments, withParkGeometry, sharesOf, type CatchmentShares, type ParkShape } from './catchment-geometry.ts';
export { computeJobsHousing } from './metrics.ts';
export { analyseJobsHousing } from './analyse.ts';
export { OVERLAP_SHARE_FORMULA, JOBS_IN_REACH_FORMULA, SHARED_JOBS_FORMULA, RATIO_FORMULA, VERDICT_FORMULA, type FormulaText } from './formula.ts';
export { balancedBand } from './standards.ts';
export type { JhStandards } from '../../domain/jobs-housing-standards.ts';
export { defaultDwellingsByBoard, type DefaultDwellings } from './default-dwellings.ts';
export type { DwellingAssumptions } from '../../domain/dwelling-assumptions.ts';
export { commuteBounds, commuteBoundsForBoards, commutingPotentialUtilised, excessCommuting, type CommuteBounds } from './commute.ts';
export { solveTransportation } from './transportation.ts';
export { CatchmentSession } from './catchment-session.ts';
