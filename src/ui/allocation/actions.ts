/**
 * What the allocation UI does to the project: every edit is one undoable change through
 * `store.apply` (scenario changes lifted with `liftScenarios`). Ids and timestamps are made
 * here, not in the core.
 */
import type { Point, Polygon } from 'geojson';
import { store } from '../../state/app-store.svelte.ts';
import { liftScenarios } from '../../state/project.ts';
import { addSite, deleteSite, editSite, moveSite, setAllocation, setAllocations, type CellValue, type SitePatch } from '../../state/scenario-changes.ts';
import { createScenario, deleteScenario, duplicateScenario, renameScenario, setRuleThreshold } from '../../state/scenario-project-changes.ts';
import { cellUnits, emptyScenario } from '../../state/scenario.ts';
import { setRenovationDone } from '../../state/renovation-changes.ts';
import { translateGeometry } from '../../map/draw.ts';
import type { Site } from '../../domain/allocation.ts';
import type { HousingTypeId } from '../../domain/housing-type.ts';
import type { PlanYear } from '../../domain/plan-period.ts';
import type { RuleThresholdKey } from '../../domain/rule-settings.ts';
import { planRuleSettings } from '../../data/active-plan.ts';
import { view } from './allocation-view.svelte.ts';
import { notices } from '../notices.svelte.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { MAX_NAME_CHARS, MAX_SCENARIOS, MAX_SITES_PER_SCENARIO, MAX_TEXT_CHARS } from '../../domain/project-limits.ts';

let seq = 0;
/** A new id: time-based plus a counter (unique within a session and across reloads). */
export function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${(seq++).toString(36)}`;
}

export function setCell(boardId: string, year: PlanYear, type: HousingTypeId, units: number): void {
  if (cellUnits(view.scenario, boardId, year, type) === units) return; // no empty undo steps
  store.apply(liftScenarios(setAllocation(view.scenario.id, boardId, year, type, units)));
}

/**
 * Set a block of cells of the active scenario as ONE undoable change (a paste). Returns how many
 * cells it changed; nothing is recorded when none did.
 */
export function setCells(cells: readonly CellValue[]): number {
  const s = view.scenario;
  const changed = cells.filter((c) => cellUnits(s, c.boardId, c.year, c.type) !== c.units);
  if (changed.length) store.apply(liftScenarios(setAllocations(s.id, changed)));
  return changed.length;
}

/** Add a site; null (nothing added) when the scenario already holds the most a project may. */
export function addNewSite(site: Omit<Site, 'id'>): string | null {
  if (view.scenario.sites.length >= MAX_SITES_PER_SCENARIO) return null;
  const id = newId('site');
  store.apply(liftScenarios(addSite(view.scenario.id, { ...site, id, name: site.name.slice(0, MAX_NAME_CHARS) })));
  return id;
}

export function updateSite(siteId: string, patch: SitePatch): void {
  if (patch.name !== undefined) patch = { ...patch, name: patch.name.slice(0, MAX_NAME_CHARS) };
  if (patch.note !== undefined) patch = { ...patch, note: patch.note.slice(0, MAX_TEXT_CHARS) };
  store.apply(liftScenarios(editSite(view.scenario.id, siteId, patch)));
}

export function removeSite(siteId: string): void {
  store.apply(liftScenarios(deleteSite(view.scenario.id, siteId)));
  if (view.selectedSiteId === siteId) view.selectedSiteId = null;
}

/** Move a site by a drag from one map position to another. */
export function dragSite(siteId: string, from: [number, number], to: [number, number]): void {
  const site = view.scenario.sites.find((s) => s.id === siteId);
  if (!site) return;
  store.apply(liftScenarios(moveSite(view.scenario.id, siteId, translateGeometry<Point | Polygon>(site.geometry, to[0] - from[0], to[1] - from[1]))));
}

/** True while another scenario fits in the project (MAX_SCENARIOS). */
export const canAddScenario = () => store.project.scenarios.length < MAX_SCENARIOS;

export function newScenario(name: string): void {
  if (!canAddScenario()) return;
  const id = newId('scenario');
  store.apply(liftScenarios(createScenario(emptyScenario(id, name.slice(0, MAX_NAME_CHARS), new Date().toISOString(), planRuleSettings()))));
  view.activeId = id;
}

export function copyScenario(sourceId: string, name: string): void {
  if (!canAddScenario()) return;
  const id = newId('scenario');
  store.apply(liftScenarios(duplicateScenario(sourceId, id, name.slice(0, MAX_NAME_CHARS), new Date().toISOString())));
  view.activeId = id;
}

export function renameScenarioTo(id: string, name: string): void {
  const s = store.project.scenarios.find((x) => x.id === id);
  const next = name.trim().slice(0, MAX_NAME_CHARS);
  if (s && s.name !== next && next) store.apply(liftScenarios(renameScenario(id, next)));
}

/**
 * Delete a scenario; the last one is never deleted (a project always has one). No confirmation
 * dialog: the deletion is undoable, and a toast says so (with an undo button).
 */
export function removeScenario(id: string): void {
  const s = store.project.scenarios.find((x) => x.id === id);
  if (!s || store.project.scenarios.length <= 1) return;
  const change = deleteScenario(id);
  store.apply(liftScenarios(change));
  notices.show({
    text: i18n.t('alloc.scenario.deleted', { name: s.name }),
    action: {
      label: i18n.t('undo'),
      // Only while the deletion is still the last change (else undo would revert something else).
      run: () => {
        if (store.undoLabel?.en === change.label.en && !store.project.scenarios.some((x) => x.id === id)) store.undo();
      },
    },
    testid: 'scenario-deleted',
  });
}

export function setThreshold(key: RuleThresholdKey, value: number): void {
  if (view.scenario.ruleSettings[key] !== value) store.apply(liftScenarios(setRuleThreshold(view.scenario.id, key, value)));
}

export function tickRenovation(key: string, done: boolean): void {
  store.apply(setRenovationDone(key, done));
}
