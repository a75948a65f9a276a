import { describe, expect, it } from 'vitest';
import { targetsData, annex1, annex2, rulesData, DEFAULT_RULE_SETTINGS } from '../../src/data/allocation-data.ts';
import { PLAN_TEXT, PLAN_TEXT_NORMALISED, normalisePlanText, planSection } from '../support/plan-text.ts';
import { HOUSING_TYPES, isHousingType, targetsForType } from '../../src/domain/housing-type.ts';
import { RULE_THRESHOLD_KEYS } from '../../src/domain/rule-settings.ts';
import { builtinPlan } from '../../src/data/builtin-plan.ts';

const PLAN_YEARS = builtinPlan.period.years;
import type { Quoted } from '../../src/domain/target.ts';

const ch2s3 = planSection('第二章', '第三节');

/** Whole numbers in a quote (29.75-36.75 → [29.75, 36.75]), so 29.7 does not match 29.75. */
function numbersIn(quote: string): number[] {
  return [...quote.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
}

/** The text a citation points at: a chapter section (preamble = section 0) or the whole plan. */
function citedText(q: Quoted): string {
  const { chapter, section } = q.cite;
  if (!chapter) return PLAN_TEXT_NORMALISED;
  const cn = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][chapter];
  if (section === 0) {
    const all = PLAN_TEXT_NORMALISED;
    const body = all.indexOf(`第${cn}章`, all.indexOf('第一章发展基础与面临形势', all.indexOf('第一章发展基础与面临形势') + 5));
    return all.slice(body, all.indexOf('第一节', body));
  }
  return planSection(`第${cn}章`, `第${['', '一', '二', '三', '四'][section!]}节`);
}

describe('geodata/plan/targets.json against the plan text', () => {
  it('quotes every figure verbatim from the section it cites, and each number appears in its quote', () => {
    let figures = 0;
    for (const t of targetsData.targets) {
      for (const fig of [t.period, t.annual]) {
        if (!fig) continue;
        figures++;
        expect(fig.cite, t.id).toMatchObject({ chapter: 2, section: 3 });
        expect(ch2s3, t.id).toContain(normalisePlanText(fig.quote));
        expect(numbersIn(fig.quote), t.id).toContain(fig.min);
        if (fig.max !== null) expect(numbersIn(fig.quote), t.id).toContain(fig.max);
        if (fig.cite.table) {
          expect(fig.quote, t.id).toContain(t.unit);
          if (t.attribute) expect(fig.quote.endsWith(t.attribute), t.id).toBe(true);
        }
      }
      for (const q of [...(t.housingTypesBasis ?? []), ...(t.alsoStated ?? [])]) expect(citedText(q), `${t.id}: ${q.quote}`).toContain(normalisePlanText(q.quote));
    }
    expect(figures).toBe(15);
  });

  it('has every row of the targets table, in order, and nothing else marked as from the table', () => {
    const table = ch2s3.slice(ch2s3.indexOf(targetsData.tableHeader), ch2s3.indexOf('注：'));
    const rows = targetsData.targets.filter((t) => t.period?.cite.table).map((t) => t.period!.quote);
    expect(rows).toHaveLength(11);
    let at = 0;
    for (const r of rows) {
      const i = table.indexOf(r, at);
      expect(i, r).toBeGreaterThanOrEqual(at);
      at = i + r.length;
    }
    // Everything between the header and the note is covered by the rows (plus group names).
    const rest = rows.reduce((s, r) => s.replace(r, ''), table.replace(targetsData.tableHeader, ''));
    expect(rest).toBe('新建商品住房供应规模住房保障存量住房更新改造综合居住品质');
  });

  it('keeps the stated numbers consistent: 5.95–7.35 × 5 = 29.75–36.75; [7.5] and [520] point to the annexes', () => {
    const c = targetsData.targets.find((t) => t.id === 'new-commercial-supply')!;
    expect(c.annual!.min * 5).toBeCloseTo(c.period!.min, 10);
    expect(c.annual!.max! * 5).toBeCloseTo(c.period!.max!, 10);
    expect(c.period!.quote).toContain('29.75-36.75');
    expect(targetsData.targets.find((t) => t.id === 'shantytown-resettlement')!.annex).toBe(2);
    expect(targetsData.targets.find((t) => t.id === 'old-community-renovation-count')!.annex).toBe(1);
    expect(ch2s3).toContain(normalisePlanText(targetsData.bracketNote.quote));
  });

  it('names only known housing types, and every housing type counts toward some target', () => {
    for (const t of targetsData.targets) for (const ty of t.housingTypes ?? []) expect(isHousingType(ty), `${t.id}: ${ty}`).toBe(true);
    for (const ty of HOUSING_TYPES) expect(targetsForType(ty, targetsData.targets).length, ty).toBeGreaterThan(0);
    expect(targetsForType('talent-sale', targetsData.targets)).toEqual(['new-commercial-supply']);
    expect(targetsForType('talent-rental', targetsData.targets)).toEqual(['rental-housing-raised', 'affordable-housing-annual']);
  });
});

describe('附件1 (old-community renovation) against the plan text', () => {
  const lines = PLAN_TEXT.slice(PLAN_TEXT.indexOf('附件 1')).split('\n');
  const cells = (xs: (number | null)[]) => xs.map((x) => (x === null ? '' : String(x))).join('\t');

  it('reproduces every row of the table cell by cell (blank stays null, printed 0 stays 0)', () => {
    annex1.rows.forEach((r, i) => {
      const name = annex1.types[r.type].name;
      const line = `${i % 2 === 0 ? r.county : ''}\t${name}\t${cells(r.byYear)}\t${r.subtotal}`;
      expect(lines, line).toContain(line);
    });
    expect(annex1.rows).toHaveLength(24);
    expect(lines).toContain(`合计\t综合整治\t${cells(annex1.printedTotals.comprehensive.byYear)}\t453`);
    expect(lines).toContain(`\t拆改结合\t${cells(annex1.printedTotals['demolish-rebuild'].byYear)}\t67`);
    expect(lines).toContain(`总计\t\t${cells(annex1.printedTotals.all.byYear)}\t520`);
  });

  it('sums: rows to subtotals, 453 + 67 = 520, by year 123/87/104/105/101, 市区拆改 52 + 4 = 56', () => {
    const sum = (xs: (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
    for (const r of annex1.rows) expect(sum(r.byYear), `${r.county} ${r.type}`).toBe(r.subtotal);
    for (const type of ['comprehensive', 'demolish-rebuild'] as const) {
      const rows = annex1.rows.filter((r) => r.type === type);
      PLAN_YEARS.forEach((_, y) => expect(sum(rows.map((r) => r.byYear[y]))).toBe(annex1.printedTotals[type].byYear[y]));
      expect(sum(rows.map((r) => r.subtotal))).toBe(annex1.printedTotals[type].subtotal);
    }
    expect(annex1.printedTotals.comprehensive.subtotal + annex1.printedTotals['demolish-rebuild'].subtotal).toBe(520);
    PLAN_YEARS.forEach((_, y) => expect(sum(annex1.rows.map((r) => r.byYear[y]))).toBe([123, 87, 104, 105, 101][y]));
    const urban = annex1.rows.filter((r) => r.type === 'demolish-rebuild' && annex1.urbanDistricts.includes(r.county));
    expect(urban.map((r) => r.subtotal)).toEqual([52, 4, 0]);
    expect(sum(urban.map((r) => r.subtotal))).toBe(targetsData.targets.find((t) => t.id === 'urban-demolish-rebuild-count')!.period!.min);
    expect(annex1.printedTotals.all.subtotal).toBe(targetsData.targets.find((t) => t.id === 'old-community-renovation-count')!.period!.min);
  });
});

describe('附件2 (shantytown resettlement) against the plan text', () => {
  it('reproduces every row and sums to 75,448 ≈ [7.5] 万套', () => {
    const text = PLAN_TEXT.slice(PLAN_TEXT.indexOf('附件 2'));
    for (const r of annex2.rows) expect(text.split('\n'), r.name).toContain(`${r.seq}\t${r.name}\t${r.units}`);
    expect(annex2.rows.map((r) => r.seq)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const total = annex2.rows.reduce((s, r) => s + r.units, 0);
    expect(total).toBe(75448);
    expect(annex2.totalUnits).toBe(total);
    expect(Math.round(total / 1000) / 10).toBe(targetsData.targets.find((t) => t.id === 'shantytown-resettlement')!.period!.min);
  });
});

describe('geodata/plan/allocation-rules.json', () => {
  it('quotes each rule verbatim from the section it cites (第十章第二节/第三节, 第五章第二节)', () => {
    for (const r of rulesData.rules) {
      for (const q of [r, ...(r.alsoCited ?? [])]) expect(citedText(q), `${r.id}: ${q.quote}`).toContain(normalisePlanText(q.quote));
      expect(r.cite.chapter).toBe(10);
      for (const ty of r.housingTypes) expect(isHousingType(ty), ty).toBe(true);
      for (const k of r.thresholds) expect(RULE_THRESHOLD_KEYS as readonly string[]).toContain(k);
    }
    expect(planSection('第十章', '第三节')).toContain('控制新建商品住房供应');
  });

  it('has a default for every threshold, each marked as an assumption', () => {
    expect(Object.keys(DEFAULT_RULE_SETTINGS).sort()).toEqual([...RULE_THRESHOLD_KEYS].sort());
    for (const k of RULE_THRESHOLD_KEYS) expect(rulesData.defaults[k].assumption).toMatch(/Anju/);
  });
});
