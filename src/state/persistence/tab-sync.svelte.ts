/**
 * Several tabs or windows of this browser may have the project open. Every save is a
 * conditional write on the revision this tab last saw (sync/replica.ts over the IndexedDB
 * store's writeIfAt). When another tab saved first, its edits are merged into this tab's cell by
 * cell, site by site, tick by tick (they rarely touch the same thing) and the merge is saved;
 * tabs announce their saves (tab-channel.ts), so the others merge at once, and a tab merges
 * whenever it becomes visible. What was merged, and every conflict, is in `tabSync.merge` for
 * the UI (ui/sync/SyncReport.svelte); nothing is overwritten unseen. Data another tab saved
 * that this one cannot read stops the replica; project-persistence.svelte.ts quarantines it.
 */
import type { ProjectState } from '../project.ts';
import type { AppStore } from '../app-store.svelte.ts';
import { Replica, type Merge, type PushResult, type StoreSnapshot, type Unreadable } from '../sync/replica.ts';
import { sharedStore, type ScenarioStore } from './scenario-store.ts';
import { openTabChannel } from './tab-channel.ts';

class TabSync {
  /** The last merge of another tab's saved edits (`seq` rises with each). */
  merge = $state.raw<{ seq: number; merge: Merge } | null>(null);
  /** How many other tabs or windows of this browser have the project open. */
  otherTabs = $state(0);
  replica: Replica<number> | null = null;
  #seq = 0;

  /** Show what a merge did (a toast, or the conflict panel). */
  report(merge: Merge): void {
    this.merge = { seq: ++this.#seq, merge };
  }
}

export const tabSync = new TabSync();

export interface TabSyncOptions {
  dbName: string;
  /** What storage held when the app loaded (state null: nothing stored). */
  start: StoreSnapshot<number>;
  /** The initial project, the common ancestor of every tab's first edits when nothing was stored. */
  defaults: ProjectState;
  /** Another tab stored data this one cannot read: nothing is written until the replica resumes. */
  onUnreadable(unreadable: Unreadable<number>): void;
}

export interface TabSyncHandle {
  replica: Replica<number>;
  /** The autosave's write: save the app's current project, merging first whatever another tab saved meanwhile. */
  push(): Promise<PushResult>;
}

/** Keep `store` in step with what other tabs save to `db` (once per page). */
export function startTabSync(db: ScenarioStore, store: AppStore, o: TabSyncOptions): TabSyncHandle {
  const replica = new Replica<number>({
    store: sharedStore(db, o.defaults),
    start: o.start,
    origin: o.start.state ?? o.defaults,
    local: () => store.project,
    adopt: (merge) => {
      store.rebase(merge.state);
      tabSync.report(merge);
    },
    onUnreadable: o.onUnreadable,
  });
  tabSync.replica = replica;
  const pull = () => void replica.pull().catch((e) => console.error('[anju] reading another tab’s save failed', e));
  const channel = openTabChannel(`anju-project:${o.dbName}`, { onOtherSaved: pull, onPeers: (n) => (tabSync.otherTabs = n) });
  // A tab that was hidden may have missed announcements (or the browser has no BroadcastChannel).
  globalThis.document?.addEventListener('visibilitychange', () => {
    if (globalThis.document.visibilityState === 'visible') pull();
  });
  return {
    replica,
    async push() {
      const r = await replica.push();
      if (r === 'saved') channel.announceSaved(replica.revision);
      return r;
    },
  };
}
