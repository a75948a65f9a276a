/**
 * Drafts of team projects in this browser's IndexedDB (database `anju-team`, apart from the
 * single-user project in `anju`): one record per user, project and tab, so two tabs never
 * overwrite each other's unsent edits. Every put is one transaction (old or new, never a mix).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Draft, DraftStore } from './draft.ts';

interface TeamDB extends DBSchema {
  drafts: { key: string; value: Draft; indexes: { byProject: [string, string] } };
}

export const TEAM_DB_NAME = 'anju-team';

export async function openDraftStore(dbName = TEAM_DB_NAME): Promise<DraftStore> {
  const db: IDBPDatabase<TeamDB> = await openDB<TeamDB>(dbName, 1, {
    upgrade(d) {
      const s = d.createObjectStore('drafts', { keyPath: 'key' });
      s.createIndex('byProject', ['user', 'projectId']);
    },
  });
  return {
    get: async (key) => (await db.get('drafts', key)) ?? null,
    list: (user, projectId) => db.getAllFromIndex('drafts', 'byProject', [user, projectId]),
    listUser: (user) => db.getAllFromIndex('drafts', 'byProject', IDBKeyRange.bound([user, ''], [user, '\uffff'])),
    async put(draft) {
      const tx = db.transaction('drafts', 'readwrite');
      await Promise.all([tx.store.put(draft), tx.done]);
    },
    delete: (key) => db.delete('drafts', key),
  };
}
