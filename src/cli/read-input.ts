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
  const chunks = [...readChunks(path, limitBytes, 0)];
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * A regular file's size (checked now, as readInputBytes checks it) and its bytes in pieces of
 * `chunkBytes`, read again from the start on each call of `chunks()`, with the same exits. Every
 * piece is read into the same buffer: a piece is only valid until the next is asked for (the
 * streamed readers copy what they keep), so a file is not a trail of 1 MiB buffers for the
 * garbage collector.
 */
export function inputChunks(path: string, chunkBytes = 1 << 18, limitBytes = MAX_IMPORT_BYTES): { sizeBytes: number; chunks: () => Iterable<Uint8Array> } {
  const { fd, size } = openChecked(path, limitBytes);
  closeSync(fd);
  return { sizeBytes: size, chunks: () => readChunks(path, limitBytes, chunkBytes, true) };
}

function cannotRead(path: string, e: unknown): CliError {
  if (e instanceof CliError) return e;
  return new CliError(`${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))}`, 2);
}

/** An open regular file within the limit, or exit 2 naming why not. */
function openChecked(path: string, limitBytes: number): { fd: number; size: number } {
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
    return { fd, size: st.size };
  } catch (e) {
    closeSync(fd);
    throw cannotRead(path, e);
  }
}

/** The file's bytes in pieces of `chunkBytes` (0: as few pieces as its size allows), each in the same buffer when `reuse`. */
function* readChunks(path: string, limitBytes: number, chunkBytes: number, reuse = false): Generator<Uint8Array> {
  const { fd, size } = openChecked(path, limitBytes);
  try {
    let total = 0;
    let shared: Uint8Array | null = null;
    for (;;) {
      const want = Math.min(chunkBytes > 0 ? chunkBytes : Math.max(size - total, 65536), limitBytes + 1 - total);
      if (want <= 0) throw tooLarge(path, total);
      const buf: Uint8Array = reuse ? (shared ??= new Uint8Array(want)).subarray(0, want) : new Uint8Array(want);
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        throw cannotRead(path, e);
      }
      if (n === 0) break;
      total += n;
      if (total > limitBytes) throw tooLarge(path, total);
      yield n === buf.length ? buf : buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** A UTF-8 text file (a project file, a dwellings table), or exit 2 naming why it cannot be read. */
export function readInputText(path: string): string {
  return new TextDecoder().decode(readInputBytes(path));
}
