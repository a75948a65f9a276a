/**
 * PGlite is one process's database: two processes opening the same files would corrupt
 * them. So a process that opens an embedded store first takes DATA/anju.lock (created
 * exclusively, holding its pid, the command and, for `anju serve`, its admin socket). Another
 * command that finds the lock held by a live `serve` talks to that server over the socket
 * (see admin/); held by anything else, it stops with a message naming the process. A lock
 * whose process is gone (killed, crashed) is stale and taken over.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export interface LockInfo {
  pid: number;
  command: string;
  /** The admin socket of a running server. */
  socket?: string;
  since: string;
}

export type LockAttempt = { ok: true; release(): void; update(info: Partial<LockInfo>): void } | { ok: false; holder: LockInfo };

export const lockPath = (dataDir: string) => join(dataDir, 'anju.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(dataDir: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

export function tryLock(dataDir: string, command: string): LockAttempt {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = lockPath(dataDir);
  for (let attempt = 0; attempt < 20; attempt++) {
    let info: LockInfo = { pid: process.pid, command, since: new Date().toISOString() };
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeFileSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      return {
        ok: true,
        release() {
          if (released) return;
          released = true;
          if (readLock(dataDir)?.pid === process.pid) rmSync(path, { force: true });
        },
        update(more) {
          info = { ...info, ...more };
          writeFileSync(path, JSON.stringify(info), { mode: 0o600 });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readLock(dataDir);
    if (holder && alive(holder.pid) && holder.pid !== process.pid) return { ok: false, holder };
    if (!holder) {
      // Being written this instant, or unreadable: wait a moment; after a second treat it as stale.
      if (attempt < 10) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
        continue;
      }
    }
    rmSync(path, { force: true }); // stale: its process is gone
  }
  throw new Error(`could not take the lock ${path}`);
}
