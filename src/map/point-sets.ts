/**
 * Which point sets the tile worker holds, and which overlays draw them (src/map/point-tiles.ts
 * keeps one of these for the page). A set is held under the overlay's id, or under the name it
 * shares with other overlays (`TiledPoints.shared`: the imported facilities and the coverage tab's
 * draw one set). An overlay's sources name the set they draw (`use`); when MapView removes the
 * overlay's sources (`release`), a set no overlay draws any more is dropped by the worker
 * (`drop`) and forgotten here, so a restarted worker is not sent it again (`held`). Without this,
 * an undone import of 1,000,000 facilities stayed in the worker (and the facility list it came from
 * on the page, through the data object) for good.
 *
 * The drop waits DROP_AFTER_MS: switching tabs removes the imported layer and adds the coverage
 * tab's layer of the same set, possibly a moment later (the tab's code loads on first use); within
 * that time the set is used again and not packed and indexed anew. A new version of a set (a drag, a
 * new import) replaces the old one in the worker (one index per name), so versions never pile up.
 */
import type { PointTilesBackend, TiledPoints } from './overlay.ts';

/** How long a set no overlay draws is kept before the worker drops it. */
export const DROP_AFTER_MS = 5_000;

const report = (e: unknown) => console.error('point tiles:', e);

export class PointSets {
  /** The tile worker's client, from the first tiled data sent (the map layer does not import workers itself). */
  #backend: Promise<PointTilesBackend> | null = null;
  /** What the worker holds per set, and the version in its tile URLs (a new version reloads every tile). */
  #sent = new Map<string, { data: TiledPoints; version: number }>();
  /** The last version of each set ever sent: a set sent again after a drop gets a URL never used before. */
  #versions = new Map<string, number>();
  /** The set each holder draws (an overlay's id on the live map, or an export's key for it). */
  #setOf = new Map<string, string>();
  #dropping = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * Sends in order: each waits for the one before (a full set is packed in slices, off the long
   * task), and a tile request waits for the sends made before it, so the worker gets the data first.
   */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dropAfterMs = DROP_AFTER_MS) {}

  /** The worker's client (throws before any points were sent: no tile can be asked then). */
  client(): Promise<PointTilesBackend> {
    if (!this.#backend) throw new Error('point tiles asked for before any points were sent');
    return this.#backend;
  }

  /** Settles once every send and drop asked so far has been handed to the worker's client. */
  settled(): Promise<unknown> {
    return this.#queue;
  }

  /**
   * What the worker answers for a tile of `set` (asked once the sends made before have reached it);
   * null when no overlay draws the set any more, also when it was dropped while asked: MapLibre may
   * still ask for tiles of a removed source, and gets an empty tile, not an error.
   */
  async answer<T>(set: string, ask: (c: PointTilesBackend) => Promise<T>): Promise<T | null> {
    if (!this.holds(set)) return null;
    const c = await this.client();
    await this.#queue;
    try {
      return this.holds(set) ? await ask(c) : null;
    } catch (e) {
      if (!this.holds(set)) return null;
      throw e;
    }
  }

  /**
   * `overlay` draws `data` (held under `data.shared ?? overlay`): sent to the worker if it does not
   * hold it yet (only the change when there is one). Returns the set's name and the version for its tile URLs.
   * `holder` is who draws it (default: the overlay on the live map), released with `release(holder)`.
   */
  use(overlay: string, data: TiledPoints, holder = overlay): { set: string; version: number } {
    const set = data.shared ?? overlay;
    const before = this.#setOf.get(holder);
    this.#setOf.set(holder, set);
    this.#keep(set);
    if (before !== undefined && before !== set) this.#dropLater(before);
    return { set, version: this.#send(set, data) };
  }

  /** `holder` (an overlay's sources, an export) no longer draws its set: dropped unless another holder draws it. */
  release(holder: string): void {
    const set = this.#setOf.get(holder);
    if (set === undefined) return;
    this.#setOf.delete(holder);
    this.#dropLater(set);
  }

  /**
   * The version of `set` the worker holds (or is being sent), undefined once dropped: a holder that
   * noted it can tell whether its tiles were answered from other data meanwhile (a drag, an undo).
   */
  version(set: string): number | undefined {
    return this.#sent.get(set)?.version;
  }

  /** Whether the worker holds (or is being sent) `set`: tiles of a dropped set are empty. */
  holds(set: string): boolean {
    return this.#sent.has(set);
  }

  /** Everything the worker should hold, for a restarted worker (src/workers/point-tiles-client.ts). */
  held(): [string, TiledPoints][] {
    return [...this.#sent].map(([id, s]) => [id, s.data]);
  }

  #used(set: string): boolean {
    for (const s of this.#setOf.values()) if (s === set) return true;
    return false;
  }

  #keep(set: string): void {
    clearTimeout(this.#dropping.get(set));
    this.#dropping.delete(set);
  }

  #dropLater(set: string): void {
    if (this.#used(set) || !this.#sent.has(set) || this.#dropping.has(set)) return;
    this.#dropping.set(set, setTimeout(() => {
      this.#dropping.delete(set);
      if (this.#used(set) || !this.#sent.delete(set)) return;
      this.#queue = this.#queue.then(async () => (await this.client()).drop(set)).catch(report);
    }, this.dropAfterMs));
  }

  #send(set: string, data: TiledPoints): number {
    this.#backend ??= data.backend().then((c) => {
      c.connect(() => this.held());
      return c;
    });
    const prev = this.#sent.get(set);
    if (prev?.data === data) return prev.version;
    const version = (this.#versions.get(set) ?? 0) + 1;
    this.#versions.set(set, version);
    this.#sent.set(set, { data, version });
    this.#queue = this.#queue.then(async () => {
      const c = await this.client();
      const change = prev ? await data.changeFrom(prev.data) : null;
      if (change) c.change(set, change);
      else c.set(set, await data.pack());
    }).catch(report);
    return version;
  }
}
