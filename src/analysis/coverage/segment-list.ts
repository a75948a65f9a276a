/**
 * A growable list of directed segments (flat ax, ay, bx, by) relative to a disk centre: the
 * boundary of board ∩ cell, found once per cell and then measured against every radius.
 */
import { diskSegmentArea } from './disk-segment.ts';

export class SegmentList {
  seg = new Float64Array(256);
  /** Number of segments. */
  n = 0;

  push(ax: number, ay: number, bx: number, by: number): void {
    if (this.seg.length < 4 * (this.n + 1)) {
      const grown = new Float64Array(this.seg.length * 2);
      grown.set(this.seg);
      this.seg = grown;
    }
    const s = this.seg;
    const k = 4 * this.n++;
    s[k] = ax;
    s[k + 1] = ay;
    s[k + 2] = bx;
    s[k + 3] = by;
  }

  /** Area (m²) of the region bounded by segments from … to − 1 ∩ disk of radius r at the origin. */
  diskArea(from: number, to: number, r: number): number {
    const s = this.seg;
    let sum = 0;
    for (let k = 4 * from; k < 4 * to; k += 4) sum += diskSegmentArea(s[k], s[k + 1], s[k + 2], s[k + 3], r);
    return sum;
  }

  /**
   * Planar area (m²) bounded by segments from … to − 1: what diskArea gives, term for term, once
   * the disk holds every endpoint (diskSegmentArea's all-inside case), so it can be reused for
   * every radius r with r² ≥ the cell's largest squared vertex distance.
   */
  planarArea(from: number, to: number): number {
    const s = this.seg;
    let sum = 0;
    for (let k = 4 * from; k < 4 * to; k += 4) sum += (s[k] * s[k + 3] - s[k + 1] * s[k + 2]) / 2;
    return sum;
  }
}
