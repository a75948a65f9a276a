/**
 * Slows repeated failed logins: after FREE_FAILURES failures for one user name (or
 * IP_FREE_FAILURES from one address) within the window, further attempts are refused (429
 * with Retry-After) for a delay that doubles with each failure, up to MAX_DELAY_S. A success
 * clears the name's count. Kept in memory: a restart forgets it, which costs an attacker
 * nothing they could not get by waiting; scrypt makes each attempt slow anyway.
 */
const FREE_FAILURES = 5;
const IP_FREE_FAILURES = 20;
const WINDOW_MS = 15 * 60_000;
const MAX_DELAY_S = 15 * 60;

interface Entry {
  failures: number;
  lastMs: number;
}

export class LoginThrottle {
  private byName = new Map<string, Entry>();
  private byIp = new Map<string, Entry>();
  constructor(private readonly now: () => number = Date.now) {}

  private wait(map: Map<string, Entry>, key: string, free: number): number {
    const e = map.get(key);
    if (!e || this.now() - e.lastMs > WINDOW_MS) return 0;
    if (e.failures < free) return 0;
    const delayS = Math.min(MAX_DELAY_S, 2 ** (e.failures - free));
    return Math.max(0, Math.ceil((e.lastMs + delayS * 1000 - this.now()) / 1000));
  }

  /** Seconds to wait before this attempt may be tried; 0 = go ahead. */
  retryAfterS(name: string, ip: string): number {
    return Math.max(this.wait(this.byName, name.toLowerCase(), FREE_FAILURES), this.wait(this.byIp, ip, IP_FREE_FAILURES));
  }

  failed(name: string, ip: string): void {
    for (const [map, key] of [[this.byName, name.toLowerCase()], [this.byIp, ip]] as const) {
      const e = map.get(key);
      const fresh = !e || this.now() - e.lastMs > WINDOW_MS;
      map.set(key, { failures: fresh ? 1 : e.failures + 1, lastMs: this.now() });
    }
    if (this.byName.size + this.byIp.size > 100_000) this.prune();
  }

  succeeded(name: string): void {
    this.byName.delete(name.toLowerCase());
  }

  private prune(): void {
    for (const map of [this.byName, this.byIp]) for (const [k, e] of map) if (this.now() - e.lastMs > WINDOW_MS) map.delete(k);
  }
}
