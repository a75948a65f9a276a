import { describe, expect, it } from 'vitest';
import { gb50180 } from '../../../../src/data/gb50180.ts';
import { LIFE_CIRCLE_TIERS } from '../../../../src/domain/life-circle.ts';
import { categoryTiers, tierOf } from '../../../../src/domain/facility.ts';

describe('geodata/standards/gb50180.json', () => {
  it('has the four tiers of 表3.0.4 with the default walking distances 1000/500/300 m', () => {
    expect(gb50180.tiers.map((t) => t.id)).toEqual([...LIFE_CIRCLE_TIERS]);
    expect(gb50180.tiers.map((t) => t.walkingDistanceM?.default ?? null)).toEqual([1000, 500, 300, null]);
    expect(gb50180.tiers[0].walkingDistanceM).toMatchObject({ min: 800, max: 1000 });
    for (const t of gb50180.tiers) {
      expect(t.cite.table).toBe('表3.0.4');
      expect(t.population.min).toBeLessThan(t.population.max);
      expect(t.dwellings.min).toBeLessThan(t.dwellings.max);
      // A figure marked verified names its evidence, and the evidence exists.
      if (Object.values(t.verified).some(Boolean)) expect(t.evidence.length).toBeGreaterThan(0);
      for (const e of t.evidence) expect(gb50180.sources.map((s) => s.id)).toContain(e);
    }
  });

  it('maps the issue’s example facilities to their tiers, citing 附录B tables', () => {
    const tiers = categoryTiers(gb50180.facilities);
    expect(tierOf('kindergarten', tiers)).toBe('5-min');
    expect(tierOf('primary-school', tiers)).toBe('10-min');
    expect(tierOf('junior-middle-school', tiers)).toBe('15-min');
    expect(tierOf('community-health-centre', tiers)).toBe('15-min');
    expect(tierOf('no-such-thing', tiers)).toBeNull();
    expect(new Set(gb50180.facilities.map((f) => f.category)).size).toBe(gb50180.facilities.length);
    for (const f of gb50180.facilities) expect(f.cite.table).toMatch(/^表B\.0\.[123]$/);
  });

  it('marks the walking speed as Anju’s assumption', () => {
    expect(gb50180.walkingSpeed.assumption).toBe(true);
  });
});
