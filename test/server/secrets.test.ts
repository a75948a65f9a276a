import { describe, expect, it } from 'vitest';
import { newId } from '../../src/server/auth/secrets.ts';

describe('newId', () => {
  it('gives 22 base64url characters that never begin with - or _ (a command-line argument beginning with - reads as an option)', () => {
    // With a plain base64url draw, 2 first characters in 64 are - or _: among 20,000 ids about 625 would be.
    const ids = Array.from({ length: 20_000 }, newId);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{21}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
