/**
 * Random secrets (API tokens, session ids, CSRF tokens, project ids) and their stored form.
 * Tokens and session ids are 32 random bytes, so a plain SHA-256 of them is enough to store
 * (nothing to brute-force); the database never holds the secret itself.
 */
import { createHash, randomBytes } from 'node:crypto';

/** `bytes` random bytes as base64url (32 bytes → 43 characters). */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A new API token: recognisable prefix + 32 random bytes. */
export function newApiToken(): string {
  return `anju_${randomSecret(32)}`;
}

/**
 * A new id for URLs: 16 random bytes (128 bits), not guessable, not sequential. It never begins
 * with `-` or `_`: the command line (`anju members ID …`) would read an id beginning with `-` as an
 * option (1 id in 32 did), so such a draw is made again.
 */
export function newId(): string {
  for (;;) {
    const id = randomSecret(16);
    if (id[0] !== '-' && id[0] !== '_') return id;
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
