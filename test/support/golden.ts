/**
 * Golden files (Turf's convention): `actual` must equal the JSON at `path`. With REGEN=1 the file
 * is (re)written instead; a missing golden file fails, so a renamed or deleted fixture output is
 * never silently recreated from whatever the code now computes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export function expectGolden(actual: unknown, path: string | URL): void {
  if (process.env.REGEN) {
    writeFileSync(path, JSON.stringify(actual, null, 2) + '\n');
    return;
  }
  if (!existsSync(path)) throw new Error(`missing golden file ${String(path)}: run the test with REGEN=1 to write it, then review the diff`);
  expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}
