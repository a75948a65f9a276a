import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../../src/i18n/messages/index.ts';
import { team } from '../../../../src/i18n/messages/team.ts';
import { teamReview } from '../../../../src/i18n/messages/team-review.ts';
import { basemapFiles } from '../../../../src/i18n/messages/basemap-files.ts';

const SRC = new URL('../../../../src/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

/** Literal keys handed to the message lookups: i18n.t('…'), translate(lang, '…'), bilingual('…'). */
const LOOKUP = /(?:\bi18n\.t|\bt|\bbilingual)\(\s*'([a-zA-Z][\w.-]*)'|\btranslate\(\s*[\w.]+\s*,\s*'([a-zA-Z][\w.-]*)'/g;

describe('message keys used in the code', () => {
  it('every literal key the UI looks up exists (a missing one shows as the raw key, e.g. app.subtitle)', () => {
    const known = new Set([...Object.keys(MESSAGES.zh), ...Object.keys(team.zh), ...Object.keys(teamReview.zh), ...Object.keys(basemapFiles.zh)]); // with the lazily registered ones
    const missing: string[] = [];
    let looked = 0;
    for (const file of sources(SRC)) {
      if (file.includes('/i18n/messages/')) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(LOOKUP)) {
        const key = m[1] ?? m[2];
        looked++;
        if (!known.has(key)) missing.push(`${file.slice(SRC.length)}: ${key}`);
      }
    }
    expect(looked).toBeGreaterThan(500); // the scan finds the lookups (it would pass vacuously otherwise)
    expect(missing).toEqual([]);
  });
});
