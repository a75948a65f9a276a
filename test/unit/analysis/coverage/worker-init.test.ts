/**
 * The coverage worker's init as the page sends it (facilities packed as bytes, population points as
 * columns, every buffer transferred; ui/coverage/coverage-init-steps.ts) gives the very figures the
 * session gives for the same facilities and points as objects: on the fixtures and on 20,000 points
 * over the default boards, after init and after a move.
 */
import { describe, expect, it } from 'vitest';
import { CoverageSession } from '../../../../src/analysis/coverage/coverage-session.ts';
import { coverageApi } from '../../../../src/workers/coverage-api.ts';
import { initPartsSteps } from '../../../../src/ui/coverage/coverage-init-steps.ts';
import { runSteps } from '../../../../src/analysis/coverage/packed-facilities.ts';
import { illustrativeFacilities } from '../../../../src/analysis/coverage/illustrative-facilities.ts';
import { defaultBoards } from '../../../../src/data/embedded.ts';
import { gb50180 } from '../../../../src/data/gb50180.ts';
import type { PopulationInput, PopulationPoint } from '../../../../src/domain/population.ts';
import type { Facility } from '../../../../src/domain/facility.ts';
import type { CoverageBoard } from '../../../../src/analysis/coverage/types.ts';
import { bboxOf } from '../../../../src/geo/measure.ts';
import { readCoverageFixture } from './fixture-input.ts';

/** The init message after a structured clone with its transfer list, as postMessage delivers it. */
function overTheWire(boards: CoverageBoard[], facilities: Facility[], population: PopulationInput, radiiM: number[]) {
  const parts = runSteps(initPartsSteps(facilities, population));
  const message = { boards, facilities: parts.facilities, population: parts.population, radiiM };
  const received = structuredClone(message, { transfer: parts.transfer });
  // Transferred: the page's copies are detached, so nothing was cloned twice.
  expect(parts.transfer.every((b) => b.byteLength === 0)).toBe(true);
  return received;
}

function bothPaths(boards: CoverageBoard[], facilities: Facility[], population: PopulationInput, radiiM: number[], move: { facilityId: string; lonLat: [number, number] }) {
  const objects = new CoverageSession();
  const api = coverageApi(new CoverageSession());
  const received = overTheWire(boards, facilities, population, radiiM);
  expect(received.population.kind).toBe(population.kind === 'points' ? 'point-columns' : population.kind);
  const viaObjects = objects.init({ boards, facilities, population, radiiM });
  const viaColumns = api.init(received);
  expect(viaColumns.result).toStrictEqual(viaObjects.result);
  expect(api.move(move).result).toStrictEqual(objects.move(move).result);
  expect(api.rings({ group: 'any', radiusM: radiiM[0] })).toStrictEqual(objects.rings({ group: 'any', radiusM: radiiM[0] }));
  return viaObjects.result;
}

describe('coverage worker init from columns and bytes', () => {
  for (const name of ['board-with-hole', 'facilities-at-radius', 'facility-outside-every-board']) {
    it(`gives the same figures as objects: ${name}`, () => {
      const fx = readCoverageFixture(`test/fixtures/coverage/in/${name}.geojson`);
      expect(fx.population.kind).toBe('points');
      const f = fx.facilities[0];
      const result = bothPaths(fx.boards, fx.facilities, fx.population, fx.radiiM, { facilityId: f.id, lonLat: [f.lonLat[0] + 0.001, f.lonLat[1]] });
      expect(result.populationModel).toBe('points');
    });
  }

  it('gives the same figures on 10,000 points over the default boards, and a second init from the same points is the same', () => {
    const boards = defaultBoards.features.map((b) => ({ id: b.properties.id, name: b.properties.name, geometry: b.geometry }));
    const facilities = illustrativeFacilities(boards, gb50180.facilities).map((f, i) => (i % 3 ? { ...f, name: `设施 "${i}"` } : f));
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
    const points: PopulationPoint[] = Array.from({ length: 10_000 }, () => ({ lonLat: [120.55 + rand() * 0.25, 27.9 + rand() * 0.15], population: Math.floor(rand() * 40) + rand() }));
    const population: PopulationInput = { kind: 'points', points };
    const move = { facilityId: facilities[5].id, lonLat: [120.66, 28.0] as [number, number] };
    const result = bothPaths(boards, facilities, population, [300, 500, 1000], move);
    expect(result.boards.some((b) => b.residents! > 0)).toBe(true);
    // The page's points are untouched (the worker adopted columns built for it): a second init is the same.
    const again = overTheWire(boards, facilities, population, [300, 500, 1000]);
    expect(coverageApi(new CoverageSession()).init(again).result).toStrictEqual(new CoverageSession().init({ boards, facilities, population, radiiM: [300, 500, 1000] }).result);
  });

  it('gives the same figures along streets as objects (the network request is sent as init is)', () => {
    const fx = readCoverageFixture('test/fixtures/coverage/in/board-with-hole.geojson');
    const [w, so, e, n] = bboxOf(fx.boards[0].geometry);
    // Two streets crossing at each facility.
    const streets = fx.facilities.flatMap(({ lonLat: [x, y] }) => [[[w, y], [e, y]], [[x, so], [x, n]]]);
    const runs = [{ group: 'any' as const, radiusM: fx.radiiM[0] }];
    const parts = runSteps(initPartsSteps(fx.facilities, fx.population));
    const input = { boards: fx.boards, streets, runs, sampleSpacingM: 50 };
    const received = structuredClone({ ...input, facilities: parts.facilities, population: parts.population.kind === 'point-columns' ? parts.population : undefined }, { transfer: parts.transfer });
    const viaColumns = coverageApi(new CoverageSession()).network(received).runs;
    const viaObjects = new CoverageSession().network({ ...input, facilities: fx.facilities, population: fx.population.kind === 'points' ? fx.population.points : undefined }).runs;
    expect(viaColumns).toStrictEqual(viaObjects);
    expect(viaObjects[0].coverage.boards[0].radii[0].populationShare).toBeGreaterThan(0);
  });
});
