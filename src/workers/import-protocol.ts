/**
 * Messages between the app and src/workers/import.worker.ts, and the handler the worker runs
 * (kept here, free of worker globals, so it is tested in Node).
 *
 * app → worker: IMPORT (bytes transferred, options without callbacks), CANCEL.
 * worker → app: PROGRESS (0–1) while working, then RESULT — or nothing at all after CANCEL.
 */
import { importLayer } from '../io/import-layer.ts';
import type { ImportOptions, ImportResult, ImportStage } from '../io/import-result.ts';

export type ImportRequest =
  | { type: 'IMPORT'; id: number; bytes: ArrayBuffer; fileName: string; options: Omit<ImportOptions, 'onProgress' | 'signal'> }
  | { type: 'CANCEL'; id: number };

export type ImportResponse = { type: 'PROGRESS'; id: number; fraction: number; stage: ImportStage } | { type: 'RESULT'; id: number; result: ImportResult };

/** A message handler that runs imports and posts responses through `post`; one AbortController per job. */
export function createImportHandler(post: (m: ImportResponse) => void): (m: ImportRequest) => Promise<void> {
  const jobs = new Map<number, AbortController>();
  return async (m) => {
    if (m.type === 'CANCEL') {
      jobs.get(m.id)?.abort();
      return;
    }
    const controller = new AbortController();
    jobs.set(m.id, controller);
    const result = await importLayer(new Uint8Array(m.bytes), m.fileName, {
      ...m.options,
      signal: controller.signal,
      onProgress: (fraction, stage) => {
        if (!controller.signal.aborted) post({ type: 'PROGRESS', id: m.id, fraction, stage });
      },
    });
    jobs.delete(m.id);
    if (!controller.signal.aborted) post({ type: 'RESULT', id: m.id, result });
  };
}
