/**
 * A throw-away PostgreSQL cluster for tests and the load test: Debian's binaries
 * (/usr/lib/postgresql/<version>/bin), `initdb` into a temp dir, `pg_ctl start` on a free
 * loopback port with its socket in that dir — no system service, nothing outside the temp
 * dir. As root (CI), the server runs as the `postgres` user (initdb refuses root).
 * `stop()` stops it and removes the dir.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface TempPostgres {
  /** Superuser URL of the cluster's `postgres` database. */
  url: string;
  version: string;
  stop(): void;
}

/** The bin directory of the newest installed PostgreSQL, or null. */
export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startTempPostgres(): Promise<TempPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb): apt-get install postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'anju-pg-'));
  const asRoot = userInfo().uid === 0;
  const run = (cmd: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : join(bin, cmd), asRoot ? ['-u', 'postgres', '--', join(bin, cmd), ...args] : args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'anju', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  // Only loopback and the socket in our dir; small memory; tolerant of a 2-core machine.
  writeFileSync(join(data, 'postgresql.auto.conf'), `listen_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nmax_connections = 120\nshared_buffers = '64MB'\nfsync = on\n`);
  let port: number;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      run('pg_ctl', ['-D', data, '-o', `-p ${port}`, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
      break;
    } catch (e) {
      if (attempt >= 2) throw e;
    }
  }
  const version = execFileSync(join(bin, 'postgres'), ['--version']).toString().trim();
  let stopped = false;
  return {
    url: `postgres://anju@127.0.0.1:${port}/postgres`,
    version,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
