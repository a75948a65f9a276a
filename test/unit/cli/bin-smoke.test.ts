/**
 * The one test that spawns the real executable, as a user runs it: bin/anju starts, runs a
 * command over the shipped data, writes JSON to stdout and exits 0; a usage error exits 2.
 * Every other CLI test runs the same `main` in-process (test/support/run-cli.ts).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

describe('bin/anju', () => {
  it('runs a command end to end in its own process', { timeout: 60_000 }, () => {
    const ok = spawnSync('bin/anju', ['boards', '--json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const boards = JSON.parse(ok.stdout) as { id: string }[];
    expect(boards).toHaveLength(21);
    const bad = spawnSync('bin/anju', ['no-such-command'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown command "no-such-command"');
    expect(bad.stdout).toBe('');
  });
});
