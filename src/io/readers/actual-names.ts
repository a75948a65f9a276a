/**
 * The names a planner's table uses for housing types, old-community renovation kinds and
 * counties, matched to Anju's ids: the plan's own names (HOUSING_TYPE_INFO, 附件1's two kinds,
 * the 12 counties and 附件2's units), English names, ids, and common short forms (保租房, 公租房,
 * 安置房, 鹿城). Matching ignores case, spaces and full-width forms.
 */
import { HOUSING_TYPES, HOUSING_TYPE_INFO } from '../../domain/housing-type.ts';
import { RENOVATION_TYPES, type ActualType } from '../../domain/actuals.ts';
import { COUNTY_NAMES_EN } from '../../domain/county.ts';
import type { Annex1Data, Annex2Data } from '../../domain/target.ts';

export const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Short forms in common use, beside the plan's names (HOUSING_TYPE_INFO.zh) and English names. */
const TYPE_ALIASES: Readonly<Record<ActualType, readonly string[]>> = {
  commercial: ['商品住房', '普通商品住房', '商品房', '新建商品住房'],
  'renovation-rebuild': ['拆改类', '拆改类住房'],
  'talent-sale': ['配售型人才房', '人才房（配售）'],
  'talent-rental': ['配租型人才房', '人才房（配租）'],
  'affordable-rental': ['保租房', '保障性租赁房'],
  'public-rental': ['公租房', '公共租赁房'],
  'shared-ownership': ['共有产权房'],
  resettlement: ['安置房', '安置住房', '棚改安置房', '棚户区改造安置住房', '棚改安置'],
  comprehensive: ['老旧小区综合整治', '老旧小区改造（综合整治）', '综合整治类'],
  'demolish-rebuild': ['老旧小区拆改结合', '老旧小区改造（拆改结合）', '拆改结合类'],
};

/** Lookup of every accepted type name → type id. */
export function typeLookup(annex1: Pick<Annex1Data, 'types'>): Map<string, ActualType> {
  const m = new Map<string, ActualType>();
  const add = (name: string, t: ActualType) => m.set(norm(name), t);
  for (const t of HOUSING_TYPES) {
    add(t, t);
    add(HOUSING_TYPE_INFO[t].zh, t);
    add(HOUSING_TYPE_INFO[t].en, t);
  }
  for (const t of RENOVATION_TYPES) {
    add(t, t);
    add(annex1.types[t].name, t);
    add(annex1.types[t].nameEn, t);
  }
  for (const [t, names] of Object.entries(TYPE_ALIASES) as [ActualType, readonly string[]][]) for (const n of names) add(n, t);
  return m;
}

/** Examples of accepted type names for messages: the plan's names. */
export function typeNamesForMessage(annex1: Pick<Annex1Data, 'types'>): string {
  return [...HOUSING_TYPES.map((t) => HOUSING_TYPE_INFO[t].zh), ...RENOVATION_TYPES.map((t) => annex1.types[t].name)].join('、');
}

/** Lookup of county names (鹿城区, 鹿城, Lucheng) and 附件2's other units (市城发, 生态园, 经开区) → canonical name. */
export function countyLookup(annex2: Pick<Annex2Data, 'rows'>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [zh, en] of Object.entries(COUNTY_NAMES_EN)) {
    m.set(norm(zh), zh);
    m.set(norm(zh.replace(/[区县市]$/, '')), zh);
    m.set(norm(en), zh);
  }
  for (const r of annex2.rows) if (!m.has(norm(r.name))) m.set(norm(r.name), r.name);
  return m;
}

const TOTAL_ROW = /^(合计|总计|小计|共计|全市|total|sum|subtotal)/i;
/** A totals row's label (合计, 总计, Total …): such rows would count their detail twice. */
export const isTotalLabel = (s: string) => TOTAL_ROW.test(s.normalize('NFKC').trim());
