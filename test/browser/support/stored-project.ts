/** What the app's IndexedDB database holds, read in the page as the browser has it (no app code involved). */
import type { Page } from 'playwright-core';

export interface StoredScenario {
  id: string;
  allocations: { boardId: string; year: number; type: string; units: number }[];
}

export interface StoredProject {
  scenarios: StoredScenario[];
  slices: Record<string, unknown>;
  /** The copies set aside in quarantine, oldest first. */
  quarantine: { problems: { code: string }[]; stored: Record<string, unknown> & { scenarios?: StoredScenario[] } }[];
}

/** Read what IndexedDB `anju` holds. */
export function readStored(p: Page): Promise<StoredProject> {
  return p.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('anju');
        req.onsuccess = () => {
          const db = req.result;
          const names = ['scenarios', 'slices', 'quarantine'].filter((n) => db.objectStoreNames.contains(n));
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown> = {};
          const scen = tx.objectStore('scenarios').getAll();
          scen.onsuccess = () => (out.scenarios = scen.result);
          const sl = tx.objectStore('slices');
          const keys = sl.getAllKeys();
          const vals = sl.getAll();
          vals.onsuccess = () => (out.slices = Object.fromEntries((keys.result as string[]).map((k, i) => [k, vals.result[i]])));
          if (names.includes('quarantine')) {
            const q = tx.objectStore('quarantine').getAll();
            q.onsuccess = () => (out.quarantine = q.result);
          } else out.quarantine = [];
          tx.oncomplete = () => (db.close(), resolve(out as never));
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );
}

/** "board year units" of every cell of `scenarios` (e.g. "qidu 2023 77"). */
export const storedCells = (scenarios: readonly StoredScenario[] = []): string[] => scenarios.flatMap((s) => s.allocations.map((c) => `${c.boardId} ${c.year} ${c.units}`));
