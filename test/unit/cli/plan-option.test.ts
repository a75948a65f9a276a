import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli as anju } from '../../support/run-cli.ts';
import { tempDir } from '../../support/run-anju.ts';
import { COMMANDS } from '../../../src/cli/main.ts';

const EXAMPLE = 'geodata/plan-examples/example-2026-2030.plan.json';
const FIX = 'test/fixtures/allocation/';
const tmp = tempDir('anju-plan-');

describe('--plan FILE on the command line', () => {
  it('is documented for every command', async () => {
    for (const c of COMMANDS) expect((await anju(c.name, '--help')).out, c.name).toContain('--plan FILE');
  });

  it('boards and targets follow the package, and the next command is back on the built-in plan', async () => {
    const b = await anju('boards', '--json', '--plan', EXAMPLE);
    expect(b.code).toBe(0);
    expect(JSON.parse(b.out)).toHaveLength(9);
    expect(b.err).toContain('is an example plan package, not an official plan');
    const t = await anju('targets', `--plan=${EXAMPLE}`);
    expect(t.out).toContain('20–25 万套 (2026–2030)');
    expect(JSON.parse((await anju('boards', '--json')).out)).toHaveLength(21);
  });

  it('check says what of a 2021–2025 project does not match the package, and keeps going (exit 0)', async () => {
    const r = await anju('check', FIX + 'valid.anju.json', '--json', '--plan', EXAMPLE);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.plan).toEqual({ id: 'example-2026-2030', version: '0.1.0', example: true, years: [2026, 2027, 2028, 2029, 2030] });
    expect(j.planMismatch.map((m: { code: string }) => m.code)).toEqual(['project-other-plan', 'project-years-outside-plan', 'project-years-outside-plan', 'project-boards-not-in-plan', 'project-targets-not-in-plan', 'project-targets-changed']);
    expect(r.err).toContain('valid.anju.json field plan: the project was made against plan package wenzhou-housing-2021-2025 1.0.0; the active package is example-2026-2030 0.1.0');
    // The same file with the built-in plan: no word about plans.
    const plain = JSON.parse((await anju('check', FIX + 'valid.anju.json', '--json')).out);
    expect(plain.planMismatch).toBeUndefined();
    expect(plain.plan).toBeUndefined();
  });

  it('refuses a broken package naming the field (exit 1), an unreadable one (exit 2), and --plan twice (exit 2)', async () => {
    const pkg = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    pkg.period.years[2] = 2029;
    const bad = await anju('boards', '--plan', tmp.file('bad.plan.json', pkg));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('bad.plan.json field period.years[2]');
    expect((await anju('boards', '--plan', tmp.file('x.plan.json', '{'))).code).toBe(2);
    expect((await anju('boards', '--plan', EXAMPLE, '--plan', EXAMPLE)).code).toBe(2);
    expect((await anju('boards', '--plan')).code).toBe(2);
  });
});
