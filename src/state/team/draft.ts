/**
 * A tab's working copy of a team project, as kept in this browser (IndexedDB, see
 * draft-store.ts): the revision it is based on with that revision's content, and the local
 * state with the edits not yet on the server. Every edit is in a draft before it is sent, so
 * a reload, a closed tab or a stopped server loses nothing; a draft whose tab is gone is
 * adopted by the next tab that opens the project.
 */
import type { ProjectState } from '../project.ts';

export interface Draft {
  /** `${user}/${projectId}/${tabId}`. */
  key: string;
  user: string;
  projectId: string;
  projectName: string;
  /** The tab (X-Anju-Client id) that writes this draft. */
  tabId: string;
  base: { revision: number; state: ProjectState };
  local: ProjectState;
  /** Edits not yet on the server (differences between base and local), when last written. */
  pendingCount: number;
  /** ISO 8601. */
  updatedAt: string;
}

export const draftKey = (user: string, projectId: string, tabId: string): string => `${user}/${projectId}/${tabId}`;

/** Where drafts are kept; the browser's is IndexedDB (draft-store.ts), tests may keep them in memory. */
export interface DraftStore {
  get(key: string): Promise<Draft | null>;
  /** Every draft of one user's project, whichever tab wrote it. */
  list(user: string, projectId: string): Promise<Draft[]>;
  /** Every draft of one user (the projects this browser holds a copy of). */
  listUser(user: string): Promise<Draft[]>;
  put(draft: Draft): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Drafts in memory (Node tests, and a browser whose IndexedDB cannot be opened). */
export function memoryDraftStore(): DraftStore {
  const m = new Map<string, Draft>();
  return {
    get: async (k) => m.get(k) ?? null,
    list: async (user, projectId) => [...m.values()].filter((d) => d.user === user && d.projectId === projectId),
    listUser: async (user) => [...m.values()].filter((d) => d.user === user),
    put: async (d) => void m.set(d.key, d),
    delete: async (k) => void m.delete(k),
  };
}
