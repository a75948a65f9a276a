/**
 * Web Worker for importing layer files off the main thread. Thin wrapper: the protocol and the
 * handler live in import-protocol.ts. Use: `new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' })`.
 */
import { createImportHandler, type ImportRequest, type ImportResponse } from './import-protocol.ts';

const scope = self as unknown as { postMessage(m: ImportResponse): void; onmessage: ((e: MessageEvent<ImportRequest>) => void) | null };
const handle = createImportHandler((m) => scope.postMessage(m));
scope.onmessage = (e) => void handle(e.data);
