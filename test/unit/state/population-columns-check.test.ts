/**
 * The project check of a population layer done on its columns (in the import worker) names what
 * unsavableProblems names for the same points as objects: counts beyond MAX_COUNT (the first 100,
 * then a count of the rest) and a layer over MAX_LAYER_FEATURES.
 */
import { describe, expect, it } from 'vitest';
import { initialProject } from '../../../src/state/initial-project.ts';
import { defaultBoards } from '../../../src/data/embedded.ts';
import { defaultEmploymentAreas } from '../../../src/data/jobs-housing-defaults.ts';
import { DEFAULT_RULE_SETTINGS } from '../../../src/data/allocation-data.ts';
import { unsavableProblems } from '../../../src/state/persistence/check-before-write.ts';
import { populationColumnsProblems } from '../../../src/state/population-columns-check.ts';
import { MAX_COUNT, MAX_LAYER_FEATURES } from '../../../src/domain/project-limits.ts';
import type { ProjectState } from '../../../src/state/project.ts';

const state: ProjectState = initialProject(defaultBoards, defaultEmploymentAreas, DEFAULT_RULE_SETTINGS, '2026-01-01');

/** What the project check says of these residents as population points (all at one place in Wenzhou). */
function asObjects(population: Float64Array) {
  // All zeros: one shared point object (the checks count a million of them first).
  const points = population.every((p) => p === 0) ? new Array(population.length).fill({ lonLat: [120.65, 28.01], population: 0 }) : Array.from(population, (p) => ({ lonLat: [120.65, 28.01] as [number, number], population: p }));
  return unsavableProblems(state, { ...state, population: { kind: 'points', points } });
}

describe('populationColumnsProblems', () => {
  it('passes what the project check passes', () => {
    const ok = new Float64Array([0, 1, MAX_COUNT, 12.5]);
    expect(populationColumnsProblems(ok)).toEqual([]);
    expect(asObjects(ok)).toEqual([]);
  });

  it('names counts beyond MAX_COUNT by point, 100 of them and a count of the rest', () => {
    const p = new Float64Array(300).map((_, i) => (i % 2 ? MAX_COUNT * 2 : i));
    const got = populationColumnsProblems(p);
    expect(got).toEqual(asObjects(p));
    expect(got.map((x) => x.code)).toEqual([...Array(100).fill('project-number-too-large'), 'more-problems']);
  });

  it('names a layer over MAX_LAYER_FEATURES points', () => {
    const p = new Float64Array(MAX_LAYER_FEATURES + 1);
    const got = populationColumnsProblems(p);
    expect(got).toEqual(asObjects(p));
    expect(got.map((x) => [x.code, x.params?.count])).toEqual([['project-too-many', MAX_LAYER_FEATURES + 1]]);
  });
});
