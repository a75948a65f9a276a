/** Running ./bin/anju as a user does: a real process, its stdout, stderr and exit code. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface AnjuRun {
  code: number | null;
  out: string;
  err: string;
}

export function anju(args: string[], opts: SpawnSyncOptions & { nodeArgs?: string[] } = {}): AnjuRun {
  const { nodeArgs = [], ...rest } = opts;
  const r = spawnSync(process.execPath, [...nodeArgs, join(ROOT, 'bin/anju'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, ...rest });
  return { code: r.status, out: String(r.stdout), err: String(r.stderr) };
}

/** A temporary directory for files a test writes. */
export function tempDir(prefix = 'anju-'): { dir: string; file(name: string, data: unknown): string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file(name, data) {
      const p = join(dir, name);
      writeFileSync(p, typeof data === 'string' || data instanceof Uint8Array ? data : JSON.stringify(data));
      return p;
    },
  };
}
