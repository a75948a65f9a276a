/**
 * Each facility's cell contributions at one radius — (board, area m²) pairs — in a flat,
 * append-only arena of typed arrays: a full recompute writes ~15,000 of them, and as small
 * arrays they were garbage the collector had to trace and promote on every recompute.
 * A changed cell appends its new pairs; the arena is compacted when mostly stale.
 */
export class Contributions {
  private start = new Int32Array(0);
  private count = new Int32Array(0);
  private boards = new Int32Array(1024);
  private areas = new Float64Array(1024);
  private used = 0;
  private live = 0;

  /** Forget every facility's pairs. */
  clear(): void {
    this.count.fill(0);
    this.used = 0;
    this.live = 0;
  }

  /** Subtract facility i's pairs from `covered` (per board, m²) and forget them. */
  remove(i: number, covered: Float64Array): void {
    if (i >= this.count.length) return;
    const s = this.start[i];
    for (let k = s; k < s + this.count[i]; k++) covered[this.boards[k]] -= this.areas[k];
    this.live -= this.count[i];
    this.count[i] = 0;
  }

  /** Start facility i's pairs (after remove): the following add(i, …) calls append them. */
  begin(i: number): void {
    if (i >= this.count.length) {
      const size = Math.max(2 * this.count.length, i + 1, 64);
      const start = new Int32Array(size);
      const count = new Int32Array(size);
      start.set(this.start);
      count.set(this.count);
      this.start = start;
      this.count = count;
    }
    if (this.used > 4 * this.live + 4096) this.compact();
    this.start[i] = this.used;
  }

  add(i: number, board: number, areaM2: number): void {
    if (this.used === this.boards.length) this.grow(2 * this.boards.length);
    this.boards[this.used] = board;
    this.areas[this.used++] = areaM2;
    this.count[i]++;
    this.live++;
  }

  private grow(size: number): void {
    const boards = new Int32Array(size);
    const areas = new Float64Array(size);
    boards.set(this.boards.subarray(0, this.used));
    areas.set(this.areas.subarray(0, this.used));
    this.boards = boards;
    this.areas = areas;
  }

  /** Move every facility's live pairs to the front, in facility order. */
  private compact(): void {
    const boards = new Int32Array(Math.max(1024, 2 * this.live));
    const areas = new Float64Array(boards.length);
    let used = 0;
    for (let i = 0; i < this.count.length; i++) {
      const s = this.start[i];
      this.start[i] = used;
      for (let k = s; k < s + this.count[i]; k++) {
        boards[used] = this.boards[k];
        areas[used++] = this.areas[k];
      }
    }
    this.boards = boards;
    this.areas = areas;
    this.used = used;
  }
}
