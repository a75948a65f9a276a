/**
 * Project files (`*.anju.json`): write the project state, and read one back with every
 * problem named by field. Reading is all-or-nothing: a file with any error yields no state,
 * so the caller's scenarios stay untouched.
 */
import * as v from 'valibot';
import { problem, type Checked, type Problem } from '../domain/problem.ts';
import type { BoardCollection } from '../domain/board.ts';
import type { RuleSettings } from '../domain/rule-settings.ts';
import { APP_ID, projectFileSchema, READABLE_VERSIONS, SCHEMA_VERSION } from './scenario-schema.ts';
import { planRef, samePlan, type PlanRef } from '../domain/plan-package.ts';
import { activePlan } from '../data/active-plan.ts';
import { builtinPlan } from '../data/builtin-plan.ts';
import { projectPlanMismatch } from './project-plan-match.ts';
import type { ProjectState as FullProjectState } from './project.ts';
import { compareCells, type ProjectState, type Scenario } from './scenario.ts';
import { sizeProblems } from './project-size.ts';
import { integrityProblems, type IntegrityOptions } from './project-integrity.ts';
import { facilitiesPassSchema } from './facilities-fast-check.ts';
import { schemaPassedInChunks } from './schema-in-chunks.ts';
import { issueField } from '../io/issue-field.ts';

/** Every check, self-intersection included: what opening a file and `anju check` run. */
export const FULL_CHECK: IntegrityOptions = { polygonValidity: true };

/** What a project file holds (see scenario-schema.ts for the versions). */
export interface ProjectFile extends Partial<Omit<FullProjectState, 'scenarios' | 'boards'>> {
  app: typeof APP_ID;
  schemaVersion: (typeof READABLE_VERSIONS)[number];
  /** ISO 8601, when written (given by the caller). */
  savedAt?: string;
  /** The plan package the project was made against; absent in files older than plan packages (the built-in plan). */
  plan?: PlanRef;
  scenarios: Scenario[];
  boards?: BoardCollection;
}

/** The file content for a state. */
export function toProjectFile(state: ProjectState, savedAt?: string): ProjectFile {
  return { app: APP_ID, schemaVersion: SCHEMA_VERSION, ...(savedAt ? { savedAt } : {}), plan: planRef(activePlan()), scenarios: state.scenarios, ...(state.boards ? { boards: state.boards } : {}) };
}

/** The file's text: JSON, two-space indented. */
export function serializeProject(state: ProjectState, savedAt?: string): string {
  return JSON.stringify(toProjectFile(state, savedAt), null, 2) + '\n';
}

function envelopeProblems(raw: unknown, file: string | undefined): Problem[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [problem('project-not-object', { file })];
  const o = raw as Record<string, unknown>;
  if (o.app !== APP_ID) return [problem('project-wrong-app', { file, field: 'app', params: { value: JSON.stringify(o.app) ?? 'undefined' } })];
  const ver = o.schemaVersion;
  if (typeof ver !== 'number' || !Number.isInteger(ver) || ver < 1)
    return [problem('project-bad-field', { file, field: 'schemaVersion', params: { expected: `an integer ≥ 1`, received: JSON.stringify(ver) ?? 'undefined' } })];
  if (ver > SCHEMA_VERSION) return [problem('project-newer-version', { file, field: 'schemaVersion', params: { found: ver, supported: SCHEMA_VERSION } })];
  return [];
}

function consistencyProblems(f: ProjectFile, knownBoardIds: ReadonlySet<string>, file: string | undefined): Problem[] {
  const out: Problem[] = [];
  const boardIds = f.boards ? new Set(f.boards.features.map((b) => b.properties.id)) : knownBoardIds;
  const scenarioIds = new Set<string>();
  f.scenarios.forEach((s, i) => {
    if (scenarioIds.has(s.id)) out.push(problem('project-duplicate-id', { file, field: `scenarios[${i}].id`, params: { value: s.id } }));
    scenarioIds.add(s.id);
    const cells = new Set<string>();
    s.allocations.forEach((c, j) => {
      const field = `scenarios[${i}].allocations[${j}]`;
      if (!boardIds.has(c.boardId)) out.push(problem('project-unknown-board', { file, field: `${field}.boardId`, params: { value: c.boardId } }));
      const key = `${c.boardId}|${c.year}|${c.type}`;
      if (cells.has(key)) out.push(problem('project-duplicate-cell', { file, field, params: { value: key } }));
      cells.add(key);
    });
    const siteIds = new Set<string>();
    s.sites.forEach((site, j) => {
      if (siteIds.has(site.id)) out.push(problem('project-duplicate-id', { file, field: `scenarios[${i}].sites[${j}].id`, params: { value: site.id } }));
      siteIds.add(site.id);
    });
  });
  return out;
}

/**
 * Parse and validate a project file's text. `knownBoardIds` are the board ids allocations
 * may name when the file carries no boards of its own (the shipped 21 boards).
 * On success, allocations are in canonical order with empty cells dropped.
 */
export function parseProjectFile(text: string, knownBoardIds: ReadonlySet<string>, file?: string, opts: IntegrityOptions = FULL_CHECK): Checked<ProjectState> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [problem('not-json', { file, params: { detail: e instanceof Error ? e.message : String(e) } })] };
  }
  return checkProjectObject(raw, knownBoardIds, file, opts);
}

/**
 * Validate an already-parsed project object (from a file or from IndexedDB): the envelope
 * (app, schemaVersion), then every field, then ids and board references.
 */
export function checkProjectObject(raw: unknown, knownBoardIds: ReadonlySet<string>, file?: string, opts: IntegrityOptions = FULL_CHECK): Checked<ProjectState> {
  const r = checkProjectFile(raw, knownBoardIds, file, opts);
  if (!r.ok) return r;
  return { ok: true, value: { scenarios: r.value.scenarios, ...(r.value.boards ? { boards: r.value.boards } : {}) }, warnings: r.warnings };
}

/**
 * Validate a parsed project object and return the whole file content (every slice it holds),
 * normalised: allocations in canonical order without empty cells. In order, each stage only
 * on what passed the one before: the envelope, sizes (project-size.ts), the schema, ids and
 * references, then the import's geometry checks (project-integrity.ts).
 */
export function checkProjectFile(raw: unknown, knownBoardIds: ReadonlySet<string>, file?: string, opts: IntegrityOptions = FULL_CHECK): Checked<ProjectFile> {
  const envelope = envelopeProblems(raw, file);
  if (envelope.length) return { ok: false, problems: envelope };
  const sizes = sizeProblems(raw, file);
  if (sizes.length) return { ok: false, problems: sizes };
  // Years are the active plan's, unless the file says it was made against another package: then
  // any year reads, and the project–plan check (project-plan-match.ts) says which do not match.
  // A file without `plan` was written before packages, against the built-in plan.
  const given = (raw as { plan?: PlanRef }).plan;
  const ref = typeof given === 'object' && given !== null && typeof given.id === 'string' ? given : planRef(builtinPlan);
  const otherPlan = !samePlan(ref, activePlan());
  // A facility layer that passes the hand-written check skips valibot (its output would equal
  // the input); otherwise valibot checks it and names the problems (facilities-fast-check.ts).
  const rawFacilities = (raw as { facilities?: unknown }).facilities;
  const fastFacilities = facilitiesPassSchema(rawFacilities);
  // Likewise a slice whose long list passed its schema in chunks before (schema-in-chunks.ts).
  const chunked = Object.entries(raw as object).filter(([k, x]) => k !== 'scenarios' && schemaPassedInChunks(x));
  const skipped = { ...(fastFacilities ? { facilities: undefined } : {}), ...Object.fromEntries(chunked.map(([k]) => [k, undefined])) };
  const parsed = v.safeParse(projectFileSchema(otherPlan ? null : activePlan().period.years), fastFacilities || chunked.length ? { ...(raw as object), ...skipped } : raw);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.issues.map((issue) =>
        // A missing key: valibot reports the key as "expected" and undefined as "received"; say it is missing.
        issue.received === 'undefined'
          ? problem('project-missing-field', { file, field: issueField(issue) || '(root)' })
          : problem('project-bad-field', { file, field: issueField(issue) || '(root)', params: { expected: issue.expected ?? issue.message, received: issue.received } }),
      ),
    };
  const value = (fastFacilities || chunked.length ? { ...parsed.output, ...(fastFacilities ? { facilities: rawFacilities } : {}), ...Object.fromEntries(chunked) } : parsed.output) as ProjectFile;
  // Boards of another plan are a mismatch to say (project-plan-match.ts), not an error.
  // The geometry checks run on the caller's objects, not valibot's copies: the schema has no
  // transforms, so they are the same data, and the per-geometry caches of project-integrity.ts
  // then hit for unchanged geometry (autosave re-tested every site and board polygon per write).
  const problems = [...consistencyProblems(value, knownBoardIds, file).filter((p) => !(otherPlan && !value.boards && p.code === 'project-unknown-board')), ...integrityProblems(raw as ProjectFile, file, opts)];
  if (problems.length) return { ok: false, problems };
  const scenarios = value.scenarios.map((s) => ({
    ...s,
    ruleSettings: s.ruleSettings as RuleSettings,
    allocations: s.allocations.filter((c) => c.units > 0).sort(compareCells),
  }));
  return { ok: true, value: { ...value, scenarios }, warnings: projectPlanMismatch({ ...value, scenarios }, activePlan(), file, [...new Set([builtinPlan, activePlan()])]) };
}
