/** The golden-file helper fails on a missing golden instead of writing it (REGEN=1 writes). */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectGolden } from '../support/golden.ts';

describe('expectGolden', () => {
  it('fails when the golden file is missing and regeneration was not asked for', () => {
    if (process.env.REGEN) return; // under REGEN=1 the helper writes by design
    const path = join(mkdtempSync(join(tmpdir(), 'anju-golden-')), 'missing.json');
    expect(() => expectGolden({ a: 1 }, path)).toThrow(/missing golden file .*REGEN=1/);
    expect(existsSync(path)).toBe(false);
  });
});
