/**
 * The command line keeps its promises against hostile input and as a Unix tool
 *: --help everywhere, a closed pipe ends quietly, only regular files are read,
 * problem lists are capped, terminal control characters never reach the terminal, and the
 * exit codes are the README's. In-process through `main` (test/support/run-cli.ts) except
 * where the process itself is the point: a closed pipe, a bounded heap.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { anju, ROOT, tempDir } from '../../support/run-anju.ts';
import { runCli } from '../../support/run-cli.ts';
import { COMMANDS } from '../../../src/cli/main.ts';
import { CRS_IDS } from '../../../src/io/crs.ts';
import { INPUT_KINDS } from '../../../src/io/readers/input-reader.ts';

const tmp = tempDir('anju-cli-');
afterAll(() => rmSync(tmp.dir, { recursive: true, force: true }));
const valid = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/allocation/valid.anju.json'), 'utf8'));
const project = (scenarios: unknown[]) => ({ app: 'anju', schemaVersion: 2, scenarios });

describe('anju as a command-line tool', { timeout: 60_000 }, () => {
  it('answers --help and -h for every command with its usage and options, exit 0, without loading it', async () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(['boards', 'coverage', 'jobs-housing', 'validate', 'targets', 'check', 'evaluate', 'serve', 'users', 'members', 'comments', 'backup', 'restore']);
    for (const c of COMMANDS) {
      for (const flag of ['--help', '-h']) {
        const r = await runCli(c.name, flag);
        expect(r.code, `${c.name} ${flag}`).toBe(0);
        expect(r.out).toMatch(new RegExp(`^usage: anju ${c.name}`));
        expect(r.out).toContain('options:');
        expect(r.err).toBe('');
      }
    }
    const all = await runCli('--help');
    expect(all.code).toBe(0);
    for (const c of COMMANDS) expect(all.out).toContain(c.usage);
    expect((await runCli()).code).toBe(2);
    expect((await runCli('frobnicate')).code).toBe(2);
  });

  it('documents every coordinate system and layer type validate takes', () => {
    const usage = COMMANDS.find((c) => c.name === 'validate')!.usage;
    for (const id of [...CRS_IDS, ...INPUT_KINDS]) expect(usage).toContain(id);
  });

  it('ends quietly when the reader closes the pipe (anju check F | head -1)', () => {
    const file = tmp.file('many.anju.json', project(Array.from({ length: 60 }, (_, i) => ({ ...valid.scenarios[0], id: `s${i}` }))));
    for (const json of ['', '--json']) {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" bin/anju check ${json} "${file}" | head -1 >/dev/null; echo "exit \${PIPESTATUS[0]}" >&2`], { cwd: ROOT, encoding: 'utf8' });
      expect(r.stderr).toBe('exit 0\n');
    }
  });

  it('refuses a FIFO and a device with exit 2 at once instead of hanging or reading forever', async () => {
    const fifo = join(tmp.dir, 'pipe.anju.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const started = Date.now();
    const f = await runCli('check', fifo);
    expect(f.code).toBe(2);
    expect(f.err).toContain('is a named pipe (FIFO); give a regular file');
    const z = await runCli('validate', '/dev/zero');
    expect(z.code).toBe(2);
    expect(z.err).toContain('/dev/zero: is a device');
    expect((await runCli('check', tmp.dir)).err).toContain('is a directory');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('through the real executable too: a FIFO nobody writes to and /dev/zero end at once with exit 2, in a small heap', () => {
    const fifo = join(tmp.dir, 'pipe.geojson');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const [args, said] of [
      [['check', fifo], 'is a named pipe (FIFO); give a regular file'],
      [['validate', fifo], 'is a named pipe (FIFO); give a regular file'],
      [['validate', '/dev/zero'], '/dev/zero: is a device; give a regular file'],
      [['coverage', '--facilities', '/dev/zero'], '/dev/zero: is a device; give a regular file'],
    ] as const) {
      const started = Date.now();
      // A 64 MB heap: reading /dev/zero until memory runs out would abort (it once reached 5.1 GB).
      const r = anju([...args], { nodeArgs: ['--max-old-space-size=64'], timeout: 30_000 });
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(2);
      expect(r.err).toContain(said);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(Date.now() - started).toBeLessThan(30_000);
    }
  });

  it('exits 2 for a project file that is not JSON, 1 for one that is JSON but wrong', async () => {
    const notJson = await runCli('check', tmp.file('x.anju.json', 'PK\u0003\u0004 not json'));
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('not valid JSON');
    expect((await runCli('check', tmp.file('arr.anju.json', '[1, 2]'))).code).toBe(2);
    expect((await runCli('check', tmp.file('app.anju.json', { app: 'other', schemaVersion: 1, scenarios: [] }))).code).toBe(1);
  });

  it('never writes terminal control characters from a file: escape sequences, NUL, bidi overrides are shown escaped', async () => {
    const hostile = 'Evil\u001b[2J\u001b]0;pwned\u0007\u0000\u202eNAME\u009b31m';
    const file = tmp.file('ctl.anju.json', project([{ ...valid.scenarios[0], id: `id\u001b[31m`, name: hostile }]));
    const text = await runCli('check', file);
    expect(text.code).toBe(0);
    const json = await runCli('check', '--json', file);
    expect(json.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
    for (const s of [text.out, text.err, json.out, json.err]) expect(s).not.toMatch(raw);
    expect(text.out).toContain('\\u001b[2J');
    // The JSON output still parses to the exact name.
    expect(JSON.parse(json.out).scenarios[0].name).toBe(hostile);
    // Messages echo file content too: an unknown board id with an escape sequence.
    const bad = tmp.file('bad.anju.json', project([{ ...valid.scenarios[0], allocations: [{ boardId: '\u001b[31mred', year: 2021, type: 'commercial', units: 1 }] }]));
    const r = await runCli('check', bad);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(raw);
    expect(r.err).toContain('\\u001b[31mred');
  });

  it('check --json on 20,000 scenarios (30 MB) ends at once naming the limit, in bounded memory; at the limit it streams', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({ ...valid.scenarios[0], id: `s${i}`, name: `方案 ${i} ${'说明'.repeat(30)}` }));
    const big = tmp.file('20k.anju.json', project(many));
    // The real process with a 256 MB heap (measured: 31 MB file, 4 s, peak RSS 167–178 MB; it
    // once ran 231 s into a V8 out-of-memory abort).
    const r = anju(['check', '--json', big], { nodeArgs: ['--max-old-space-size=256'], timeout: 60_000 });
    expect(r.err).toBe('anju check: 20k.anju.json field scenarios: has 20000 items; the limit is 200\n');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    // 200 scenarios of the fixture (~13 MB of JSON out) with a 64 MB heap: one report at a time.
    const atLimit = tmp.file('200.anju.json', project(many.slice(0, 200)));
    const ok = anju(['check', '--json', atLimit], { nodeArgs: ['--max-old-space-size=64'] });
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).scenarios).toHaveLength(200);
  });

  it('validate never exits 70 on hostile input: a __proto__/constructor column, JSON nested 100,000 deep', async () => {
    const proto = tmp.file('proto.csv', 'name,__proto__,constructor,lon,lat\nA,x,y,120.65,28.0\n');
    const n = 100_000;
    const deep = tmp.file('deep.geojson', `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":${'['.repeat(n)}${']'.repeat(n)}},"geometry":{"type":"Point","coordinates":[120.6,28]}}]}`);
    for (const type of [[], ['--type', 'facilities'], ['--type', 'population'], ['--type', 'boards']]) {
      for (const json of [[], ['--json']]) {
        const p = await runCli('validate', proto, '--crs', 'wgs84', '--x', 'lon', '--y', 'lat', ...type, ...json);
        expect(p.code, `${type} ${json}: ${p.err}`).toBeLessThan(2);
        expect(p.err).not.toContain('internal error');
        const d = await runCli('validate', deep, ...type, ...json);
        expect(d.code).toBe(2);
        expect(json.length ? JSON.parse(d.out).problems[0].message.en : d.err).toContain('nested more than 64 levels deep');
      }
    }
    // The column is kept as an ordinary attribute, not as the object's prototype.
    const j = JSON.parse((await runCli('validate', proto, '--crs', 'wgs84', '--x', 'lon', '--y', 'lat', '--json')).out);
    expect(j.valid).toBe(true);
  });

  it('validate --type population refuses a negative population exactly as coverage does (one reader, one rule)', async () => {
    const pop = tmp.file('pop.csv', 'name,population,lon,lat\nA,-5,120.65,28.0\nB,100,120.66,28.01\n');
    const said = 'pop.csv row 2 field population: population is not a non-negative number: "-5"';
    const v = await runCli('validate', pop, '--type', 'population', '--crs', 'wgs84', '--x', 'lon', '--y', 'lat');
    expect(v.code).toBe(1);
    expect(v.err).toBe(`error: ${said}`);
    const c = await runCli('coverage', '--facilities', join(ROOT, 'test/fixtures/import/facilities.geojson'), '--population', pop, '--crs', 'wgs84', '--x', 'lon', '--y', 'lat');
    expect(c.code).toBe(1);
    expect(c.err).toContain(`anju coverage: ${said}`);
  });

  it('caps a long problem list and summarises the rest by kind', async () => {
    const cell = { boardId: 'qidu', year: 2021, type: 'commercial', units: 1 };
    const file = tmp.file('dups.anju.json', project([{ ...valid.scenarios[0], allocations: Array.from({ length: 5000 }, () => cell) }]));
    const r = await runCli('check', file);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(21);
    expect(lines.at(-1)).toMatch(/^… and \d+ more problems not listed \(\d+ × project-duplicate-cell\)$/);
  });
});
