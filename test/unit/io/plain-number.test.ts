/** The CSV byte scanner's two helpers against what they stand for: `Number(text)` and a fatal UTF-8 TextDecoder. */
import { describe, expect, it } from 'vitest';
import { plainNumber } from '../../../src/io/plain-number.ts';
import { Utf8Check } from '../../../src/io/utf8-check.ts';
import { mulberry32 } from '../../../bench/seeded.ts';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('plainNumber', () => {
  it('is Number(text) bit for bit on plain numbers, NaN on anything else', () => {
    const rnd = mulberry32(3);
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
    const texts = ['0', '-0', '+0', '5.', '.5', '-.5', '007', '120.503297', '999999999999999', '0.000000000000001', '-28.128959'];
    for (let i = 0; i < 5000; i++) {
      const a = digits(Math.floor(rnd() * 9));
      const b = digits(Math.floor(rnd() * 9));
      texts.push(`${['', '-', '+'][i % 3]}${a}${rnd() < 0.8 ? '.' : ''}${b}`);
    }
    // Collected, not one expect each: thousands of expects cost seconds.
    const wrong = texts.filter((t) => {
      const got = plainNumber(ascii(t), 0, t.length);
      return Number.isNaN(got) ? !(t.replace(/\D/g, '').length === 0 || t.replace(/\D/g, '').length > 15) : !Object.is(got, Number(t));
    });
    expect(wrong).toEqual([]);
    for (const t of ['', '-', '.', '1e5', ' 1', '1 ', '1.2.3', '1,5', '0x10', 'Infinity', '1234567890123456']) expect(plainNumber(ascii(t), 0, t.length), t).toBeNaN();
  });
});

describe('Utf8Check', () => {
  it('accepts exactly what a fatal TextDecoder accepts, however the bytes are split', () => {
    const rnd = mulberry32(9);
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const pool = [0x41, 0x0a, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff];
    let valid = 0;
    const wrong: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => pool[Math.floor(rnd() * pool.length)]);
      let want = true;
      try {
        fatal.decode(bytes);
      } catch {
        want = false;
      }
      valid += want ? 1 : 0;
      const cut = Math.floor(rnd() * (bytes.length + 1));
      const check = new Utf8Check();
      const got = check.push(bytes.subarray(0, cut)) && check.push(bytes.subarray(cut)) && check.end();
      if (got !== want) wrong.push(Array.from(bytes, (b) => b.toString(16)).join(' '));
    }
    expect(wrong).toEqual([]);
    expect(valid).toBeGreaterThan(75);
    const text = new TextEncoder().encode('lon,温州,é,𠀀\u{10FFFF}\n');
    for (let cut = 0; cut <= text.length; cut++) {
      const check = new Utf8Check();
      expect(check.push(text.subarray(0, cut)) && check.push(text.subarray(cut)) && check.end()).toBe(true);
    }
  });
});
