/**
 * The project a new user starts with: the embedded default data, one empty scenario, no
 * facilities (none are real; the coverage tab offers a labelled illustrative set or import),
 * uniform population off until chosen, the schematic employment areas.
 */
import type { ProjectState } from './project.ts';
import type { BoardCollection } from '../domain/board.ts';
import type { EmploymentAreaCollection } from '../domain/employment-area.ts';
import { emptyScenario } from './scenario.ts';
import type { RuleSettings } from '../domain/rule-settings.ts';

export function initialProject(boards: BoardCollection, employment: EmploymentAreaCollection, ruleSettings: RuleSettings, createdAt: string): ProjectState {
  return {
    boards,
    nodes: [],
    scenarios: [emptyScenario('scenario-1', '方案一', createdAt, ruleSettings)],
    facilities: [],
    population: { kind: 'none' },
    streets: null,
    employment,
    dwellings: {},
    renovationDone: [],
    actuals: null,
  };
}
