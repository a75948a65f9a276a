/**
 * A column of numbers that grows as rows are read (a typed array doubled when full), so a million
 * points cost 8 bytes each per column instead of an object each. `done()` hands over the filled part.
 */
type Typed = Float64Array | Int32Array;

class Growable<T extends Typed> {
  #data: T;
  #make: (n: number) => T;
  length = 0;
  constructor(make: (n: number) => T, capacity: number) {
    this.#make = make;
    this.#data = make(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.#data.length) this.#grow(this.#data.length * 2);
    this.#data[this.length++] = v;
  }
  /** Make room for `capacity` values at once (a size estimate), so no doubling is needed. */
  reserve(capacity: number): void {
    if (capacity > this.#data.length) this.#grow(capacity);
  }
  /** How many values fit before it grows. */
  get capacity(): number {
    return this.#data.length;
  }
  get(i: number): number {
    return this.#data[i];
  }
  set(i: number, v: number): void {
    this.#data[i] = v;
  }
  #grow(capacity: number): void {
    const next = this.#make(capacity);
    next.set(this.#data.subarray(0, this.length));
    this.#data = next;
  }
  /**
   * The values read, as a view of the filled part (no copy: a reserve() estimate may leave a few
   * per cent of slack in the buffer, which a transfer to another thread carries along).
   */
  done(): T {
    return this.#data.subarray(0, this.length) as T;
  }
}

export const growableF64 = (capacity = 1024) => new Growable((n) => new Float64Array(n), capacity);
export const growableI32 = (capacity = 1024) => new Growable((n) => new Int32Array(n), capacity);
