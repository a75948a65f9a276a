import { describe, expect, it } from 'vitest';
import { History } from '../../../src/state/history.ts';
import { addNode, deleteNode, renameNode, replaceBoards, type ProjectState } from '../../../src/state/project.ts';
import type { NodeFeature } from '../../../src/domain/structure.ts';

const node = (id: string, name: string): NodeFeature => ({ type: 'Feature', properties: { id, name }, geometry: { type: 'Point', coordinates: [120.6, 28] } });
const empty: ProjectState = {
  boards: { type: 'FeatureCollection', features: [] },
  nodes: [],
  scenarios: [],
  facilities: [],
  population: { kind: 'none' },
  streets: null,
  employment: { type: 'FeatureCollection', features: [] },
  dwellings: {},
  renovationDone: [],
  actuals: null,
};

describe('project changes', () => {
  it('adds, renames and deletes nodes, each undone exactly', () => {
    const h = new History(empty);
    h.apply(addNode(node('a', '甲')));
    h.apply(addNode(node('b', '乙')));
    h.apply(renameNode('a', '甲镇'));
    h.apply(deleteNode('a'));
    expect(h.state.nodes.map((n) => n.properties.name)).toEqual(['乙']);
    h.undo();
    expect(h.state.nodes.map((n) => n.properties.name)).toEqual(['甲镇', '乙']);
    h.undo();
    expect(h.state.nodes.map((n) => n.properties.name)).toEqual(['甲', '乙']);
    h.undo();
    h.undo();
    expect(h.state).toEqual(empty);
  });

  it('replaces boards and restores the previous boards on undo', () => {
    const h = new History(empty);
    const boards = { type: 'FeatureCollection' as const, features: [] };
    h.apply(replaceBoards(boards));
    expect(h.state.boards).toBe(boards);
    h.undo();
    expect(h.state.boards).toBe(empty.boards);
  });
});
