/**
 * Fill an origin's storage for real, in the page: random (incompressible) bytes written to a
 * separate IndexedDB database until Chromium refuses even a 1-byte record with
 * QuotaExceededError. Used with a small quota (DevTools `Storage.overrideQuotaForOrigin`) set
 * before the app first opens IndexedDB: Chromium's IndexedDB approves writes from a cached
 * "space remaining" for up to 30 s after it last asked the quota manager
 * (BucketContext::kBucketSpaceCacheTimeLimit), so lowering the quota under an open database
 * does not make the next write fail; filling it does, at once.
 */
import type { Page } from 'playwright-core';

interface FillResult {
  /** Bytes of filler stored. */
  bytes: number;
  /** Writes the browser accepted, and refused with QuotaExceededError. */
  puts: number;
  refused: number;
}

/** Write filler until no byte fits; rejects on any error other than QuotaExceededError. */
export function fillStorage(page: Page, dbName = 'quota-filler'): Promise<FillResult> {
  return page.evaluate(
    (name) =>
      new Promise<FillResult>((resolve, reject) => {
        const req = indexedDB.open(name, 1);
        req.onupgradeneeded = () => req.result.createObjectStore('filler', { autoIncrement: true });
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const out = { bytes: 0, puts: 0, refused: 0 };
          let size = 64 * 1024; // getRandomValues fills at most 64 KiB at a time
          const step = () => {
            if (size < 1) return db.close(), resolve(out);
            const chunk = crypto.getRandomValues(new Uint8Array(size));
            const tx = db.transaction('filler', 'readwrite');
            tx.objectStore('filler').add(chunk);
            tx.oncomplete = () => ((out.bytes += size), out.puts++, step());
            tx.onabort = () => {
              if (tx.error?.name !== 'QuotaExceededError') return db.close(), reject(new Error(`filling storage failed: ${tx.error?.name} ${tx.error?.message}`));
              out.refused++;
              size = Math.floor(size / 2);
              step();
            };
          };
          step();
        };
      }),
    dbName,
  );
}
