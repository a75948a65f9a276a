/** Default residents under the uniform assumption, and where the persons-per-dwelling factor comes from. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { defaultBoards } from '../../../../src/data/embedded.ts';
import { dwellingAssumptions } from '../../../../src/data/jobs-housing-defaults.ts';
import { gb50180 } from '../../../../src/data/gb50180.ts';
import { defaultDwellingsByBoard } from '../../../../src/analysis/jobs-housing/default-dwellings.ts';
import { defaultResidentsByBoard, type ResidentsAssumption } from '../../../../src/analysis/coverage/default-residents.ts';

const assumption = JSON.parse(readFileSync(new URL('../../../../geodata/assumptions/coverage-residents.json', import.meta.url), 'utf8')) as ResidentsAssumption;

describe('coverage-residents.json', () => {
  it('is marked as an assumption and its factor is the 10-minute tier ratio of GB 50180 表3.0.4 it cites', () => {
    expect(assumption.assumption).toBe(true);
    const ten = gb50180.tiers.find((t) => t.id === '10-min')!;
    expect(ten.verified.population && ten.verified.dwellings).toBe(true);
    expect(assumption.personsPerDwelling).toBe(ten.population.min / ten.dwellings.min);
    expect(assumption.personsPerDwellingBasis).toContain('15,000');
    expect(assumption.personsPerDwellingBasis).toContain('5,000');
  });
});

describe('defaultResidentsByBoard', () => {
  it('is assumed dwellings × persons per dwelling, rounded to 100, for all 21 boards', () => {
    const dwellings = defaultDwellingsByBoard(defaultBoards, dwellingAssumptions);
    const residents = defaultResidentsByBoard(defaultBoards, dwellingAssumptions, {}, 3);
    expect(Object.keys(residents)).toHaveLength(21);
    for (const [id, n] of Object.entries(residents)) expect(n).toBe(Math.round((dwellings[id].dwellings * 3) / 100) * 100);
  });

  it('uses the dwellings the planner entered where there are any', () => {
    const residents = defaultResidentsByBoard(defaultBoards, dwellingAssumptions, { jiucheng: 12_345 }, 2.5);
    expect(residents.jiucheng).toBe(30_900);
  });

  it('refuses a non-positive factor', () => {
    expect(() => defaultResidentsByBoard(defaultBoards, dwellingAssumptions, {}, 0)).toThrow(/personsPerDwelling/);
  });
});
