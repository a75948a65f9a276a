/**
 * The size check made on the File object BEFORE reading it, so a file over the limit is refused
 * at once (its bytes are never read into memory). The same code and message as the core's check.
 */
import { problem, type Problem } from '../../domain/problem.ts';
import { MAX_IMPORT_BYTES } from '../../io/limits.ts';

/** `file-too-large` when `sizeBytes` exceeds `limitBytes` (default MAX_IMPORT_BYTES, 200 MB), else null. */
export function checkFileSize(file: { name: string; size: number }, limitBytes: number = MAX_IMPORT_BYTES): Problem | null {
  if (file.size <= limitBytes) return null;
  const mb = (bytes: number) => bytes / (1024 * 1024);
  return problem('file-too-large', { file: file.name, params: { sizeMB: mb(file.size).toFixed(1), limitMB: Number(mb(limitBytes).toFixed(1)) } });
}
