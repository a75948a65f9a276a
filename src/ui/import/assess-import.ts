/**
 * From a parsed file to what the dialog shows and what Replace would do. The worker always
 * parses leniently (so the preview can list every bad feature AND the reader can check the rest);
 * whether skipping is acceptable is the user's tick (`lenient`) applied here: unticked, every
 * skipped feature is an error that blocks Replace.
 */
import type { Problem } from '../../domain/problem.ts';
import type { FeatureOrigin, ImportResult } from '../../io/import-result.ts';
import { unsavableProblems } from '../../state/persistence/check-before-write.ts';
import type { ImportTarget, TargetContext, TargetOutcome } from './import-target.ts';

export interface Assessment {
  /** Errors first, then warnings; located in the file (feature # or row). */
  problems: Problem[];
  errorCount: number;
  /** Features that would be left out (parser + reader checks). */
  skippedCount: number;
  /** What Replace applies; null when errors block it. */
  outcome: TargetOutcome | null;
}

const sameSpot = (p: Problem, o: FeatureOrigin) => (o.row !== undefined ? p.row === o.row : p.featureIndex === o.featureIndex);

const position = (p: Problem) => p.featureIndex ?? (p.row !== undefined ? p.row - 2 : -1);
/** Errors first, then warnings; each in file order (unlocated problems first). */
export const bySeverity = (ps: Problem[]) => {
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
  const read = target.toChange({ file: result.summary.file, features: result.value.features, origins: result.origins }, ctx, lenient);
  const readerProblems = read.ok ? read.warnings : read.problems;
  // The project after Replace must pass the project checks (limits, ids, ranges), or it could
  // not be saved and opened again: those problems block Replace too.
  const projectProblems = read.ok ? unsavableProblems(ctx.state, read.value.change.apply(ctx.state).state) : [];
  const problems = bySeverity([...parserProblems, ...readerProblems, ...projectProblems]);
  const errorCount = problems.filter((p) => p.severity === 'error').length;
  const readerSkipped = read.ok ? Number(read.warnings.find((p) => p.code === 'features-skipped')?.params?.count ?? 0) : 0;
  return {
    problems,
    errorCount,
    skippedCount: skipped.length + readerSkipped,
    outcome: read.ok && errorCount === 0 ? read.value : null,
  };
}
