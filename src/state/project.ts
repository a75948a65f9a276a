/**
 * The project state: everything a planner edits, changed only through `Change`s so every
 * edit can be undone. Slices are added per feature (boards, nodes, …).
 */
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import type { BoardCollection } from '../domain/board.ts';
import type { NodeFeature } from '../domain/structure.ts';
import type { Facility } from '../domain/facility.ts';
import type { PopulationInput } from '../domain/population.ts';
import type { Scenario, ProjectState as ScenarioSet } from './scenario.ts';
import type { EmploymentAreaCollection } from '../domain/employment-area.ts';
import type { ActualsLayer } from '../domain/actuals.ts';
import type { Change } from './change.ts';
import { setSlice } from './change.ts';

/**
 * One slice per feature. Every slice is plain, structured-clone-able data (it is saved to
 * IndexedDB and to project files, and posted to workers).
 */
export interface ProjectState {
  /** The 21 boards: schematic, or official boundaries the user loaded. */
  boards: BoardCollection;
  /** 多节点 added by the user (never from the plan). */
  nodes: NodeFeature[];
  /** Supply-allocation scenarios (README: Supply allocation); at least one. */
  scenarios: Scenario[];
  /** Community facilities for life-circle coverage (README: Life circles). */
  facilities: Facility[];
  /** Where residents live (README: Life circles): uniform per board (assumption) or an imported layer. */
  population: PopulationInput;
  /** A walking network (LineStrings) for network-distance coverage, or null. */
  streets: FeatureCollection<LineString | MultiLineString> | null;
  /** Employment areas with jobs (README: Job–housing balance): schematic and illustrative until the user replaces them. */
  employment: EmploymentAreaCollection;
  /** Dwellings per board id the planner entered, overriding the assumed defaults (README: Job–housing balance). */
  dwellings: Record<string, number>;
  /** Cells of the 附件1 renovation schedule ticked off as done, as `county|type|year` keys, sorted (README: Supply allocation). */
  renovationDone: string[];
  /** Actual supply imported for the implementation review (README: Implementation review), or null. */
  actuals: ActualsLayer | null;
}

/**
 * Lift a change written against the scenario set ({ scenarios }) to the whole project, so the
 * allocation core's changes share the one undo history.
 */
export function liftScenarios(change: Change<ScenarioSet>): Change<ProjectState> {
  return {
    label: change.label,
    apply(state) {
      const { state: next, inverse } = change.apply({ scenarios: state.scenarios });
      return { state: { ...state, scenarios: next.scenarios }, inverse: liftScenarios(inverse) };
    },
  };
}

/** Replace the board geometry (e.g. with official boundaries); undo restores the previous set. */
export function replaceBoards(boards: BoardCollection): Change<ProjectState> {
  return setSlice<ProjectState, 'boards'>('boards', boards, { zh: '载入板块边界', en: 'load board boundaries' });
}

export function addNode(node: NodeFeature): Change<ProjectState> {
  return {
    label: { zh: '添加节点', en: 'add node' },
    apply: (s) => ({ state: { ...s, nodes: [...s.nodes, node] }, inverse: deleteNode(node.properties.id) }),
  };
}

export function deleteNode(id: string): Change<ProjectState> {
  return {
    label: { zh: '删除节点', en: 'delete node' },
    apply: (s) => {
      const node = s.nodes.find((n) => n.properties.id === id);
      if (!node) return { state: s, inverse: noChange };
      const index = s.nodes.indexOf(node);
      return {
        state: { ...s, nodes: s.nodes.filter((n) => n !== node) },
        inverse: insertNode(node, index),
      };
    },
  };
}

function insertNode(node: NodeFeature, index: number): Change<ProjectState> {
  return {
    label: { zh: '添加节点', en: 'add node' },
    apply: (s) => {
      const nodes = [...s.nodes];
      nodes.splice(index, 0, node);
      return { state: { ...s, nodes }, inverse: deleteNode(node.properties.id) };
    },
  };
}

export function renameNode(id: string, name: string): Change<ProjectState> {
  return {
    label: { zh: '重命名节点', en: 'rename node' },
    apply: (s) => {
      const old = s.nodes.find((n) => n.properties.id === id);
      if (!old) return { state: s, inverse: noChange };
      return {
        state: { ...s, nodes: s.nodes.map((n) => (n === old ? { ...n, properties: { ...n.properties, name } } : n)) },
        inverse: renameNode(id, old.properties.name),
      };
    },
  };
}

const noChange: Change<ProjectState> = {
  label: { zh: '无变化', en: 'no change' },
  apply: (s) => ({ state: s, inverse: noChange }),
};
