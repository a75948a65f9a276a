/**
 * A merge conflict in words a planner reads, the one description for every place that shows
 * one (the team server's merge dialog, the conflict panel of tabs in this browser): what it is
 * about ("方案一 · 七都 · 2023 · 保障性租赁住房", "方案一 · 地块「滨江一号」：套数") and each side's value
 * ("1,200 套", "已删除"). Pure; the caller passes the translator and the three merged states.
 */
import type { Lang } from '../../i18n/lang.ts';
import type { Conflict } from '../../state/merge/merge-types.ts';
import type { Site } from '../../domain/allocation.ts';
import type { ProjectState } from '../../state/project.ts';
import { HOUSING_TYPE_INFO, type HousingTypeId } from '../../domain/housing-type.ts';
import { boardName, typeName } from '../allocation/names.ts';
import { formatNumber } from '../../i18n/format.ts';

export interface ConflictText {
  what: string;
  base: string;
  theirs: string;
  mine: string;
}

type T = (key: string, params?: Record<string, string | number>) => string;

export interface ConflictContext {
  lang: Lang;
  t: T;
  /** The states the conflict came from (names of scenarios, boards, items). */
  base: ProjectState;
  mine: ProjectState;
  theirs: ProjectState;
}

const units = (n: number, lang: Lang) => (n === 0 ? '—' : `${formatNumber(n)}${lang === 'zh' ? ' 套' : ' units'}`);

function scenarioName(ctx: ConflictContext, id: string): string {
  for (const p of [ctx.mine, ctx.theirs, ctx.base]) {
    const s = p.scenarios.find((x) => x.id === id);
    if (s) return s.name;
  }
  return id;
}

function siteField(site: Site, field: string, ctx: ConflictContext): string {
  const v = site[field as keyof Site];
  if (field === 'units') return units(v as number, ctx.lang);
  if (field === 'type') return HOUSING_TYPE_INFO[v as HousingTypeId]?.[ctx.lang] ?? String(v);
  if (field === 'geometry') return ctx.t('conflict.changed'); // a place, not a value to read
  return v === undefined || v === '' ? ctx.t('conflict.none') : String(v);
}

function siteValue(site: Site | undefined, fields: string[], ctx: ConflictContext): string {
  if (!site) return ctx.t('conflict.deleted');
  if (!fields.length) return `${units(site.units, ctx.lang)} · ${site.year}`;
  return fields.map((f) => siteField(site, f, ctx)).join('；');
}

function plain(v: unknown, ctx: ConflictContext): string {
  if (v === undefined) return ctx.t('conflict.none');
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return v;
  return ctx.t('conflict.changed');
}

function itemName(v: unknown): string | undefined {
  const o = v as { name?: string; properties?: { name?: string } } | undefined;
  return o?.properties?.name ?? o?.name;
}

/** A rule threshold's name ("存量提升板块商品住房上限"); its key when the app has no name for it. */
function ruleName(key: string, t: T): string {
  const name = t(`alloc.threshold.${key}`);
  return name === `alloc.threshold.${key}` ? key : name;
}

/** What `c` is about, and the value before, theirs and mine. */
export function describeConflict(c: Conflict, ctx: ConflictContext): ConflictText {
  const { t, lang } = ctx;
  const board = (id: string) => boardName(ctx.mine.boards, id, lang);
  switch (c.kind) {
    case 'cell':
      return {
        what: [scenarioName(ctx, c.scenarioId), board(c.boardId), String(c.year), typeName(c.type, lang)].join(' · '),
        base: units(c.base, lang),
        theirs: units(c.theirs, lang),
        mine: units(c.mine, lang),
      };
    case 'site': {
      const name = (c.mine ?? c.theirs ?? c.base)?.name ?? c.siteId;
      const fields = c.fields.map((f) => t(`conflict.field.${f}`)).join(lang === 'zh' ? '、' : ', ');
      return {
        what: `${scenarioName(ctx, c.scenarioId)} · ${t('conflict.site', { name })}${fields ? `${lang === 'zh' ? '：' : ': '}${fields}` : ''}`,
        base: siteValue(c.base, c.fields, ctx),
        theirs: siteValue(c.theirs, c.fields, ctx),
        mine: siteValue(c.mine, c.fields, ctx),
      };
    }
    case 'scenario': {
      const rule = /^ruleSettings\.(.+)$/.exec(c.field);
      const field = rule ? t('conflict.field.rule', { what: ruleName(rule[1], t) }) : t(`conflict.field.${c.field}`);
      const value = (v: unknown) => (c.field === 'existence' ? (v === undefined ? t('conflict.deleted') : t('conflict.changed')) : plain(v, ctx));
      return { what: `${t('conflict.scenario', { name: scenarioName(ctx, c.scenarioId) })} · ${field}`, base: value(c.base), theirs: value(c.theirs), mine: value(c.mine) };
    }
    case 'item': {
      const name = c.slice === 'boards' ? board(c.itemId) : (itemName(c.mine) ?? itemName(c.theirs) ?? itemName(c.base) ?? c.itemId);
      const value = (v: unknown) => (v === undefined ? t('conflict.deleted') : t('conflict.changed'));
      return { what: `${t(`conflict.slice.${c.slice}`)}「${name}」`, base: value(c.base), theirs: value(c.theirs), mine: value(c.mine) };
    }
    case 'value': {
      if (c.slice === 'dwellings' && c.key) {
        const v = (x: unknown) => (x === undefined ? t('conflict.assumed') : units(x as number, lang));
        return { what: t('conflict.dwellings', { board: board(c.key) }), base: v(c.base), theirs: v(c.theirs), mine: v(c.mine) };
      }
      const key = `conflict.slice.${c.slice}`;
      const name = t(key) === key ? c.slice : t(key);
      const value = (v: unknown) => (v === undefined || v === null ? t('conflict.none') : t('conflict.changed'));
      return { what: name, base: value(c.base), theirs: value(c.theirs), mine: value(c.mine) };
    }
  }
}
