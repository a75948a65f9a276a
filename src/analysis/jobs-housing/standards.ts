/**
 * Reading the cited thresholds of geodata/standards/jobs-housing.json (typed in
 * src/domain/jobs-housing-standards.ts): the balanced band of the ratio Anju uses. The file is read by the caller (app bundle or CLI) and
 * passed in, so the core stays free of I/O.
 */
import type { BalancedBand } from './types.ts';
import type { JhStandards } from '../../domain/jobs-housing-standards.ts';

/** The balanced band of the chosen definition; throws if the table is inconsistent (a data bug). */
export function balancedBand(s: JhStandards): BalancedBand {
  const d = s.ratio.definitions.find((x) => x.id === s.ratio.chosen);
  if (!d || d.balancedMin === undefined || d.balancedMax === undefined) {
    throw new Error(`jobs-housing standards: chosen definition "${s.ratio.chosen}" has no balanced band`);
  }
  if (d.id !== 'jobs-per-dwelling') throw new Error(`jobs-housing standards: the engine computes jobs per dwelling, not "${d.id}"`);
  return { minJobsPerDwelling: d.balancedMin, maxJobsPerDwelling: d.balancedMax };
}

