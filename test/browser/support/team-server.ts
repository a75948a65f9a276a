/**
 * The real team server for browser tests: `./bin/anju serve` as a child process over PGlite in
 * a temp directory, serving this checkout's dist/ (built by `npm run test:browser`). Accounts
 * are added with `./bin/anju users add` while it runs. It can be stopped (SIGTERM, as an
 * operator would) and started again on the same port with the same data.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/anju', import.meta.url));
export const TEAM_PASSWORD = 'correct horse battery staple';

export interface TeamServer {
  url: string;
  port: number;
  dataDir: string;
  /** SIGTERM and wait for the process to end (requests in progress finish). */
  stop(): Promise<void>;
  /** Start again on the same port with the same data. */
  start(): Promise<void>;
  /** Stop and delete the data. */
  dispose(): Promise<void>;
}

/** Add an account (password on stdin); while the server runs, through its admin socket. */
function addUser(dataDir: string, name: string, role: 'admin' | 'planner' | 'reviewer' | 'viewer'): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'users', 'add', name, '--role', role, '--data', dataDir], { stdio: ['pipe', 'ignore', 'pipe'], timeout: 120_000 });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  child.stdin!.end(`${TEAM_PASSWORD}\n`);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`anju users add ${name} failed (${code}): ${err}`))));
  });
}

/** Give a user a role in a project (`anju members PROJECT add NAME ROLE`), as an operator would while the server runs. */
export function addMember(dataDir: string, project: string, name: string, role: 'owner' | 'planner' | 'reviewer' | 'viewer'): void {
  const r = spawnSync(process.execPath, [BIN, 'members', project, 'add', name, role, '--data', dataDir], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`anju members ${project} add ${name} ${role} failed (${r.status}): ${r.stderr}`);
}

function launch(dataDir: string, port: number): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--data', dataDir, '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`anju serve did not start within 90 s: ${out}${err}`)), 90_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`anju serve exited with ${code}: ${out}${err}`));
    });
  });
}

/** A fresh store and the server running on a free port, with these accounts (added through the running server's admin socket). */
export async function startTeamServer(users: [string, 'admin' | 'planner' | 'reviewer' | 'viewer'][]): Promise<TeamServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'anju-team-'));
  let { child, port } = await launch(dataDir, 0);
  // Side by side: each is a CLI start and a password hash on the server, mostly waiting on one another.
  await Promise.all(users.map(([name, role]) => addUser(dataDir, name, role)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const ended = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    await ended;
  };
  return {
    get url() {
      return `http://127.0.0.1:${port}/`;
    },
    get port() {
      return port;
    },
    dataDir,
    stop,
    async start() {
      ({ child, port } = await launch(dataDir, port));
    },
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
