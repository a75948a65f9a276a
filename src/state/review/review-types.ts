/**
 * Review on the team server, as the HTTP API sends it and the app reads it: per-project roles
 * and what each may do, comment threads, sign-offs, meeting links, the access history and the
 * audit log. The server enforces the permissions; the app uses the same table to offer only
 * what the user may do.
 */
import type { CommentAnchor } from './anchor.ts';

/** A member's role in one project. Admins act as owners of every project. */
export const PROJECT_ROLES = ['owner', 'planner', 'reviewer', 'viewer'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

export function isProjectRole(v: unknown): v is ProjectRole {
  return typeof v === 'string' && (PROJECT_ROLES as readonly string[]).includes(v);
}

/**
 * What a request needs: `view` (read the project, its history, comments, sign-offs), `comment`
 * (write comments and replies, resolve and reopen), `edit` (save, restore), `signoff` (mark a
 * scenario reviewed or changes requested), `manage` (members, meeting links, the project's
 * audit log, deletion).
 */
export type Permission = 'view' | 'comment' | 'edit' | 'signoff' | 'manage';

export const ROLE_PERMISSIONS: Readonly<Record<ProjectRole, readonly Permission[]>> = {
  owner: ['view', 'comment', 'edit', 'manage'],
  planner: ['view', 'comment', 'edit'],
  reviewer: ['view', 'comment', 'signoff'],
  viewer: ['view'],
};

export function may(role: ProjectRole | null | undefined, permission: Permission): boolean {
  return !!role && ROLE_PERMISSIONS[role].includes(permission);
}

export interface Member {
  name: string;
  role: ProjectRole;
  /** When the member got their current role. */
  since: string;
}

/** One change of a project's access: a member added (before null), changed, or removed (after null). */
export interface AccessRevision {
  revision: number;
  at: string;
  /** Who made the change; null for the command line (`anju members`). */
  by: string | null;
  user: string;
  before: ProjectRole | null;
  after: ProjectRole | null;
}

export type CommentState = 'open' | 'resolved';

export interface CommentReply {
  id: string;
  author: string;
  at: string;
  /** Plain text; shown as text, never as HTML. */
  body: string;
  /** Member names the text mentions with `@name`. */
  mentions: string[];
  /** The project revision the writer was looking at. */
  revision: number;
  /** Not written by the requesting user and not yet marked read by them. */
  unread: boolean;
}

export interface CommentThread extends CommentReply {
  anchor: CommentAnchor;
  /** The scenario the comment is about (always set for cells, sites, targets and rules). */
  scenarioId: string | null;
  state: CommentState;
  /** Who resolved or reopened it last, and when (null while never changed). */
  stateBy: string | null;
  stateAt: string | null;
  replies: CommentReply[];
}

export type Verdict = 'reviewed' | 'changes-requested';
export const VERDICTS = ['reviewed', 'changes-requested'] as const satisfies readonly Verdict[];

export interface SignOff {
  id: string;
  scenarioId: string;
  reviewer: string;
  verdict: Verdict;
  /** The revision the reviewer signed off. */
  revision: number;
  at: string;
  note: string;
  /** The reviewer's latest sign-off of this scenario (older ones are history). */
  latest: boolean;
  /** The scenario's content differs between `revision` and the project's head: the sign-off is for an older state. */
  changedSince: boolean;
}

export type LinkMode = 'present' | 'view';
export const LINK_MODES = ['present', 'view'] as const satisfies readonly LinkMode[];

export interface ShareLinkInfo {
  id: string;
  scenarioId: string;
  mode: LinkMode;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  state: 'active' | 'expired' | 'revoked';
}

/** What a meeting link opens: one scenario of the project's head, read-only. */
export interface SharedScenario {
  projectName: string;
  scenarioId: string;
  scenarioName: string;
  mode: LinkMode;
  revision: number;
  expiresAt: string;
  /** The project file with that one scenario. */
  project: unknown;
}

export interface AuditRecord {
  id: number;
  at: string;
  /** The user's name; null for the command line or an unknown name. */
  actor: string | null;
  action: string;
  projectId: string | null;
  projectName: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}
