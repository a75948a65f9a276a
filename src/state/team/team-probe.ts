/**
 * Is this page served by a team server (`anju serve`)? Asked before anything of the team client
 * loads (team-session.svelte.ts, the login page, sync, merge), so the single-user app — the dev
 * server, a static host, dist/index.html from disk — never downloads it.
 */
import { ApiClient, type TeamUser } from './api-client.ts';

/** Remembered in localStorage: this origin is a team server, and who last signed in (to work offline). */
export const REMEMBER_KEY = 'anju.team';
const HEALTH_TIMEOUT_MS = 2500;

export interface TeamProbe {
  /** The server's answer to /api/health, or null: away (or not a team server). */
  health: { store: string } | null;
  /** Who last signed in on this origin, when it was a team server before. */
  remembered: TeamUser | null;
}

/**
 * Asks /api/health (a static host or the dev server answers with the page or 404). A server
 * that is away but was one before still counts: the team app works from this browser's copy.
 * Null: the single-user app.
 */
export async function probeTeamServer(): Promise<TeamProbe | null> {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return null;
  // A GET sends no client id; the team session makes its own client with the tab's.
  const api = new ApiClient({ baseUrl: new URL('./api/', location.href), clientId: '', timeoutMs: HEALTH_TIMEOUT_MS });
  const health = await api.health();
  const remembered = readRemembered();
  return health || remembered ? { health, remembered } : null;
}

export function readRemembered(): TeamUser | null {
  try {
    const v = JSON.parse(localStorage.getItem(REMEMBER_KEY) ?? 'null') as { user?: TeamUser } | null;
    return v?.user ?? null;
  } catch {
    return null;
  }
}
