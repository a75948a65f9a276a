/**
 * A number written plainly in ASCII bytes — an optional sign, at most 15 digits with at most one
 * decimal point, nothing else (no spaces, no exponent) — read without making a string: exactly
 * `Number(text)`, since the digits are an integer below 2^53 and the power of ten is exact, so the
 * one division is correctly rounded (Clinger's fast path). NaN for anything else, which the caller
 * then reads as text.
 */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const MAX_DIGITS = 15;

export function plainNumber(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (i < end && (bytes[i] === 0x2d || bytes[i] === 0x2b)) negative = bytes[i++] === 0x2d;
  let m = 0;
  let digits = 0;
  let decimals = 0;
  let point = false;
  for (; i < end; i++) {
    const c = bytes[i];
    if (c >= 0x30 && c <= 0x39) {
      if (++digits > MAX_DIGITS) return NaN;
      m = m * 10 + (c - 0x30);
      if (point) decimals++;
    } else if (c === 0x2e && !point) point = true;
    else return NaN;
  }
  if (digits === 0) return NaN;
  const v = decimals ? m / POW10[decimals] : m;
  return negative ? -v : v;
}
