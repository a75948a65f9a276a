/**
 * Which tab this is, and whether another tab is still open. The id lives in sessionStorage, so
 * a reload keeps it (and finds its draft); each tab holds a Web Lock named after its id for its
 * whole life, so a draft whose lock nobody holds was left by a closed tab. A duplicated tab
 * (which copies sessionStorage) finds its id's lock taken and takes a new id. Without Web
 * Locks (an http:// address other than localhost is not a secure context), a tab counts as
 * alive while it refreshed its heartbeat in localStorage within the last two minutes.
 */
const KEY = 'anju.tabId';
const HEARTBEAT_PREFIX = 'anju.tab.';
const HEARTBEAT_MS = 20_000;
const DEAD_AFTER_MS = 120_000;

const lockName = (id: string) => `anju-tab-${id}`;

function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Hold the lock named after `id` until the page goes away; false when another tab holds it. */
function holdLock(id: string): Promise<boolean> {
  return new Promise((resolve) => {
    void navigator.locks.request(lockName(id), { ifAvailable: true }, (lock) => {
      resolve(lock !== null);
      return lock ? new Promise<void>(() => {}) : undefined;
    });
  });
}

let current: Promise<string> | null = null;

/** This tab's id (stable across reloads of the tab). */
export function tabId(): Promise<string> {
  current ??= (async () => {
    let id = sessionStorage.getItem(KEY) ?? newId();
    if (navigator.locks) {
      while (!(await holdLock(id))) id = newId();
    } else {
      const beat = () => localStorage.setItem(HEARTBEAT_PREFIX + id, String(Date.now()));
      beat();
      setInterval(beat, HEARTBEAT_MS);
      addEventListener('pagehide', () => localStorage.removeItem(HEARTBEAT_PREFIX + id));
    }
    sessionStorage.setItem(KEY, id);
    return id;
  })();
  return current;
}

/** Is the tab with this id open (in this browser profile)? */
export async function isTabAlive(id: string): Promise<boolean> {
  if (navigator.locks) {
    const { held = [] } = await navigator.locks.query();
    return held.some((l) => l.name === lockName(id));
  }
  const at = Number(localStorage.getItem(HEARTBEAT_PREFIX + id) ?? 0);
  return Date.now() - at < DEAD_AFTER_MS;
}
