/**
 * A mutable uniform-grid hash of facility positions (local metres) for radius queries while
 * facilities are added, moved and removed.
 */
export class FacilityGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly keyOf = new Map<number, number>();

  constructor(
    readonly cellSizeM: number,
    private readonly xs: Float64Array | number[],
    private readonly ys: Float64Array | number[],
  ) {}

  private key(x: number, y: number): number {
    // Cantor-free packing: ±2^20 cells each way is ±10⁶ km at 1 m cells, far beyond any city.
    return (Math.floor(x / this.cellSizeM) + 0x100000) * 0x200000 + (Math.floor(y / this.cellSizeM) + 0x100000);
  }

  insert(i: number): void {
    const k = this.key(this.xs[i], this.ys[i]);
    this.keyOf.set(i, k);
    const list = this.cells.get(k);
    if (list) list.push(i);
    else this.cells.set(k, [i]);
  }

  remove(i: number): void {
    const k = this.keyOf.get(i);
    if (k === undefined) return;
    this.keyOf.delete(i);
    const list = this.cells.get(k)!;
    list.splice(list.indexOf(i), 1);
    if (list.length === 0) this.cells.delete(k);
  }

  /** Facilities within distance d (m) of (x, y), inclusive. */
  within(x: number, y: number, d: number, out: number[] = []): number[] {
    const s = this.cellSizeM;
    const c0 = Math.floor((x - d) / s);
    const c1 = Math.floor((x + d) / s);
    const r0 = Math.floor((y - d) / s);
    const r1 = Math.floor((y + d) / s);
    const d2 = d * d;
    for (let c = c0; c <= c1; c++) {
      for (let r = r0; r <= r1; r++) {
        const list = this.cells.get((c + 0x100000) * 0x200000 + (r + 0x100000));
        if (!list) continue;
        for (const i of list) if ((this.xs[i] - x) ** 2 + (this.ys[i] - y) ** 2 <= d2) out.push(i);
      }
    }
    return out;
  }

  /** Whether any facility lies within d (m) of (x, y). */
  anyWithin(x: number, y: number, d: number): boolean {
    const s = this.cellSizeM;
    const d2 = d * d;
    for (let c = Math.floor((x - d) / s); c <= Math.floor((x + d) / s); c++) {
      for (let r = Math.floor((y - d) / s); r <= Math.floor((y + d) / s); r++) {
        const list = this.cells.get((c + 0x100000) * 0x200000 + (r + 0x100000));
        if (list) for (const i of list) if ((this.xs[i] - x) ** 2 + (this.ys[i] - y) ** 2 <= d2) return true;
      }
    }
    return false;
  }
}
