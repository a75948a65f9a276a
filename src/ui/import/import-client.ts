/**
 * Runs imports in src/workers/import.worker.ts: the main thread only reads the file's bytes
 * (File.arrayBuffer, no parsing) and transfers them to the worker. Cancelling terminates the
 * worker at once (a parse in progress cannot be interrupted otherwise); the next import starts
 * a fresh one.
 */
import type { ImportOptions, ImportResult, ImportStage } from '../../io/import-result.ts';
import type { ImportRequest, ImportResponse } from '../../workers/import-protocol.ts';
import { problem } from '../../domain/problem.ts';

/** The result for a file the browser could not read (removed, permissions …). */
function unreadable(fileName: string, detail: string): ImportResult {
  return {
    ok: false,
    problems: [problem('file-unreadable', { file: fileName, params: { detail } })],
    summary: { file: fileName, format: null, encoding: null, details: {}, crs: null, featuresRead: 0, featuresImported: 0, skipped: [], geometryTypes: {}, bboxDeg: null, lenient: false },
  };
}

export type JobOptions = Omit<ImportOptions, 'onProgress' | 'signal'>;

export interface ImportJob {
  /** The result, or null when cancelled. */
  done: Promise<ImportResult | null>;
  cancel(): void;
}

export class ImportClient {
  #worker: Worker | null = null;
  #seq = 0;

  #ensureWorker(): Worker {
    this.#worker ??= new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module' });
    return this.#worker;
  }

  /** Read `file` and import it in the worker, reporting progress (0–1) by stage. */
  run(file: Blob, fileName: string, options: JobOptions, onProgress: (fraction: number, stage: ImportStage) => void): ImportJob {
    const id = ++this.#seq;
    let settle: (r: ImportResult | null) => void = () => {};
    let finished = false;
    const done = new Promise<ImportResult | null>((resolve) => (settle = resolve));
    const finish = (r: ImportResult | null) => {
      if (finished) return;
      finished = true;
      settle(r);
    };
    const onMessage = (e: MessageEvent<ImportResponse>) => {
      if (e.data.id !== id || finished) return;
      if (e.data.type === 'PROGRESS') onProgress(e.data.fraction, e.data.stage);
      else {
        this.#worker?.removeEventListener('message', onMessage);
        finish(e.data.result);
      }
    };
    void file.arrayBuffer().then((bytes) => {
      if (finished) return;
      const worker = this.#ensureWorker();
      worker.addEventListener('message', onMessage);
      const request: ImportRequest = { type: 'IMPORT', id, bytes, fileName, options };
      worker.postMessage(request, [bytes]);
    }, (e: unknown) => finish(unreadable(fileName, e instanceof Error ? e.message : String(e))));
    return {
      done,
      cancel: () => {
        if (finished) return;
        if (this.#worker) {
          this.#worker.postMessage({ type: 'CANCEL', id } satisfies ImportRequest);
          this.#worker.terminate();
          this.#worker = null;
        }
        finish(null);
      },
    };
  }
}
