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
    close: onClose,
  };
}
