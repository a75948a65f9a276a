/**
 * The store commands end to end, as a bureau's IT would run them: `anju users` before the
 * server starts (opening PGlite under its lock), while `anju serve` holds it (through the
 * admin socket), `backup` from the running server, `restore` into PostgreSQL and into a new
 * PGlite, a clear refusal when another command holds the store, and a clean SIGTERM.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pgliteCopy, newPostgresDatabase, postgresUrl } from './support/test-db.ts';
import { httpRequest } from './support/http-client.ts';
import { projectFile } from './support/projects.ts';

const BIN = new URL('../../bin/anju', import.meta.url).pathname;
// Each command is a new Node process that opens PGlite (seconds of CPU): generous limits.
const SLOW = { timeout: 300_000 };
const cleanup: (() => void)[] = [];
afterAll(() => cleanup.forEach((c) => c()));

function anju(args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: '', ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.stdin.end(opts.stdin ?? '');
    p.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

function serve(dataDir: string): Promise<{ proc: ChildProcess; url: string; output: () => string }> {
  const proc = spawn(process.execPath, [BIN, 'serve', '--data', dataDir, '--port', '0', '--no-app'], { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanup.push(() => proc.kill('SIGKILL'));
  let text = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      text += d;
      const m = /ready at (http:\/\/[^\s]+)/.exec(text);
      if (m) resolve({ proc, url: m[1], output: () => text });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`serve exited ${code}: ${text}`)));
  });
}

describe('store commands on the embedded store (PGlite)', SLOW, () => {
  const dir = pgliteCopy();
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const backupFile = join(mkdtempSync(join(tmpdir(), 'anju-backup-')), 'anju.backup.jsonl');

  it('manage accounts before and while the server runs, back up from it, and stop it cleanly', async () => {
    expect(await anju(['users', 'add', '王工', '--role', 'admin', '--data', dir], { stdin: 'correct horse battery\n' })).toMatchObject({ code: 0 });
    expect((await anju(['users', 'add', '短', '--role', 'viewer', '--data', dir], { stdin: 'short\n' })).code).toBe(1);
    expect((await anju(['users', 'add', 'x', '--role', 'boss', '--data', dir], { stdin: 'long enough pw\n' })).code).toBe(2);

    const server = await serve(dir);
    const added = await anju(['users', 'add', '李工', '--role', 'viewer', '--data', dir], { stdin: 'another good password\n' });
    expect(added).toMatchObject({ code: 0 });
    expect(added.err).toMatch(/running server \(pid \d+\)/);
    const token = await anju(['users', 'token', '王工', '--data', dir]);
    expect(token.code).toBe(0);
    expect(token.out).toMatch(/^anju_[A-Za-z0-9_-]{43}\n$/);
    const port = Number(new URL(server.url).port);
    expect((await httpRequest(port, 'GET', '/api/me', { Authorization: `Bearer ${token.out.trim()}` })).json).toMatchObject({ user: { name: '王工', role: 'admin' } });
    expect(JSON.parse((await anju(['users', 'list', '--json', '--data', dir])).out).map((u: { name: string }) => u.name)).toEqual(['李工', '王工']);
    // Members and comments of a project, while the server runs.
    const auth = { Authorization: `Bearer ${token.out.trim()}`, 'Content-Type': 'application/json' };
    const created = await httpRequest(port, 'POST', `/api/projects?name=${encodeURIComponent('十五五')}`, auth, JSON.stringify(projectFile()));
    expect(created.status).toBe(201);
    const added2 = await anju(['members', '十五五', 'add', '李工', 'reviewer', '--data', dir]);
    expect(added2).toMatchObject({ code: 0 });
    expect(added2.err).toContain('李工 is now reviewer of the project (access revision 2)');
    expect((await anju(['members', created.json.id, 'remove', '王工', '--data', dir])).err).toMatch(/only owner/);
    expect((await anju(['members', 'nope', '--data', dir])).code).toBe(1);
    await httpRequest(port, 'POST', `/api/projects/${created.json.id}/comments`, auth, JSON.stringify({ anchor: { kind: 'board', boardId: 'qidu' }, revision: 1, body: '七都请核对' }));
    const comments = JSON.parse((await anju(['comments', '十五五', '--json', '--data', dir])).out);
    expect(comments).toMatchObject({ project: { id: created.json.id, name: '十五五' }, comments: [{ anchor: { kind: 'board', boardId: 'qidu' }, state: 'open', revision: 1, author: '王工', body: '七都请核对', replies: [] }] });
    expect(JSON.parse((await anju(['members', '十五五', '--json', '--data', dir])).out).members.map((m: { name: string; role: string }) => `${m.name}:${m.role}`)).toEqual(['王工:owner', '李工:reviewer']);
    expect(await anju(['backup', backupFile, '--data', dir])).toMatchObject({ code: 0 });
    expect(readFileSync(backupFile, 'utf8')).toMatch(/"type":"end"/);
    expect(await anju(['users', 'disable', '李工', '--data', dir])).toMatchObject({ code: 0 });

    server.proc.kill('SIGTERM');
    const code = await new Promise((r) => server.proc.on('exit', r));
    expect(code).toBe(0);
    expect(server.output()).toMatch(/stopped/);
    expect(existsSync(join(dir, 'anju.lock'))).toBe(false);
    // With the server gone, the command opens the store itself.
    expect((await anju(['users', 'list', '--data', dir])).out).toMatch(/李工\tviewer\tdisabled/);
  });

  it('says which process holds the store when it is not a server, and exits 3', async () => {
    const other = pgliteCopy();
    cleanup.push(() => rmSync(other, { recursive: true, force: true }));
    writeFileSync(join(other, 'anju.lock'), JSON.stringify({ pid: process.pid, command: 'restore', since: '2026-01-01T00:00:00Z' }));
    const r = await anju(['users', 'list', '--data', other]);
    expect(r.code).toBe(3);
    expect(r.err).toContain(`in use by process ${process.pid} (anju restore`);
  });

  // Restoring into PGlite is covered by backup.test.ts (PostgreSQL → PGlite); a new PGlite costs an initdb.
  it.skipIf(!postgresUrl)('restores the backup into PostgreSQL named by DATABASE_URL, once (then it asks for --replace)', async () => {
    const url = await newPostgresDatabase();
    expect(await anju(['restore', backupFile], { env: { DATABASE_URL: url } })).toMatchObject({ code: 0 });
    expect((await anju(['users', 'list'], { env: { DATABASE_URL: url } })).out).toMatch(/王工\tadmin\tactive/);
    const again = await anju(['restore', backupFile, '--database-url', url]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/--replace/);
  });
});
