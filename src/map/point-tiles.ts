/**
 * The page side of TiledPoints overlays (src/map/overlay.ts), loaded with the first one (overlay-source.ts):
 * the `anju-points://<overlay>/<version>/{z}/{x}/{y}` protocol MapLibre requests tiles through,
 * and which data each overlay's tiles show. The worker and the code talking to it
 * (src/workers/point-tiles-client.ts, handed over by the overlay data) load on the first tiled overlay.
 */
import { addProtocol, type VectorSourceSpecification } from 'maplibre-gl';
import type { PointTilesBackend, TiledPoints } from './overlay.ts';

export const POINT_TILES_PROTOCOL = 'anju-points';
/** Deepest zoom with its own tiles (the worker's index cuts to the same); MapLibre overzooms beyond. */
const MAX_ZOOM = 14;

/** The tile worker's client, from the first tiled data sent (the map layer does not import workers itself). */
let backend: Promise<PointTilesBackend> | null = null;
const client = (): Promise<PointTilesBackend> => {
  if (!backend) throw new Error('point tiles asked for before any points were sent');
  return backend;
};
/** What the worker holds per overlay (or shared set), and the version in its tile URLs (a new version reloads every tile). */
const sent = new Map<string, { data: TiledPoints; version: number }>();
/**
 * Sends in order: each waits for the one before (a full set is packed in slices, off the long
 * task), and a tile request waits for the sends made before it, so the worker gets the data first.
 */
let queue: Promise<unknown> = Promise.resolve();
let registered = false;

function register(): void {
  if (registered) return;
  registered = true;
  addProtocol(POINT_TILES_PROTOCOL, async (params, abort) => {
    const m = /^anju-points:\/\/([^/]+)\/\d+\/(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
    if (!m) throw new Error(`not a point tile: ${params.url}`);
    const c = await client();
    await queue;
    return { data: await c.tile(decodeURIComponent(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), abort.signal) };
  });
}

/** Hands `data` to the tile worker if it does not hold it yet (only the change when there is one). */
function send(overlay: string, data: TiledPoints): number {
  register();
  backend ??= data.backend().then((c) => {
    c.connect(heldPoints);
    return c;
  });
  const prev = sent.get(overlay);
  if (prev?.data === data) return prev.version;
  const version = (prev?.version ?? 0) + 1;
  sent.set(overlay, { data, version });
  queue = queue.then(async () => {
    const c = await client();
    const change = prev ? await data.changeFrom(prev.data) : null;
    if (change) c.change(overlay, change);
    else c.set(overlay, await data.pack());
  }).catch((e: unknown) => console.error('point tiles:', e));
  return version;
}

/**
 * The tile URL template showing `data` (sent to the worker first if needed), under the overlay's
 * id or the name of the set it shares with other overlays.
 */
export function pointTilesUrl(overlay: string, data: TiledPoints): string {
  const set = data.shared ?? overlay;
  return `${POINT_TILES_PROTOCOL}://${encodeURIComponent(set)}/${send(set, data)}/{z}/{x}/{y}`;
}

/** A vector source drawing `data`. */
export function pointTilesSource(overlay: string, data: TiledPoints): VectorSourceSpecification {
  return { type: 'vector', tiles: [pointTilesUrl(overlay, data)], maxzoom: MAX_ZOOM };
}

/** Everything the worker should hold, for a restarted worker (src/workers/point-tiles-client.ts). */
function heldPoints(): [string, TiledPoints][] {
  return [...sent].map(([id, s]) => [id, s.data]);
}
