/**
 * A project file passes the same checks as an import: ids unique in every list,
 * numbers finite and within range, geometry sound and within ±180°/±90°, sizes bounded. Each
 * case here once bricked or froze the app; each must be refused, naming the field, fast, by
 * the one check the app's open path, its stored-data load and `anju check` all use.
 */
import { describe, expect, it } from 'vitest';
import { checkWholeProject, parseWholeProject, serializeWholeProject } from '../../../src/state/project-file.ts';
import { formatProblem } from '../../../src/i18n/problems.ts';
import { HOSTILE_CASES, hostileProjectFile, shippedDefaults, validProjectFile } from '../../support/hostile-projects.ts';

describe('project file checks', () => {
  it('accept the valid project and the project a new user starts with', () => {
    const r = checkWholeProject(validProjectFile(), shippedDefaults(), 'ok.anju.json');
    expect(r.ok ? [] : r.problems).toEqual([]);
    const fresh = shippedDefaults();
    expect(parseWholeProject(serializeWholeProject(fresh), shippedDefaults()).ok).toBe(true);
  });

  for (const c of HOSTILE_CASES) {
    it(`refuse ${c.name}, naming the field`, () => {
      const started = performance.now();
      const r = checkWholeProject(hostileProjectFile(c.name), shippedDefaults(), 'bad.anju.json');
      expect(performance.now() - started).toBeLessThan(2000);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const hit = r.problems.find((p) => p.code === c.code && (p.field ?? '').startsWith(c.field));
      expect(hit, JSON.stringify(r.problems.slice(0, 3))).toBeDefined();
      // Every message reads as a sentence in both languages, bounded in length.
      for (const p of r.problems) for (const lang of ['zh', 'en'] as const) expect(formatProblem(p, lang).length).toBeLessThan(400);
    });
  }

  it('keep a street file’s own attributes as they are (an OSM id beyond the count limit, a long description)', () => {
    const f = validProjectFile();
    f.streets = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { osm_id: 5_234_567_890, description: '路'.repeat(20_000) }, geometry: { type: 'LineString', coordinates: [[120.6, 28], [120.61, 28]] } }] };
    const r = checkWholeProject(f, shippedDefaults());
    expect(r.ok ? [] : r.problems).toEqual([]);
    // A changed street is a new geometry object (state is immutable; the geometry checks are cached per object).
    f.streets.features[0].geometry = { type: 'LineString', coordinates: [[120.6, 28], [120.61, 95]] };
    expect(checkWholeProject(f, shippedDefaults()).ok).toBe(false);
  });

  it('say what the limit is', () => {
    const r = checkWholeProject(hostileProjectFile('a 2 MB scenario name'), shippedDefaults(), 'big.anju.json');
    expect(!r.ok && formatProblem(r.problems[0], 'en')).toBe('big.anju.json field scenarios[0].name: text of 2097152 characters; the limit is 200');
    expect(!r.ok && formatProblem(r.problems[0], 'zh')).toBe('big.anju.json 字段 scenarios[0].name: 文字长 2097152 个字符，超过上限 200 个');
  });
});
