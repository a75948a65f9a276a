/**
 * `npm run loadtest` — the team server under load, then killed mid-write (not part of npm test).
 *
 * For each store (PGlite in a temp dir; PostgreSQL from a temp cluster of Debian's binaries,
 * or LOADTEST_DATABASE_URL): start `anju serve` as its own process, then CLIENTS simulated
 * planners (default 50, 10 per project) for SECONDS (default 60) each doing read–modify–write:
 * GET the project, set one random grid cell, PUT with If-Match; on 409 read again and retry.
 * Then the fault: writers run again and the server is killed with SIGKILL mid-write, and
 * restarted on the same store. Checked: the store opens cleanly after the kill; every write
 * answered 2xx is in the history with the value it wrote (else it counts as lost); revision
 * numbers run 1…head without gaps or duplicates; no answer but 200 or 409 under load. Prints req/s,
 * p50/p95 latency, 409s, other failures with their reasons (client time-outs at 30 s), lost.
 * Only loopback traffic; every loop is bounded in time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTempPostgres } from '../support/temp-postgres.ts';
import { cell, projectFile, withCell } from '../server/support/projects.ts';
import { HOUSING_TYPES } from '../../src/domain/housing-type.ts';
import { planYears } from '../../src/data/active-plan.ts';
import type { ProjectFile } from '../../src/state/scenario-file.ts';

const SECONDS = Number(process.env.LOADTEST_SECONDS ?? 60);
const CLIENTS = Number(process.env.LOADTEST_CLIENTS ?? 50);
const PER_PROJECT = 10;
const FAULT_SECONDS = 8;
const BIN = new URL('../../bin/anju', import.meta.url).pathname;
const BOARDS = ['qidu', 'wutian', 'jiucheng', 'yangshuang', 'jingxin', 'longwan-centre', 'binjiang-cbd', 'xincheng'];

interface Ack {
  projectId: string;
  revision: number;
  key: string;
  units: number;
}

interface Stats {
  latenciesMs: number[];
  requests: number;
  conflicts: number;
  failures: number;
  /** Failure reasons (status or error message) → count. */
  reasons: Map<string, number>;
  /** Answers other than 200 and 409: the server did wrong (a client-side time-out under load is not one). */
  badAnswers: number;
  acks: Ack[];
}

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS + 10 });

function http(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers: { ...headers, ...(body ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) } : {}) }, timeout: 30_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

function run(args: string[], env: Record<string, string>, stdin = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.stdin.end(stdin);
    p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`anju ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

function serve(storeArgs: string[], env: Record<string, string>): Promise<{ proc: ChildProcess; port: number; startMs: number }> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, [BIN, 'serve', ...storeArgs, '--port', '0', '--no-app', '--quiet'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s: ${text}`)), 120_000);
    const onData = (d: Buffer) => {
      text += d;
      const m = /ready at http:\/\/[^:]+:(\d+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, port: Number(m[1]), startMs: performance.now() - t0 });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited ${code}: ${text}`)));
  });
}

const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)];

/** One simulated planner: read–modify–write until the deadline (or the server is gone). */
async function client(port: number, token: string, projectId: string, deadline: number, stats: Stats): Promise<void> {
  const auth = { Authorization: `Bearer ${token}` };
  const timed = async <T>(fn: () => Promise<T>) => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      stats.latenciesMs.push(performance.now() - t0);
      stats.requests++;
    }
  };
  while (Date.now() < deadline) {
    try {
      const got = await timed(() => http(port, 'GET', `/api/projects/${projectId}`, auth));
      if (got.status !== 200) {
        stats.badAnswers++;
        throw new Error(`GET ${got.status}`);
      }
      const revision = String(got.headers.etag);
      const c = cell(pick(BOARDS), pick(planYears()), pick(HOUSING_TYPES), 1 + Math.floor(Math.random() * 5000));
      const next = withCell(JSON.parse(got.text) as ProjectFile, c);
      const put = await timed(() => http(port, 'PUT', `/api/projects/${projectId}`, { ...auth, 'If-Match': revision }, JSON.stringify(next)));
      if (put.status === 200) {
        const r = JSON.parse(put.text) as { revision: number; unchanged: boolean };
        if (!r.unchanged) stats.acks.push({ projectId, revision: r.revision, key: `${c.boardId}|${c.year}|${c.type}`, units: c.units });
      } else if (put.status === 409) stats.conflicts++;
      else {
        stats.badAnswers++;
        throw new Error(`PUT ${put.status}: ${put.text.slice(0, 80)}`);
      }
    } catch (e) {
      stats.failures++;
      const reason = e instanceof Error ? e.message : String(e);
      stats.reasons.set(reason, (stats.reasons.get(reason) ?? 0) + 1);
      // The server is gone (the fault phase) or overloaded: back off a little.
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function phase(port: number, token: string, projects: string[], seconds: number, killAfterMs?: number, proc?: ChildProcess): Promise<Stats & { seconds: number }> {
  const stats: Stats = { latenciesMs: [], requests: 0, conflicts: 0, failures: 0, reasons: new Map(), badAnswers: 0, acks: [] };
  const t0 = Date.now();
  const deadline = t0 + seconds * 1000;
  if (killAfterMs !== undefined) setTimeout(() => proc!.kill('SIGKILL'), killAfterMs);
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(port, token, projects[Math.floor(i / PER_PROJECT) % projects.length], deadline, stats)));
  return { ...stats, seconds: (Date.now() - t0) / 1000 };
}

/** Every acknowledged write is in its revision; revisions run 1…head exactly once each. */
async function verify(port: number, token: string, projects: string[], acks: Ack[]): Promise<{ lost: number; gaps: number; duplicates: number; revisions: number }> {
  const auth = { Authorization: `Bearer ${token}` };
  let lost = 0;
  let gaps = 0;
  let revisions = 0;
  const seen = new Set<string>();
  let duplicates = 0;
  for (const a of acks) {
    const k = `${a.projectId}#${a.revision}`;
    if (seen.has(k)) duplicates++;
    seen.add(k);
  }
  for (const id of projects) {
    const list = JSON.parse((await http(port, 'GET', `/api/projects/${id}/revisions`, auth)).text) as { revision: number }[];
    const nums = list.map((r) => r.revision).sort((a, b) => a - b);
    revisions += nums.length;
    nums.forEach((n, i) => {
      if (n !== i + 1) gaps++;
    });
  }
  for (const a of acks) {
    const r = await http(port, 'GET', `/api/projects/${a.projectId}/revisions/${a.revision}`, auth);
    if (r.status !== 200) {
      lost++;
      continue;
    }
    const file = JSON.parse(r.text) as ProjectFile;
    const hit = file.scenarios[0].allocations.find((c) => `${c.boardId}|${c.year}|${c.type}` === a.key);
    if (hit?.units !== a.units) lost++;
  }
  return { lost, gaps, duplicates, revisions };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

async function loadStore(kind: 'pglite' | 'postgres', storeArgs: string[], env: Record<string, string>): Promise<boolean> {
  console.log(`\n== ${kind}: ${CLIENTS} clients (${PER_PROJECT} per project), ${SECONDS} s ==`);
  await run(['users', 'add', 'load', '--role', 'planner', ...storeArgs], env, 'load-test-password\n');
  let server = await serve(storeArgs, env);
  const token = (await run(['users', 'token', 'load', ...storeArgs], env)).trim();
  const projects: string[] = [];
  for (let i = 0; i < Math.ceil(CLIENTS / PER_PROJECT); i++) {
    const r = await http(server.port, 'POST', `/api/projects?name=load-${i}`, { Authorization: `Bearer ${token}` }, JSON.stringify(projectFile()));
    projects.push((JSON.parse(r.text) as { id: string }).id);
  }
  const load = await phase(server.port, token, projects, SECONDS);
  const rps = load.requests / load.seconds;
  console.log(`requests: ${load.requests} in ${load.seconds.toFixed(1)} s = ${rps.toFixed(0)} req/s; latency p50 ${percentile(load.latenciesMs, 50).toFixed(1)} ms, p95 ${percentile(load.latenciesMs, 95).toFixed(1)} ms`);
  console.log(`saves acknowledged: ${load.acks.length}; 409 (stale, retried): ${load.conflicts}; other failures: ${load.failures}${load.failures ? ` (${[...load.reasons].map(([r, n]) => `${r} ×${n}`).join(', ')})` : ''}`);

  // The fault: kill the server with SIGKILL while the writers are busy, then start it again.
  const killAtMs = 2000 + Math.floor(Math.random() * 3000);
  const fault = await phase(server.port, token, projects, FAULT_SECONDS, killAtMs, server.proc);
  console.log(`fault: SIGKILL after ${(killAtMs / 1000).toFixed(1)} s of writes; ${fault.acks.length} saves acknowledged before it, ${fault.failures} requests failed after it`);
  server = await serve(storeArgs, env);
  console.log(`restart: the store opened cleanly in ${(server.startMs / 1000).toFixed(1)} s`);
  const v = await verify(server.port, token, projects, [...load.acks, ...fault.acks]);
  console.log(`revisions: ${v.revisions} (gaps: ${v.gaps}, duplicate numbers acknowledged: ${v.duplicates})`);
  console.log(`lost: ${v.lost}`);
  server.proc.kill('SIGTERM');
  await new Promise((r) => server.proc.once('exit', r));
  return v.lost === 0 && v.gaps === 0 && v.duplicates === 0 && load.badAnswers === 0;
}

const results: boolean[] = [];
const dir = mkdtempSync(join(tmpdir(), 'anju-load-'));
try {
  results.push(await loadStore('pglite', ['--data', dir], { DATABASE_URL: '' }));
  let stop = () => {};
  let url = process.env.LOADTEST_DATABASE_URL;
  if (!url) {
    const pg = await startTempPostgres();
    url = pg.url;
    stop = () => pg.stop();
    console.log(`\n(${pg.version} in a temp cluster)`);
  }
  try {
    results.push(await loadStore('postgres', ['--database-url', url], {}));
  } finally {
    stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  agent.destroy();
}
const ok = results.every(Boolean);
console.log(ok ? '\nloadtest: passed' : '\nloadtest: FAILED');
process.exit(ok ? 0 : 1);
