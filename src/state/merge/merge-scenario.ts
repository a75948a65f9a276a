/**
 * Three-way merge of one scenario: grid cells one by one (board × year × housing type),
 * sites one by one (field by field), rule thresholds key by key, name and createdAt.
 */
import type { AllocationCell, Site } from '../../domain/allocation.ts';
import { RULE_THRESHOLD_KEYS, type RuleSettings } from '../../domain/rule-settings.ts';
import { compareCells, type Scenario } from '../scenario.ts';
import type { Conflict, Side } from './merge-types.ts';
import { mergeKeyed, pick3, sideValue } from './three-way.ts';

/** Resolves conflicts and collects them. */
export interface ConflictSink {
  /** Record the conflict and return the side that wins it. */
  add(conflict: Conflict): Side;
}

export const cellKey = (c: Pick<AllocationCell, 'boardId' | 'year' | 'type'>): string => `${c.boardId}|${c.year}|${c.type}`;

function unitsByCell(cells: readonly AllocationCell[]): Map<string, AllocationCell> {
  return new Map(cells.map((c) => [cellKey(c), c]));
}

function mergeCells(scenarioId: string, base: readonly AllocationCell[], mine: readonly AllocationCell[], theirs: readonly AllocationCell[], sink: ConflictSink): AllocationCell[] {
  const b = unitsByCell(base);
  const m = unitsByCell(mine);
  const t = unitsByCell(theirs);
  const out: AllocationCell[] = [];
  for (const key of new Set([...b.keys(), ...m.keys(), ...t.keys()])) {
    const cell = (b.get(key) ?? m.get(key) ?? t.get(key))!;
    const [bu, mu, tu] = [b.get(key)?.units ?? 0, m.get(key)?.units ?? 0, t.get(key)?.units ?? 0];
    const p = pick3(bu, mu, tu);
    let units: number;
    if (p.ok) units = p.value;
    else {
      const side = sink.add({ kind: 'cell', id: `scenarios/${scenarioId}/cells/${key}`, scenarioId, boardId: cell.boardId, year: cell.year, type: cell.type, base: bu, mine: mu, theirs: tu });
      units = sideValue(side, mu, tu);
    }
    if (units > 0) out.push({ boardId: cell.boardId, year: cell.year, type: cell.type, units });
  }
  return out.sort(compareCells);
}

const SITE_FIELDS = ['name', 'geometry', 'units', 'type', 'year', 'note'] as const;

function mergeSite(scenarioId: string, id: string, base: Site | undefined, mine: Site | undefined, theirs: Site | undefined, sink: ConflictSink): Site | undefined {
  const whole = pick3(base, mine, theirs);
  if (whole.ok) return whole.value;
  const conflictId = `scenarios/${scenarioId}/sites/${id}`;
  if (!mine || !theirs) {
    // One side deleted the site, the other changed it.
    const side = sink.add({ kind: 'site', id: conflictId, scenarioId, siteId: id, fields: [], base, mine, theirs });
    return sideValue(side, mine, theirs);
  }
  const merged: Record<string, unknown> = { id };
  const conflicting: string[] = [];
  const picks = new Map<string, { mine: unknown; theirs: unknown }>();
  for (const f of SITE_FIELDS) {
    const p = pick3(base?.[f], mine[f], theirs[f]);
    if (p.ok) merged[f] = p.value;
    else {
      conflicting.push(f);
      picks.set(f, { mine: mine[f], theirs: theirs[f] });
    }
  }
  if (conflicting.length) {
    const side = sink.add({ kind: 'site', id: conflictId, scenarioId, siteId: id, fields: conflicting, base, mine, theirs });
    for (const [f, v] of picks) merged[f] = sideValue(side, v.mine, v.theirs);
  }
  if (merged.note === undefined) delete merged.note;
  return merged as unknown as Site;
}

function mergeRuleSettings(scenarioId: string, base: RuleSettings | undefined, mine: RuleSettings, theirs: RuleSettings, sink: ConflictSink): RuleSettings {
  const out: Record<string, number> = {};
  const keys = new Set<string>([...RULE_THRESHOLD_KEYS, ...Object.keys(mine), ...Object.keys(theirs)]);
  for (const k of keys) {
    const [bv, mv, tv] = [(base as Record<string, number> | undefined)?.[k], (mine as Record<string, number>)[k], (theirs as Record<string, number>)[k]];
    const p = pick3(bv, mv, tv);
    const v = p.ok ? p.value : sideValue(sink.add({ kind: 'scenario', id: `scenarios/${scenarioId}/ruleSettings/${k}`, scenarioId, field: `ruleSettings.${k}`, base: bv, mine: mv, theirs: tv }), mv, tv);
    if (v !== undefined) out[k] = v;
  }
  return out as RuleSettings;
}

/** Merge one scenario present on both sides (`base` undefined when both added it). */
function mergeBoth(id: string, base: Scenario | undefined, mine: Scenario, theirs: Scenario, sink: ConflictSink): Scenario {
  const field = <K extends 'name' | 'createdAt'>(k: K): Scenario[K] => {
    const p = pick3(base?.[k], mine[k], theirs[k]);
    if (p.ok) return p.value as Scenario[K];
    return sideValue(sink.add({ kind: 'scenario', id: `scenarios/${id}/${k}`, scenarioId: id, field: k, base: base?.[k], mine: mine[k], theirs: theirs[k] }), mine[k], theirs[k]);
  };
  return {
    id,
    name: field('name'),
    createdAt: field('createdAt'),
    allocations: mergeCells(id, base?.allocations ?? [], mine.allocations, theirs.allocations, sink),
    sites: mergeKeyed(base?.sites ?? [], mine.sites, theirs.sites, (s) => s.id, (sid, b, m, t) => mergeSite(id, sid, b, m, t, sink)),
    ruleSettings: mergeRuleSettings(id, base?.ruleSettings, mine.ruleSettings, theirs.ruleSettings, sink),
  };
}

/** Merge one scenario id across the three states; undefined = it is gone from the merge. */
export function mergeScenario(id: string, base: Scenario | undefined, mine: Scenario | undefined, theirs: Scenario | undefined, sink: ConflictSink): Scenario | undefined {
  if (mine && theirs) return mergeBoth(id, base, mine, theirs, sink);
  const whole = pick3(base, mine, theirs);
  if (whole.ok) return whole.value;
  // Deleted on one side, changed on the other (a scenario added on one side only is whole.ok).
  const side = sink.add({ kind: 'scenario', id: `scenarios/${id}/existence`, scenarioId: id, field: 'existence', base, mine, theirs });
  return sideValue(side, mine, theirs);
}
