/**
 * Edits of the set of scenarios: create, rename, duplicate, delete, and rule thresholds.
 * Ids and timestamps come from the caller, so the core stays deterministic.
 */
import type { Change } from './change.ts';
import type { RuleThresholdKey } from '../domain/rule-settings.ts';
import { scenarioById, type ProjectState, type Scenario } from './scenario.ts';
import { updateScenario } from './scenario-changes.ts';

/** Insert a scenario at `index` (default: at the end). The inverse deletes it. */
export function createScenario(scenario: Scenario, index?: number): Change<ProjectState> {
  return {
    label: { zh: '新建方案', en: 'New scenario' },
    apply(state) {
      if (state.scenarios.some((s) => s.id === scenario.id)) throw new Error(`a scenario "${scenario.id}" already exists`);
      const scenarios = [...state.scenarios];
      scenarios.splice(index ?? scenarios.length, 0, scenario);
      return { state: { ...state, scenarios }, inverse: deleteScenario(scenario.id) };
    },
  };
}

/** Delete a scenario. The inverse puts it back at the same position. */
export function deleteScenario(id: string): Change<ProjectState> {
  return {
    label: { zh: '删除方案', en: 'Delete scenario' },
    apply(state) {
      const at = state.scenarios.findIndex((s) => s.id === id);
      const removed = scenarioById(state, id);
      return { state: { ...state, scenarios: state.scenarios.filter((s) => s.id !== id) }, inverse: createScenario(removed, at) };
    },
  };
}

/** Rename a scenario. */
export function renameScenario(id: string, name: string): Change<ProjectState> {
  return {
    label: { zh: '重命名方案', en: 'Rename scenario' },
    apply(state) {
      const old = scenarioById(state, id).name;
      return { state: updateScenario(state, id, (s) => ({ ...s, name })), inverse: renameScenario(id, old) };
    },
  };
}

/** Copy a scenario under a new id and name, placed right after the original. */
export function duplicateScenario(sourceId: string, newId: string, name: string, createdAt: string): Change<ProjectState> {
  return {
    label: { zh: '复制方案', en: 'Duplicate scenario' },
    apply(state) {
      const src = scenarioById(state, sourceId);
      const copy: Scenario = structuredClone({ ...src, id: newId, name, createdAt });
      return createScenario(copy, state.scenarios.indexOf(src) + 1).apply(state);
    },
  };
}

/** Set one rule threshold of a scenario (units, % or km as the key names). */
export function setRuleThreshold(scenarioId: string, key: RuleThresholdKey, value: number): Change<ProjectState> {
  if (!Number.isFinite(value) || value < 0) throw new Error(`threshold ${key} must be a finite non-negative number, got ${value}`);
  return {
    label: { zh: '修改规则阈值', en: 'Set rule threshold' },
    apply(state) {
      const old = scenarioById(state, scenarioId).ruleSettings[key];
      const next = updateScenario(state, scenarioId, (s) => ({ ...s, ruleSettings: { ...s.ruleSettings, [key]: value } }));
      return { state: next, inverse: setRuleThreshold(scenarioId, key, old) };
    },
  };
}
