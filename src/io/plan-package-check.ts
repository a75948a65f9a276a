/**
 * Check a plan package (docs/plan-package.md): the envelope, then every field against the
 * schema, then what the schema cannot say (consecutive years, unique ids, an outline for every
 * board, annex years inside the period, a default for every rule threshold). Every finding is a
 * problem naming the field (`boards.list[3].id`); a package with any error is refused whole.
 */
import * as v from 'valibot';
import { problem, type Checked, type Problem } from '../domain/problem.ts';
import { PLAN_PACKAGE_FORMAT, PLAN_PACKAGE_FORMAT_VERSION, type PlanPackage } from '../domain/plan-package.ts';
import { RULE_THRESHOLD_KEYS } from '../domain/rule-settings.ts';
import { PlanPackageSchema } from './plan-package-schema.ts';
import { issueField } from './issue-field.ts';

/** What the checker compares references with: the shipped board outlines' ids and county names. */
export interface PlanCheckContext {
  shippedBoardIds: ReadonlySet<string>;
  countyNames: ReadonlySet<string>;
}

function envelopeProblems(raw: unknown, file: string | undefined): Problem[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [problem('plan-not-object', { file })];
  const o = raw as Record<string, unknown>;
  if (o.format !== PLAN_PACKAGE_FORMAT) return [problem('plan-wrong-format', { file, field: 'format', params: { value: JSON.stringify(o.format) ?? 'undefined' } })];
  if (typeof o.formatVersion === 'number' && o.formatVersion > PLAN_PACKAGE_FORMAT_VERSION)
    return [problem('plan-newer-version', { file, field: 'formatVersion', params: { found: o.formatVersion, supported: PLAN_PACKAGE_FORMAT_VERSION } })];
  return [];
}

function duplicates(ids: readonly string[], field: (i: number) => string, file: string | undefined): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) out.push(problem('plan-duplicate-id', { file, field: field(i), params: { value: id } }));
    seen.add(id);
  });
  return out;
}

function consistencyProblems(p: PlanPackage, ctx: PlanCheckContext, file: string | undefined): Problem[] {
  const out: Problem[] = [];
  const years = p.period.years;
  years.forEach((y, i) => {
    if (i > 0 && y !== years[i - 1] + 1) out.push(problem('plan-years-not-consecutive', { file, field: `period.years[${i}]`, params: { value: y, expected: years[i - 1] + 1 } }));
  });
  out.push(...duplicates(p.targets.targets.map((t) => t.id), (i) => `targets.targets[${i}].id`, file));
  out.push(...duplicates(p.boards.list.map((b) => b.id), (i) => `boards.list[${i}].id`, file));
  const listed = new Set(p.boards.list.map((b) => b.id));
  const g = p.boards.geometry;
  const outlines = 'ref' in g ? ctx.shippedBoardIds : new Set(g.features.map((f) => f.properties.id));
  p.boards.list.forEach((b, i) => {
    if (!outlines.has(b.id)) out.push(problem('plan-board-no-outline', { file, field: `boards.list[${i}].id`, params: { value: b.id } }));
  });
  if (!('ref' in g)) {
    out.push(...duplicates(g.features.map((f) => f.properties.id), (i) => `boards.geometry.features[${i}].properties.id`, file));
    g.features.forEach((f, i) => {
      if (!listed.has(f.properties.id)) out.push(problem('plan-outline-not-listed', { file, field: `boards.geometry.features[${i}].properties.id`, params: { value: f.properties.id } }));
    });
  }
  const a1 = p.annexes.annex1;
  if (a1) {
    a1.years.forEach((y, j) => {
      if (!years.includes(y)) out.push(problem('plan-year-outside-period', { file, field: `annexes.annex1.years[${j}]`, params: { value: y } }));
    });
    a1.rows.forEach((r, j) => {
      if (r.byYear.length !== a1.years.length) out.push(problem('plan-length-mismatch', { file, field: `annexes.annex1.rows[${j}].byYear`, params: { expected: a1.years.length, received: r.byYear.length } }));
    });
  }
  for (const k of RULE_THRESHOLD_KEYS) if (!p.rules.defaults[k]) out.push(problem('plan-missing-field', { file, field: `rules.defaults.${k}` }));
  p.rules.rules.forEach((r, i) =>
    r.thresholds.forEach((k, j) => {
      if (!(RULE_THRESHOLD_KEYS as readonly string[]).includes(k)) out.push(problem('plan-unknown-threshold', { file, field: `rules.rules[${i}].thresholds[${j}]`, params: { value: k } }));
    }),
  );
  p.structure.parts.forEach((s, i) =>
    s.counties.forEach((c, j) => {
      if (!ctx.countyNames.has(c)) out.push(problem('plan-unknown-county', { file, field: `structure.parts[${i}].counties[${j}]`, params: { value: c } }));
    }),
  );
  return out;
}

/** Check a parsed plan package; the value is the package as given (unknown keys kept). */
export function checkPlanPackage(raw: unknown, ctx: PlanCheckContext, file?: string): Checked<PlanPackage> {
  const envelope = envelopeProblems(raw, file);
  if (envelope.length) return { ok: false, problems: envelope };
  const parsed = v.safeParse(PlanPackageSchema, raw);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.issues.map((issue) =>
        issue.received === 'undefined'
          ? problem('plan-missing-field', { file, field: issueField(issue) || '(root)' })
          : problem('plan-bad-field', { file, field: issueField(issue) || '(root)', params: { expected: issue.expected ?? issue.message, received: issue.received } }),
      ),
    };
  const pkg = raw as PlanPackage;
  const problems = consistencyProblems(pkg, ctx, file);
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: pkg, warnings: pkg.example ? [problem('plan-is-example', { file, params: { title: pkg.title.zh } }, 'warning')] : [] };
}

/** Parse and check a plan package's text. */
export function parsePlanPackage(text: string, ctx: PlanCheckContext, file?: string): Checked<PlanPackage> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [problem('not-json', { file, params: { detail: e instanceof Error ? e.message : String(e) } })] };
  }
  return checkPlanPackage(raw, ctx, file);
}
