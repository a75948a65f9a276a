/**
 * A reusable convex polygon (flat counter-clockwise x, y pairs) for building thousands of
 * Voronoi cells per recompute without allocating: clipping writes into a spare buffer and swaps.
 * Same arithmetic as convex-cell.ts (clipHalfPlane / clipBisector), so both give the same cells.
 */
export class CellBuffer {
  /** Vertices: x of vertex k at xy[2k], y at xy[2k + 1]; only the first `n` are valid. */
  xy = new Float64Array(64);
  n = 0;
  private spare = new Float64Array(64);

  /** Reset to the axis-aligned square of half-side r around (cx, cy), counter-clockwise. */
  square(cx: number, cy: number, r: number): void {
    const p = this.xy;
    p[0] = cx - r;
    p[1] = cy - r;
    p[2] = cx + r;
    p[3] = cy - r;
    p[4] = cx + r;
    p[5] = cy + r;
    p[6] = cx - r;
    p[7] = cy + r;
    this.n = 4;
  }

  /** Keep the part where nx·x + ny·y ≤ c (Sutherland–Hodgman, one plane); empty below 3 vertices. */
  clipHalfPlane(nx: number, ny: number, c: number): void {
    const n = this.n;
    // A convex polygon gains at most one vertex per clip.
    if (this.spare.length < 2 * (n + 1)) this.spare = new Float64Array(4 * (n + 1));
    const p = this.xy;
    const out = this.spare;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const j = i + 1 === n ? 0 : i + 1;
      const ax = p[2 * i];
      const ay = p[2 * i + 1];
      const bx = p[2 * j];
      const by = p[2 * j + 1];
      const da = nx * ax + ny * ay - c;
      const db = nx * bx + ny * by - c;
      if (da <= 0) {
        out[m++] = ax;
        out[m++] = ay;
      }
      if ((da < 0 && db > 0) || (da > 0 && db < 0)) {
        const t = da / (da - db);
        out[m++] = ax + t * (bx - ax);
        out[m++] = ay + t * (by - ay);
      }
    }
    this.spare = p;
    this.xy = out;
    this.n = m >= 6 ? m / 2 : 0;
  }

  /** Clip to the half-plane of points at least as close to p as to q (p ≠ q). */
  clipBisector(px: number, py: number, qx: number, qy: number): void {
    const nx = qx - px;
    const ny = qy - py;
    this.clipHalfPlane(nx, ny, (nx * (px + qx) + ny * (py + qy)) / 2);
  }

  /** Largest distance (m) from (cx, cy) to a vertex; 0 when empty. */
  maxDistance(cx: number, cy: number): number {
    let m2 = 0;
    const p = this.xy;
    for (let i = 0; i < 2 * this.n; i += 2) m2 = Math.max(m2, (p[i] - cx) ** 2 + (p[i + 1] - cy) ** 2);
    return Math.sqrt(m2);
  }
}
