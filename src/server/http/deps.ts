/** What the route handlers share: the store, the live-event hub, limits and the login throttle. */
import type { Db } from '../store/db.ts';
import type { EventHub } from './event-hub.ts';
import type { LoginThrottle } from './login-throttle.ts';

export interface Limits {
  /** Largest project body (POST/PUT), bytes. */
  projectBytes: number;
  /** Largest other JSON body (login), bytes. */
  smallBytes: number;
  /** Largest review body (a comment, a sign-off, a member or link change), bytes. */
  reviewBytes: number;
}

export interface Deps {
  db: Db;
  hub: EventHub;
  throttle: LoginThrottle;
  limits: Limits;
  /** Track a write so a shutdown waits for it to finish. */
  write<T>(fn: () => Promise<T>): Promise<T>;
}
