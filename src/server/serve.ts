/**
 * `anju serve`: open the store (taking the embedded store's lock), serve the API and the
 * built app, offer the admin socket to the other commands, and stop cleanly.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { createAppServer, type AppServer } from './http/app-server.ts';
import { describeLocation, openStore, type StoreLocation } from './store/open-store.ts';
import { tryLock } from './store/store-lock.ts';
import { adminSocketPath, startAdminSocket } from './admin/admin-socket.ts';
import { localAdmin } from './admin/store-admin.ts';
import { deleteExpiredSessions } from './store/sessions.ts';
import { openTeamBasemap } from './basemap/team-basemap-file.ts';

export interface ServeOptions {
  location: StoreLocation;
  host: string;
  port: number;
  /** The built app; default: this checkout's dist/ (built on first start if missing). */
  distDir?: string | null;
  trustProxy?: boolean;
  maxBodyBytes?: number;
  /** A PMTiles or MBTiles file served to every signed-in user as the team basemap. */
  basemapPath?: string | null;
  log(line: string): void;
}

export interface RunningServer {
  url: string;
  app: AppServer;
  /** Finish requests in progress, end live streams, close the admin socket and the store, release the lock. */
  stop(): Promise<void>;
}

export const REPO_DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The app's build, building it once with Vite when this checkout has none yet. */
export function ensureDist(log: (line: string) => void): string | null {
  if (existsSync(`${REPO_DIST}index.html`)) return REPO_DIST;
  const root = fileURLToPath(new URL('../../', import.meta.url));
  log('anju serve: dist/ has no build yet: building the app once (vite build) …');
  try {
    execFileSync(process.execPath, [`${root}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'error'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    return REPO_DIST;
  } catch (e) {
    const detail = String((e as { stderr?: Buffer }).stderr ?? '').trim().split('\n').slice(-5).join('\n');
    log(`anju serve: could not build the app (run \`npm ci\`, then \`npm run build\`); serving the API only${detail ? `\n${detail}` : ''}`);
    return null;
  }
}

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  // A basemap file that cannot be served stops the start, before the store is locked.
  const basemap = o.basemapPath ? await openTeamBasemap(o.basemapPath) : null;
  const lock = o.location.databaseUrl ? null : tryLock(o.location.dataDir, 'serve');
  if (lock && !lock.ok) {
    basemap?.close();
    throw new Error(`${describeLocation(o.location)} is in use by process ${lock.holder.pid} (anju ${lock.holder.command}); is a server already running?`);
  }
  let db;
  try {
    db = await openStore(o.location);
  } catch (e) {
    if (lock?.ok) lock.release();
    basemap?.close();
    throw e;
  }
  await deleteExpiredSessions(db);
  const app = createAppServer({ db, distDir: o.distDir === undefined ? ensureDist(o.log) : o.distDir, trustProxy: o.trustProxy, limits: o.maxBodyBytes ? { projectBytes: o.maxBodyBytes } : {}, log: o.log, basemap });
  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(o.port, o.host, () => resolve());
  });
  let admin: Server | null = null;
  if (lock?.ok) {
    const socket = adminSocketPath(o.location.dataDir);
    const writes = new Set<Promise<unknown>>();
    const track = <T>(fn: () => Promise<T>) => {
      const p = fn();
      writes.add(p);
      void p.finally(() => writes.delete(p)).catch(() => {});
      return p;
    };
    admin = await startAdminSocket(localAdmin(db, describeLocation(o.location), async () => {}), socket, track);
    lock.update({ socket });
  }
  const address = app.server.address() as { port: number };
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  let stopping: Promise<void> | null = null;
  return {
    url: `http://${host}:${address.port}`,
    app,
    stop() {
      stopping ??= (async () => {
        if (admin) {
          const closed = new Promise<void>((r) => admin!.close(() => r()));
          admin.closeIdleConnections();
          await closed;
        }
        await app.shutdown();
        await db.close();
        basemap?.close();
        if (lock?.ok) lock.release();
      })();
      return stopping;
    },
  };
}
