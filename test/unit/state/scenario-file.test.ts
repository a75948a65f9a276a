import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseProjectFile, serializeProject } from '../../../src/state/scenario-file.ts';
import type { ProjectState } from '../../../src/state/scenario.ts';
import { square, testBoards, testScenario } from '../../support/allocation-fixtures.ts';
import { formatProblem } from '../../../src/i18n/problems.ts';
import { PROBLEM_TEMPLATES } from '../../../src/i18n/problems.ts';
import { PROBLEM_CODES } from '../../../src/domain/problem.ts';

const known = new Set(['s1', 's2', 'k1', 'm1']);
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/allocation/${name}`, import.meta.url), 'utf8');
const state: ProjectState = {
  scenarios: [
    testScenario({
      allocations: [{ boardId: 'k1', year: 2021, type: 'commercial', units: 10 }],
      sites: [{ id: 'x', name: '地块', geometry: square(120.1, 28, 0.01), units: 3, type: 'talent-sale', year: 2025, note: '备注' }],
    }),
    testScenario({ id: 'b', name: 'B' }),
  ],
};

function problemsOf(text: string) {
  const r = parseProjectFile(text, known, 'p.anju.json');
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('project file (*.anju.json)', () => {
  it('round-trips the state exactly, with and without boards', () => {
    const r = parseProjectFile(serializeProject(state, '2026-01-01T00:00:00.000Z'), known);
    expect(r).toEqual({ ok: true, value: state, warnings: [] });
    const withBoards = { ...state, boards: testBoards() };
    expect(parseProjectFile(serializeProject(withBoards), new Set())).toMatchObject({ ok: true, value: withBoards });
  });

  it('writes the envelope app and schemaVersion', () => {
    expect(JSON.parse(serializeProject(state))).toMatchObject({ app: 'anju', schemaVersion: 2 });
  });

  it('reports corrupt JSON', () => {
    expect(problemsOf(fixture('corrupt.anju.json'))).toMatchObject([{ code: 'not-json', file: 'p.anju.json' }]);
  });

  it('refuses another app and a newer schema version, naming the field', () => {
    expect(problemsOf(fixture('wrong-app.anju.json'))).toMatchObject([{ code: 'project-wrong-app', field: 'app', params: { value: '"geojson.io"' } }]);
    const newer = problemsOf(fixture('newer-version.anju.json'));
    expect(newer).toMatchObject([{ code: 'project-newer-version', field: 'schemaVersion', params: { found: 3, supported: 2 } }]);
    expect(formatProblem(newer[0], 'en')).toBe('p.anju.json field schemaVersion: the file has schemaVersion 3; this version of Anju reads up to 2: update Anju to open it');
    expect(problemsOf('[]')).toMatchObject([{ code: 'project-not-object' }]);
    expect(problemsOf('{"app":"anju","schemaVersion":"1"}')).toMatchObject([{ code: 'project-bad-field', field: 'schemaVersion' }]);
  });

  it('names every wrongly typed field with what was expected and what was found', () => {
    const p = parseProjectFile(fixture('invalid-types.anju.json'), new Set(testBoardsReal()), 'f');
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.problems.map((x) => x.field)).toEqual(['scenarios[0].allocations[0].units', 'scenarios[0].sites[0].year', 'scenarios[1].ruleSettings.rentalMaxDistanceToEmploymentKm']);
    expect(p.problems.map((x) => x.params?.received)).toEqual(['-5', '2030', '"5"']);
  });

  it('refuses unknown boards, duplicate ids and duplicate cells', () => {
    const bad = JSON.parse(serializeProject(state));
    bad.scenarios[1].id = 'a';
    bad.scenarios[0].allocations.push({ boardId: 'k1', year: 2021, type: 'commercial', units: 1 }, { boardId: 'nowhere', year: 2022, type: 'commercial', units: 1 });
    expect(problemsOf(JSON.stringify(bad)).map((x) => [x.code, x.field])).toEqual([
      ['project-duplicate-cell', 'scenarios[0].allocations[1]'],
      ['project-unknown-board', 'scenarios[0].allocations[2].boardId'],
      ['project-duplicate-id', 'scenarios[1].id'],
    ]);
  });

  it('drops empty cells and sorts cells on open', () => {
    const f = JSON.parse(serializeProject(state));
    f.scenarios[0].allocations = [{ boardId: 'm1', year: 2021, type: 'commercial', units: 1 }, { boardId: 'k1', year: 2021, type: 'commercial', units: 0 }, { boardId: 'k1', year: 2022, type: 'commercial', units: 2 }];
    const r = parseProjectFile(JSON.stringify(f), known);
    expect(r.ok && r.value.scenarios[0].allocations.map((c) => `${c.boardId}${c.year}`)).toEqual(['k12022', 'm12021']);
  });

  it('has zh and en messages for every problem code', () => {
    for (const code of PROBLEM_CODES) expect(PROBLEM_TEMPLATES[code], code).toMatchObject({ zh: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) });
  });
});

function testBoardsReal(): string[] {
  const b = JSON.parse(readFileSync(new URL('../../../geodata/boards.geojson', import.meta.url), 'utf8')) as { features: { properties: { id: string } }[] };
  return b.features.map((f) => f.properties.id);
}
