/**
 * From a parsed file to what the dialog shows and what Replace would do. The worker always
 * parses leniently (so the preview can list every bad feature AND run the target's own checks
 * on the rest); whether skipping is acceptable is the user's tick (`lenient`) applied here:
 * unticked, every skipped feature is an error that blocks Replace.
 */
import type { FeatureCollection } from 'geojson';
import type { Problem } from '../../domain/problem.ts';
import type { FeatureOrigin, ImportResult } from '../../io/import-result.ts';
import type { ImportTarget, TargetContext, TargetOutcome } from './import-target.ts';

export interface Assessment {
  /** Errors first, then warnings; located in the file (feature # or row). */
  problems: Problem[];
  errorCount: number;
  /** Features that would be left out (parser + target checks). */
  skippedCount: number;
  /** What Replace applies; null when errors block it. */
  outcome: TargetOutcome | null;
}

const sameSpot = (p: Problem, o: FeatureOrigin) => (o.row !== undefined ? p.row === o.row : p.featureIndex === o.featureIndex);

/**
 * Map a target's problem (index into the imported collection, or CSV row index + 2) back to
 * the feature index or row in the file. Problems without an index are returned unchanged.
 */
export function relocate(p: Problem, origins: readonly FeatureOrigin[], csv: boolean): Problem {
  const index = p.featureIndex ?? (csv && p.row !== undefined ? p.row - 2 : undefined);
  const origin = index === undefined ? undefined : origins[index];
  if (!origin) return p;
  const { featureIndex: _f, row: _r, ...rest } = p;
  return { ...rest, ...origin };
}

function targetIndex(p: Problem, csv: boolean): number | undefined {
  return p.featureIndex ?? (csv && p.row !== undefined ? p.row - 2 : undefined);
}

/** Run the target; with `lenient`, drop the features it rejects (by index) and run it once more. */
function runTarget(fc: FeatureCollection, origins: readonly FeatureOrigin[], target: ImportTarget, ctx: TargetContext, csv: boolean, lenient: boolean) {
  const first = target.toChange(fc, ctx);
  if (first.ok || !lenient) return { result: first, origins, dropped: [] as Problem[] };
  const errors = first.problems.filter((p) => p.severity === 'error');
  const bad = new Set(errors.map((p) => targetIndex(p, csv)));
  if (bad.has(undefined) || bad.size === fc.features.length) return { result: first, origins, dropped: [] };
  const keep = fc.features.map((_, i) => i).filter((i) => !bad.has(i));
  const second = target.toChange({ ...fc, features: keep.map((i) => fc.features[i]) }, ctx);
  const dropped = errors.map((p) => ({ ...relocate(p, origins, csv), severity: 'warning' as const }));
  return { result: second, origins: keep.map((i) => origins[i]), dropped };
}

const position = (p: Problem) => p.featureIndex ?? (p.row !== undefined ? p.row - 2 : -1);
/** Errors first, then warnings; each in file order (unlocated problems first). */
const bySeverity = (ps: Problem[]) => {
  const inOrder = (list: Problem[]) => list.map((p, i) => ({ p, i })).sort((a, b) => position(a.p) - position(b.p) || a.i - b.i).map((x) => x.p);
  return [...inOrder(ps.filter((p) => p.severity === 'error')), ...inOrder(ps.filter((p) => p.severity !== 'error'))];
};

/** Assess a parse result for a target. `lenient`: the user agreed to skip features with errors. */
export function assessImport(result: ImportResult, target: ImportTarget, ctx: TargetContext, lenient: boolean): Assessment {
  if (!result.ok) return { problems: bySeverity(result.problems), errorCount: result.problems.filter((p) => p.severity === 'error').length, skippedCount: 0, outcome: null };
  const skipped = result.summary.skipped;
  // The parser downgraded the errors of skipped features to warnings; restore them unless skipping is agreed.
  const parserProblems = result.warnings
    .filter((p) => lenient || p.code !== 'features-skipped')
    .map((p): Problem => (!lenient && skipped.some((s) => sameSpot(p, s) && s.codes.includes(p.code)) ? { ...p, severity: 'error' } : p));
  const csv = result.summary.format === 'csv';
  const run = runTarget(result.value, result.origins, target, ctx, csv, lenient);
  const targetProblems = run.result.ok ? run.result.warnings : run.result.problems;
  const problems = bySeverity([...parserProblems, ...run.dropped, ...targetProblems.map((p) => relocate(p, run.origins, csv))]);
  const errorCount = problems.filter((p) => p.severity === 'error').length;
  const droppedByTarget = new Set(run.dropped.map((p) => `${p.featureIndex}/${p.row}`)).size;
  return {
    problems,
    errorCount,
    skippedCount: skipped.length + droppedByTarget,
    outcome: run.result.ok && errorCount === 0 ? run.result.value : null,
  };
}
