/**
 * A column of numbers that grows as rows are read (a typed array doubled when full), so a million
 * points cost 8 bytes each per column instead of an object each. `done()` hands over the filled part.
 */
import type { CountArray } from '../domain/population.ts';

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

/** The narrowest kinds in order, each with the first whole number it cannot hold (the last holds any number). */
const COUNT_KINDS: readonly { make: (n: number) => CountArray; limit: number }[] = [
  { make: (n) => new Uint8Array(n), limit: 2 ** 8 },
  { make: (n) => new Uint16Array(n), limit: 2 ** 16 },
  { make: (n) => new Uint32Array(n), limit: 2 ** 32 },
  { make: (n) => new Float64Array(n), limit: Infinity },
];

/**
 * (Its own class, not a Growable with a widening hook: one `push` storing into six array kinds would be
 * a megamorphic store in the readers' hottest loop; each class's store sees at most four.)
 * A growable column of numbers ≥ 0 kept in a Uint8Array while every value is a whole number below
 * 2^8, widened (copied once) to a Uint16Array, a Uint32Array, then a Float64Array at the first value
 * the array cannot hold (a larger number, a fraction, −0): every value reads back bit for bit as
 * pushed. A million residents of 1–20 take 1 MB instead of 8.
 */
class GrowableCount {
  #data: CountArray;
  #kind = 0;
  #limit = COUNT_KINDS[0].limit;
  length = 0;
  constructor(capacity: number) {
    this.#data = COUNT_KINDS[0].make(Math.max(16, capacity));
  }
  push(v: number): void {
    // A whole number in [0, limit) (`>>> 0` maps −0 to 0: that one takes a Float64Array).
    if (!((v >>> 0) === v && v < this.#limit && (v !== 0 || 1 / v > 0)) && this.#limit !== Infinity) this.#widen(v);
    if (this.length === this.#data.length) this.#grow(this.#data.length * 2);
    this.#data[this.length++] = v;
  }
  reserve(capacity: number): void {
    if (capacity > this.#data.length) this.#grow(capacity);
  }
  get capacity(): number {
    return this.#data.length;
  }
  /** The narrowest kind from the current one on that holds `v`. */
  #widen(v: number): void {
    let k = this.#kind;
    const whole = (v >>> 0) === v && (v !== 0 || 1 / v > 0);
    while (!(whole && v < COUNT_KINDS[k].limit) && COUNT_KINDS[k].limit !== Infinity) k++;
    this.#kind = k;
    this.#limit = COUNT_KINDS[k].limit;
    this.#grow(this.#data.length);
  }
  #grow(capacity: number): void {
    const next = COUNT_KINDS[this.#kind].make(capacity);
    next.set(this.#data.subarray(0, this.length));
    this.#data = next;
  }
  /** The values read, as a view of the filled part (as Growable.done). */
  done(): CountArray {
    return this.#data.subarray(0, this.length);
  }
}

export const growableCount = (capacity = 1024) => new GrowableCount(capacity);
export const growableI32 = (capacity = 1024) => new Growable((n) => new Int32Array(n), capacity);
