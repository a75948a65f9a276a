/**
 * `./bin/anju serve` as a bureau's IT starts it: bin/anju's shebang gives V8 batch-tool flags
 * (--optimize-for-size --single-threaded), which suit a one-shot analysis but not a long-running
 * server, so the server runs in a child process with Node's defaults. A Ctrl-C in the terminal
 * (SIGINT to the foreground process group) stops it cleanly once, and a killed `anju` process
 * does not leave the server running with the store locked.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pgliteCopy } from './support/test-db.ts';
import { httpRequest } from './support/http-client.ts';

const BIN = new URL('../../bin/anju', import.meta.url).pathname;
const SLOW = { timeout: 300_000 };
const cleanup: (() => void)[] = [];
afterAll(() => cleanup.forEach((c) => c()));

/** The command line of each live child of `pid` (from /proc). */
function childrenOf(pid: number): { pid: number; argv: string[] }[] {
  const out: { pid: number; argv: string[] }[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push({ pid: Number(d), argv: readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').filter(Boolean) });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

async function until(ok: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (ok()) return true;
  return ok();
}

/** Start `./bin/anju serve` as its own process group (a terminal's foreground job). */
function serve(dataDir: string): Promise<{ proc: ChildProcess; url: string; output: () => string; exit: Promise<number | null> }> {
  // Run as a program (its shebang), not `node bin/anju`.
  const proc = spawn(BIN, ['serve', '--data', dataDir, '--port', '0', '--no-app'], { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  cleanup.push(() => {
    for (const c of childrenOf(proc.pid!)) process.kill(c.pid, 'SIGKILL');
    proc.kill('SIGKILL');
  });
  const exit = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  let text = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      text += d;
      const m = /ready at (http:\/\/[^\s]+)/.exec(text);
      if (m) resolve({ proc, url: m[1], output: () => text, exit });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    void exit.then((code) => reject(new Error(`serve exited ${code}: ${text}`)));
  });
}

describe('./bin/anju serve', SLOW, () => {
  it('runs the server with Node defaults and stops it once on Ctrl-C', async () => {
    const dir = pgliteCopy();
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const server = await serve(dir);
    expect(readFileSync(`/proc/${server.proc.pid}/cmdline`, 'utf8')).toContain('--single-threaded');
    const [child, ...more] = childrenOf(server.proc.pid!);
    expect(more).toHaveLength(0);
    expect(child.argv.some((a) => a.startsWith('--single-threaded') || a.startsWith('--optimize-for-size'))).toBe(false);
    expect(child.argv.slice(-6)).toEqual(['serve', '--data', dir, '--port', '0', '--no-app']);
    expect((await httpRequest(Number(new URL(server.url).port), "GET", "/api/health")).status).toBe(200);

    process.kill(-server.proc.pid!, 'SIGINT'); // the whole foreground job, as a terminal's Ctrl-C
    expect(await server.exit).toBe(0);
    expect(server.output().match(/SIGINT: finishing requests/g)).toHaveLength(1);
    expect(server.output()).toMatch(/anju serve: stopped/);
    expect(await until(() => !alive(child.pid), 5_000)).toBe(true);
    expect(existsSync(join(dir, 'anju.lock'))).toBe(false);
  });

  it('stops the server when the anju process is killed', async () => {
    const dir = pgliteCopy();
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const server = await serve(dir);
    const [child] = childrenOf(server.proc.pid!);
    server.proc.kill('SIGKILL');
    expect(await until(() => !alive(child.pid), 30_000)).toBe(true);
    expect(server.output()).toMatch(/anju serve: the anju process that started this server ended: finishing requests/);
    expect(existsSync(join(dir, 'anju.lock'))).toBe(false);
  });
});
