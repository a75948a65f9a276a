/**
 * Reading a user's file on the command line. Only regular files are read (a FIFO would hang,
 * /dev/zero would never end), and never more than the import limit: anything else exits 2
 * naming why. Layer files go on through src/cli/read-layer.ts: the app's importer, then the
 * reader of their kind.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB } from '../io/limits.ts';
import { CliError } from './cli-error.ts';

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

const tooLarge = (path: string, bytes: number) =>
  new CliError(`${path}: the file is too large (${(bytes / 1048576).toFixed(1)} MB); the limit is ${MAX_IMPORT_MB} MB`, 2);

/**
 * The bytes of a regular file, or exit 2 naming why it cannot be read (missing, a directory, a
 * FIFO or device, over `limitBytes`). Opened without blocking (a FIFO cannot hang the open) and
 * read at most `limitBytes + 1` bytes, so a file that grows while it is read is bounded too.
 */
export function readInputBytes(path: string, limitBytes = MAX_IMPORT_BYTES): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new CliError(`${path}: is a directory`, 2);
    throw new CliError(`${path}: cannot read: ${code === 'ENOENT' ? 'ENOENT (no such file)' : (code ?? (e instanceof Error ? e.message : String(e)))}`, 2);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new CliError(`${path}: is ${kindOf(st)}; give a regular file`, 2);
    if (st.size > limitBytes) throw tooLarge(path, st.size);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buf = new Uint8Array(Math.min(Math.max(st.size - total, 65536), limitBytes + 1 - total));
      if (buf.length === 0) throw tooLarge(path, total);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > limitBytes) throw tooLarge(path, total);
    }
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))}`, 2);
  } finally {
    closeSync(fd);
  }
}

/** A UTF-8 text file (a project file, a dwellings table), or exit 2 naming why it cannot be read. */
export function readInputText(path: string): string {
  return new TextDecoder().decode(readInputBytes(path));
}
