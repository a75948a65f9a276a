/**
 * "Recover what is readable" from a damaged stored project: keep every part that passes the
 * project checks on its own, drop or replace the rest, and say how much was kept. Pure: the
 * caller decides what to do with the result (the app asks the planner first, and keeps the
 * damaged original aside). Each part is checked with the same checks as a project file
 * (checkWholeProject); lists are split in halves until each half passes or is one bad item,
 * so a few bad items among 300,000 cost a few dozen checks, not 300,000.
 */
import type { ProjectState } from './project.ts';
import { checkWholeProject } from './project-file.ts';
import { APP_ID, SCHEMA_VERSION } from './scenario-schema.ts';
import { MAX_NAME_CHARS, MAX_SCENARIOS } from '../domain/project-limits.ts';

export interface RecoveredPart {
  /** The part: `scenarios`, `boards`, `nodes`, `facilities` … or `scenario "<name>"`. */
  part: string;
  kept: number;
  total: number;
}

export interface Recovery {
  project: ProjectState;
  /** Parts where something was left out or replaced by the initial project's. */
  losses: RecoveredPart[];
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Items of `items` that pass `ok` as lists, found by halving. */
function keepPassing<T>(items: readonly T[], ok: (items: readonly T[]) => boolean): T[] {
  if (items.length === 0 || ok(items)) return [...items];
  if (items.length === 1) return [];
  const mid = items.length >> 1;
  return [...keepPassing(items.slice(0, mid), ok), ...keepPassing(items.slice(mid), ok)];
}

/** The first item of each key (ids unique again after halving). */
function firstOfEach<T>(items: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const idOf = (x: unknown): string => String((isObj(x) && isObj(x.properties) ? x.properties.id : isObj(x) ? x.id : x) ?? '');

export function recoverProject(raw: unknown, defaults: ProjectState): Recovery {
  const stored: Obj = isObj(raw) ? raw : {};
  const losses: RecoveredPart[] = [];
  const check = (slices: Obj, scenarios: unknown[] = []) => checkWholeProject({ app: APP_ID, schemaVersion: SCHEMA_VERSION, ...slices, scenarios }, defaults, 'IndexedDB').ok;
  const out: Record<string, unknown> = { ...defaults };
  const lost = (part: string, kept: number, total: number) => {
    if (kept < total) losses.push({ part, kept, total });
  };

  // Boards first: allocations refer to them. A bad board is replaced by the initial one of the same id.
  const boardFeatures = isObj(stored.boards) && Array.isArray(stored.boards.features) ? stored.boards.features : null;
  if (stored.boards !== undefined) {
    if (check({ boards: stored.boards })) out.boards = stored.boards;
    else {
      const fc = (features: readonly unknown[]) => ({ boards: { type: 'FeatureCollection', features } });
      const good = new Map((boardFeatures ?? []).filter((f) => check(fc([f]))).map((f) => [idOf(f), f]));
      const features = defaults.boards.features.map((d) => good.get(d.properties.id) ?? d);
      out.boards = check(fc(features)) ? { type: 'FeatureCollection', features } : defaults.boards;
      lost('boards', [...good.keys()].filter((id) => defaults.boards.features.some((d) => d.properties.id === id)).length, boardFeatures?.length ?? 1);
    }
  }
  const boards = out.boards as ProjectState['boards'];

  // Lists of items with ids, and the feature collections.
  const list = (key: 'nodes' | 'facilities' | 'renovationDone', unique: (x: unknown) => string) => {
    const v = stored[key];
    if (v === undefined) return;
    if (check({ [key]: v })) return void (out[key] = v);
    const items = Array.isArray(v) ? v : [];
    const kept = firstOfEach(keepPassing(items, (xs) => check({ [key]: xs })), unique);
    out[key] = kept;
    lost(key, kept.length, Math.max(items.length, 1));
  };
  list('nodes', idOf);
  list('facilities', idOf);
  list('renovationDone', (x) => String(x));
  const collection = (key: 'employment' | 'streets') => {
    const v = stored[key];
    if (v === undefined) return;
    if (check({ [key]: v })) return void (out[key] = v);
    const items = isObj(v) && Array.isArray(v.features) ? v.features : [];
    const wrap = (features: readonly unknown[]) => ({ [key]: { type: 'FeatureCollection', features } });
    const kept = firstOfEach(keepPassing(items, (xs) => check(wrap(xs))), idOf);
    // Nothing readable: the initial slice (the shipped employment areas; no streets).
    out[key] = kept.length ? wrap(kept)[key] : defaults[key];
    lost(key, kept.length, Math.max(items.length, 1));
  };
  collection('employment');
  collection('streets');
  const pop = stored.population;
  if (pop !== undefined) {
    if (check({ population: pop })) out.population = pop;
    else {
      const kind = isObj(pop) ? pop.kind : undefined;
      const field = kind === 'points' ? 'points' : kind === 'cells' ? 'cells' : null;
      const items = field && isObj(pop) && Array.isArray(pop[field]) ? (pop[field] as unknown[]) : [];
      const kept = field ? keepPassing(items, (xs) => check({ population: { kind, [field]: xs } })) : [];
      out.population = kept.length ? { kind, [field as string]: kept } : defaults.population;
      lost('population', kept.length, Math.max(items.length, 1));
    }
  }
  const dw = stored.dwellings;
  if (dw !== undefined) {
    if (check({ dwellings: dw })) out.dwellings = dw;
    else {
      const entries = isObj(dw) ? Object.entries(dw) : [];
      const kept = entries.filter(([k, n]) => check({ dwellings: { [k]: n } }));
      out.dwellings = Object.fromEntries(kept);
      lost('dwellings', kept.length, Math.max(entries.length, 1));
    }
  }

  // Scenarios: each on its own against the recovered boards; a bad one keeps what is readable of it.
  const scenarios = Array.isArray(stored.scenarios) ? stored.scenarios : [];
  const recovered: Obj[] = [];
  const fallback = defaults.scenarios[0];
  scenarios.slice(0, MAX_SCENARIOS).forEach((s, i) => {
    const ok = (x: Obj) => check({ boards }, [x]);
    let kept: Obj | null = isObj(s) && ok(s) ? s : null;
    if (!kept && isObj(s)) {
      const shell: Obj = {
        id: typeof s.id === 'string' && s.id && s.id.length <= MAX_NAME_CHARS ? s.id : `recovered-${i + 1}`,
        name: typeof s.name === 'string' ? s.name.slice(0, MAX_NAME_CHARS) : `${fallback.name} ${i + 1}`,
        createdAt: typeof s.createdAt === 'string' && s.createdAt.length <= 40 ? s.createdAt : fallback.createdAt,
        allocations: [],
        sites: [],
        ruleSettings: ok({ ...fallback, ruleSettings: s.ruleSettings }) ? s.ruleSettings : fallback.ruleSettings,
      };
      const cells = Array.isArray(s.allocations) ? s.allocations : [];
      const sites = Array.isArray(s.sites) ? s.sites : [];
      shell.allocations = firstOfEach(keepPassing(cells, (xs) => ok({ ...shell, allocations: xs })), (c) => (isObj(c) ? `${c.boardId}|${c.year}|${c.type}` : ''));
      shell.sites = firstOfEach(keepPassing(sites, (xs) => ok({ ...shell, sites: xs })), idOf);
      if (ok(shell)) {
        kept = shell;
        lost(`scenario “${(shell.name as string).slice(0, 40)}”`, (shell.allocations as unknown[]).length + (shell.sites as unknown[]).length, cells.length + sites.length);
      }
    }
    if (kept && !recovered.some((r) => r.id === kept.id)) recovered.push(kept);
  });
  if (recovered.length < scenarios.length) lost('scenarios', recovered.length, scenarios.length);
  // What passed part by part must pass as a whole (ids and references across parts): the final word.
  const whole = checkWholeProject({ app: APP_ID, schemaVersion: SCHEMA_VERSION, ...out, scenarios: recovered }, defaults, 'IndexedDB');
  if (whole.ok) return { project: whole.value, losses };
  return { project: defaults, losses: [{ part: 'project', kept: 0, total: 1 }] };
}
