/**
 * What the store commands (`anju users …`, `backup`, `restore`) do, behind one interface
 * with two implementations: directly on an open store (PostgreSQL, or PGlite no server holds)
 * and through a running server's admin socket (PGlite held by `anju serve`; admin-client.ts).
 */
import type { Readable } from 'node:stream';
import type { Db } from '../store/db.ts';
import type { Role } from '../store/roles.ts';
import { addUser, disableUser, issueToken, listUsers, type User } from '../store/users.ts';
import { restoreBackup, writeBackup, type BackupCounts } from '../store/backup.ts';
import { accessHistory, listMembers, removeMember, setMember } from '../store/members.ts';
import { listThreads } from '../store/comments.ts';
import { findProject, type ProjectRef } from '../store/find-project.ts';
import type { AccessRevision, CommentThread, Member, ProjectRole } from '../../state/review/review-types.ts';

export interface ProjectMembers {
  project: ProjectRef;
  members: Member[];
  history: AccessRevision[];
}

/** A thread as `anju comments --json` prints it: no per-user unread flags. */
export type CommentRecord = Omit<CommentThread, 'unread' | 'replies'> & { replies: Omit<CommentThread['replies'][number], 'unread'>[] };

export type UserInfo = Pick<User, 'name' | 'role' | 'createdAt' | 'disabledAt'>;

export interface StoreAdmin {
  /** How the command reached the store, for messages: "PGlite in …", "the server (pid 123) …". */
  readonly via: string;
  addUser(name: string, role: Role, password: string): Promise<UserInfo>;
  issueToken(name: string): Promise<string>;
  listUsers(): Promise<UserInfo[]>;
  disableUser(name: string): Promise<UserInfo>;
  backup(write: (line: string) => Promise<void> | void): Promise<BackupCounts>;
  restore(input: Readable, replace: boolean): Promise<BackupCounts>;
  /** A project (id or exact name) with its members and access history. */
  members(project: string): Promise<ProjectMembers>;
  /** Give NAME a role in the project (from the command line: the change's author is recorded as none). */
  setMember(project: string, name: string, role: ProjectRole): Promise<AccessRevision | null>;
  removeMember(project: string, name: string): Promise<AccessRevision>;
  /** Every comment thread of the project with its anchor, state, revision and replies. */
  comments(project: string): Promise<{ project: ProjectRef; threads: CommentRecord[] }>;
  close(): Promise<void>;
}

const info = (u: User): UserInfo => ({ name: u.name, role: u.role, createdAt: u.createdAt, disabledAt: u.disabledAt });

/** The admin operations on an open store; `onClose` releases what opening it took. */
export function localAdmin(db: Db, via: string, onClose: () => Promise<void> = () => db.close()): StoreAdmin {
  return {
    via,
    addUser: async (name, role, password) => info(await addUser(db, name, role, password)),
    issueToken: (name) => issueToken(db, name),
    listUsers: async () => (await listUsers(db)).map(info),
    disableUser: async (name) => info(await disableUser(db, name)),
    backup: (write) => writeBackup(db, write),
    restore: (input, replace) => restoreBackup(db, input, replace),
    async members(ref) {
      const project = await findProject(db, ref);
      return { project, members: await listMembers(db, project.id), history: await accessHistory(db, project.id) };
    },
    setMember: async (ref, name, role) => setMember(db, (await findProject(db, ref)).id, { user: null }, name, role),
    removeMember: async (ref, name) => removeMember(db, (await findProject(db, ref)).id, { user: null }, name),
    async comments(ref) {
      const project = await findProject(db, ref);
      const threads = (await listThreads(db, project.id, '')).map(({ unread: _u, replies, ...t }) => ({ ...t, replies: replies.map(({ unread: _r, ...r }) => r) }));
      return { project, threads };
    },
    close: onClose,
  };
}
