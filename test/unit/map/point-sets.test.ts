/**
 * Which point sets the tile worker keeps (src/map/point-sets.ts, over the real worker API on a
 * MessageChannel): a set stays while an overlay draws it, a shared set until the last overlay that
 * draws it is gone, and is then freed by the worker; a set used again within the wait is not sent
 * again; a new version replaces the old one; a restarted worker gets only what is held; a tile of a
 * dropped set is empty, not an error, also when the set is dropped while the tile is asked; a holder
 * other than the overlay (a map export) keeps the set after the live map let it go, without sending it again.
 */
import { describe, expect, it } from 'vitest';
import { pointTilesApi } from '../../../src/workers/point-tiles-api.ts';
import { pointTilesClient } from '../../../src/workers/point-tiles-client.ts';
import { PointSets } from '../../../src/map/point-sets.ts';
import type { TiledPoints } from '../../../src/map/overlay.ts';
import { packFacilityPoints } from '../../../src/ui/coverage/facility-points.ts';
import type { Facility } from '../../../src/domain/facility.ts';
import { channelWorker } from '../../support/channel-worker.ts';

const WAIT_MS = 30;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const signal = () => new AbortController().signal;

const facilities = (n: number, from = 0): Facility[] =>
  Array.from({ length: n }, (_, i) => ({ id: `f${from + i}`, category: 'kindergarten', lonLat: [120.6 + (i % 100) * 1e-3, 28 + Math.floor(i / 100) * 1e-3] as [number, number] }));

/** A worker (restartable, as in the app) and the point sets talking to it; `apis` are every worker's API, newest last. */
function setup() {
  const apis: ReturnType<typeof pointTilesApi>[] = [];
  const client = pointTilesClient(() => {
    apis.push(pointTilesApi());
    return channelWorker(apis[apis.length - 1]);
  });
  const sets = new PointSets(WAIT_MS);
  const packs: string[] = [];
  /** Tiled facilities as facility-tiles.ts makes them (held under `shared` when given); `packs` records each full send. */
  const tiled = (fs: Facility[], shared?: string): TiledPoints => ({
    type: 'TiledPoints',
    count: fs.length,
    ...(shared ? { shared } : {}),
    pack: async () => {
      packs.push(shared ?? `${fs.length}`);
      return packFacilityPoints(fs);
    },
    changeFrom: async () => null,
    backend: async () => client,
  });
  /** What the newest worker holds, once every send and drop so far has reached it. */
  const workerHolds = async () => {
    await sets.settled();
    await client.tile('__sync__', 0, 0, 0, signal()).catch(() => null); // a round trip: the sends before it have been handled
    return apis[apis.length - 1].held();
  };
  return { apis, client, sets, tiled, packs, workerHolds };
}

describe('point sets the tile worker keeps', () => {
  it('keeps a shared set while any overlay draws it and frees it after the last one is gone', async () => {
    const { sets, tiled, workerHolds } = setup();
    const data = tiled(facilities(500), 'facilities');
    expect(sets.use('imported-facilities', data)).toEqual({ set: 'facilities', version: 1 });
    expect(sets.use('coverage-facilities', data)).toEqual({ set: 'facilities', version: 1 });
    const rings = tiled(facilities(3, 9_000));
    expect(sets.use('rings', rings).set).toBe('rings');
    expect(await workerHolds()).toEqual({ facilities: 500, rings: 3 });

    sets.release('imported-facilities');
    await sleep(WAIT_MS * 3);
    expect(await workerHolds(), 'the coverage tab still draws the facilities').toEqual({ facilities: 500, rings: 3 });
    sets.release('coverage-facilities');
    expect(sets.holds('facilities'), 'kept for a moment (a tab switch adds the other layer next)').toBe(true);
    await sleep(WAIT_MS * 3);
    expect(sets.holds('facilities')).toBe(false);
    expect(await workerHolds()).toEqual({ rings: 3 });
    expect(sets.held().map(([name]) => name)).toEqual(['rings']);
    sets.release('rings');
    sets.release('rings'); // twice, or an overlay never drawn: nothing happens
    sets.release('never-drawn');
    await sleep(WAIT_MS * 3);
    expect(await workerHolds()).toEqual({});
  });

  it('a set drawn again within the wait (a tab switch) is neither dropped nor sent again; after a drop it is sent again under a new version', async () => {
    const { sets, tiled, packs, workerHolds } = setup();
    const data = tiled(facilities(400), 'facilities');
    sets.use('imported-facilities', data);
    sets.release('imported-facilities');
    expect(sets.use('coverage-facilities', data)).toEqual({ set: 'facilities', version: 1 });
    await sleep(WAIT_MS * 3);
    expect(await workerHolds()).toEqual({ facilities: 400 });
    expect(packs).toEqual(['facilities']);

    sets.release('coverage-facilities');
    await sleep(WAIT_MS * 3);
    expect(await workerHolds()).toEqual({});
    // Redo: the same data is packed and sent again, and its tile URLs are new (a removed source's requests are not mixed up with it).
    expect(sets.use('imported-facilities', data)).toEqual({ set: 'facilities', version: 2 });
    expect(await workerHolds()).toEqual({ facilities: 400 });
    expect(packs).toEqual(['facilities', 'facilities']);
  });

  it('a new version replaces the old one in the worker, and an overlay that draws another set lets the old one go', async () => {
    const { sets, tiled, workerHolds } = setup();
    sets.use('imported-facilities', tiled(facilities(300), 'facilities'));
    expect(sets.use('imported-facilities', tiled(facilities(200), 'facilities')).version).toBe(2);
    expect(await workerHolds()).toEqual({ facilities: 200 });
    // The same overlay now draws a set of its own (not shared): the shared one is no longer drawn.
    expect(sets.use('imported-facilities', tiled(facilities(100))).set).toBe('imported-facilities');
    await sleep(WAIT_MS * 3);
    expect(await workerHolds()).toEqual({ 'imported-facilities': 100 });
  });

  it('a restarted worker gets only the sets still held', async () => {
    const { apis, client, sets, tiled, workerHolds } = setup();
    sets.use('imported-facilities', tiled(facilities(500), 'facilities'));
    sets.use('rings', tiled(facilities(3, 9_000)));
    expect(await workerHolds()).toEqual({ facilities: 500, rings: 3 });
    sets.release('imported-facilities');
    await sleep(WAIT_MS * 3);
    expect(await workerHolds()).toEqual({ rings: 3 });
    client.terminate();
    expect(await sets.answer('rings', (c) => c.tile('rings', 0, 0, 0, signal()))).toBeInstanceOf(ArrayBuffer);
    expect(apis).toHaveLength(2);
    expect(apis[1].held()).toEqual({ rings: 3 });
  });

  it('a tile of a dropped set is empty, also when the set is dropped while the tile is asked', async () => {
    const { sets, tiled, workerHolds } = setup();
    sets.use('imported-facilities', tiled(facilities(500), 'facilities'));
    const tile = (c: Parameters<Parameters<typeof sets.answer>[1]>[0]) => c.tile('facilities', 12, 3418, 1724, signal());
    expect(await sets.answer('facilities', tile)).toBeInstanceOf(ArrayBuffer);
    // Dropped between the check and the worker's answer: the worker no longer has it, the page says empty.
    const asked = sets.answer('facilities', async (c) => {
      sets.release('imported-facilities');
      await sleep(WAIT_MS * 3);
      expect(await workerHolds()).toEqual({});
      return tile(c);
    });
    await expect(asked).resolves.toBeNull();
    // Asked after the drop: not asked of the worker at all.
    let askedWorker = false;
    expect(await sets.answer('facilities', (c) => ((askedWorker = true), tile(c)))).toBeNull();
    expect(askedWorker).toBe(false);
    // A failure of a held set is still a failure.
    sets.use('rings', tiled(facilities(3, 9_000)));
    await expect(sets.answer('rings', () => Promise.reject(new Error('broken tile')))).rejects.toThrow('broken tile');
  });

  it('a holder other than the overlay (a map export) keeps the set the live map lets go, sent once, and sees a new version', async () => {
    const { sets, tiled, packs, workerHolds } = setup();
    const data = tiled(facilities(500), 'facilities');
    sets.use('coverage-facilities', data);
    // The export draws the same overlay under a key of its own: the same set and version, nothing sent.
    expect(sets.use('coverage-facilities', data, 'export-1/coverage-facilities')).toEqual({ set: 'facilities', version: 1 });
    sets.release('coverage-facilities'); // the live map lets it go (a tab switch) while the export runs
    await sleep(WAIT_MS * 3);
    expect(sets.holds('facilities'), 'still drawn by the export').toBe(true);
    expect(await workerHolds()).toEqual({ facilities: 500 });
    await expect(sets.answer('facilities', (c) => c.tile('facilities', 12, 3418, 1724, signal()))).resolves.toBeInstanceOf(ArrayBuffer);
    expect(packs).toEqual(['facilities']);
    expect(sets.version('facilities')).toBe(1);
    // A new version (a drag, an undo) replaces it: the export can tell its tiles may be from other data.
    sets.use('coverage-facilities', tiled(facilities(300), 'facilities'));
    expect(sets.version('facilities')).toBe(2);
    sets.release('coverage-facilities');
    sets.release('export-1/coverage-facilities'); // the export is over
    await sleep(WAIT_MS * 3);
    expect(await workerHolds()).toEqual({});
    expect(sets.version('facilities')).toBeUndefined();
  });
});
