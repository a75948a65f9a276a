/**
 * One scenario's results in one plain object (for the CLI's --json and for the UI/worker):
 * totals, gauges, rule warnings, and the targets allocations cannot measure.
 */
import type { Target } from '../../domain/target.ts';
import type { AllocationTotals } from './totals.ts';
import type { TargetGauge } from './gauges.ts';
import type { RuleReport, RuleWarning, RuleSkip } from './rules.ts';

export interface ScenarioReport {
  id: string;
  name: string;
  totals: Omit<AllocationTotals, 'byTypeYear' | 'siteBoards'>;
  siteBoards: Record<string, string | null>;
  gauges: TargetGauge[];
  warnings: RuleWarning[];
  skippedRules: RuleSkip[];
  /** Targets that are not housing-unit counts (percentages, m², communities): listed, not gauged. */
  notMeasured: string[];
}

export function scenarioReport(s: { id: string; name: string }, totals: AllocationTotals, gauges: TargetGauge[], rules: RuleReport, targets: readonly Target[]): ScenarioReport {
  const { byTypeYear: _byTypeYear, siteBoards, ...rest } = totals;
  return {
    id: s.id,
    name: s.name,
    totals: rest,
    siteBoards,
    gauges,
    warnings: rules.warnings,
    skippedRules: rules.skipped,
    notMeasured: targets.filter((t) => !gauges.some((g) => g.targetId === t.id)).map((t) => t.id),
  };
}
