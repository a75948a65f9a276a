/** Formatting for the allocation UI: units with digit grouping, board names, housing types. */
import type { Lang } from '../../i18n/lang.ts';
import type { BoardCollection } from '../../domain/board.ts';
import { HOUSING_TYPE_INFO, type HousingTypeId } from '../../domain/housing-type.ts';

/** 12300 → "12,300". */
export function fmtUnits(units: number): string {
  return Math.round(units).toLocaleString('en-US');
}

/** Short form for narrow cells: 64,700 → "6.5万" (zh) / "64.7k" (en); below 10,000 as fmtUnits. */
export function fmtCompact(units: number, lang: Lang): string {
  if (Math.abs(units) < 10_000) return fmtUnits(units);
  return lang === 'zh' ? `${(units / 10_000).toFixed(1)}万` : `${(units / 1000).toFixed(1)}k`;
}

/** A signed difference: +1,200 / −300 / 0. */
export function fmtDiff(units: number): string {
  if (units === 0) return '0';
  return (units > 0 ? '+' : '−') + fmtUnits(Math.abs(units));
}

/** 297500 套 → "29.75" (万套), up to two decimals. */
export function fmtWan(units: number): string {
  return String(Math.round((units / 10_000) * 100) / 100);
}

export function boardName(boards: BoardCollection, id: string, lang: Lang): string {
  const p = boards.features.find((b) => b.properties.id === id)?.properties;
  return p ? (lang === 'zh' ? p.name : p.nameEn) : id;
}

export function typeName(type: HousingTypeId, lang: Lang): string {
  return HOUSING_TYPE_INFO[type][lang];
}
