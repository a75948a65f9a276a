import { readdirSync } from 'node:fs';
import { describe, it } from 'vitest';
import { createCoverageModel } from '../../../../src/analysis/coverage/model.ts';
import { categoryTiers } from '../../../../src/domain/facility.ts';
import { gb50180 } from '../../../../src/data/gb50180.ts';
import { readCoverageFixture, rounded } from './fixture-input.ts';
import { expectGolden } from '../../../support/golden.ts';

const DIR = 'test/fixtures/coverage';
const tiers = categoryTiers(gb50180.facilities);

describe('coverage engine golden fixtures', () => {
  for (const file of readdirSync(`${DIR}/in`).filter((f) => f.endsWith('.geojson'))) {
    it(file, () => {
      const fx = readCoverageFixture(`${DIR}/in/${file}`);
      const result = rounded(createCoverageModel(fx.boards, fx.facilities, fx.population, { radiiM: fx.radiiM, categoryTiers: tiers, tierStandards: gb50180.tiers }).result());
      const out = `${DIR}/out/${file.replace('.geojson', '.json')}`;
      expectGolden(result, out);
    });
  }
});
