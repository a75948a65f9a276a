/**
 * Reach the store for a CLI command, whether or not `anju serve` is running:
 * PostgreSQL → directly (it is built for many clients); PGlite → through the server's admin
 * socket when a server holds the store, else open it under the lock; another command holding
 * the lock → a clear message naming it.
 */
import type { StoreAdmin } from './store-admin.ts';
import { localAdmin } from './store-admin.ts';
import { remoteAdmin, socketAnswers } from './admin-client.ts';
import { describeLocation, openStore, type StoreLocation } from '../store/open-store.ts';
import { tryLock } from '../store/store-lock.ts';

export class StoreBusyError extends Error {}

export async function connectAdmin(loc: StoreLocation, command: string): Promise<StoreAdmin> {
  if (loc.databaseUrl) return localAdmin(await openStore(loc), describeLocation(loc));
  let lock = tryLock(loc.dataDir, command);
  // A server still opening the store has the lock but no socket yet: give it a little time.
  for (let i = 0; i < 60 && !lock.ok && lock.holder.command === 'serve' && !lock.holder.socket; i++) {
    await new Promise((r) => setTimeout(r, 500));
    lock = tryLock(loc.dataDir, command);
  }
  if (!lock.ok) {
    const h = lock.holder;
    if (h.socket && (await socketAnswers(h.socket))) return remoteAdmin(h.socket, `the running server (pid ${h.pid}) of ${describeLocation(loc)}`);
    throw new StoreBusyError(`${describeLocation(loc)} is in use by process ${h.pid} (anju ${h.command}, since ${h.since}); try again when it ends`);
  }
  const held = lock;
  try {
    const db = await openStore(loc);
    return localAdmin(db, describeLocation(loc), async () => {
      await db.close();
      held.release();
    });
  } catch (e) {
    held.release();
    throw e;
  }
}
