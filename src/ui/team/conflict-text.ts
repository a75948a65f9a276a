/**
 * A merge conflict in words for the merge dialog: what it is about ("方案一 · 七都 · 2023 ·
 * 保障性租赁住房", "方案一 · 地块「滨江一号」：套数") and each side's value ("1,200 套", "已删除").
 */
import type { Lang } from '../../i18n/lang.ts';
import type { Conflict } from '../../state/merge/merge-types.ts';
import type { Site } from '../../domain/allocation.ts';
import type { ProjectState } from '../../state/project.ts';
import { HOUSING_TYPE_INFO, type HousingTypeId } from '../../domain/housing-type.ts';
import { boardName } from '../allocation/names.ts';
import { formatNumber } from '../../i18n/format.ts';

export interface ConflictText {
  what: string;
  base: string;
  theirs: string;
  mine: string;
}

type T = (key: string, params?: Record<string, string | number>) => string;

interface Ctx {
  lang: Lang;
  t: T;
  /** The states the conflict came from (names of scenarios, boards, items). */
  base: ProjectState;
  mine: ProjectState;
  theirs: ProjectState;
}

const units = (n: number, lang: Lang) => (n === 0 ? '—' : `${formatNumber(n)}${lang === 'zh' ? ' 套' : ' units'}`);

function scenarioName(ctx: Ctx, id: string): string {
  for (const p of [ctx.mine, ctx.theirs, ctx.base]) {
    const s = p.scenarios.find((x) => x.id === id);
    if (s) return s.name;
  }
  return id;
}

function siteField(site: Site | undefined, field: string, ctx: Ctx): string {
  if (!site) return ctx.t('team.merge.deleted');
  const v = site[field as keyof Site];
  if (field === 'units') return units(v as number, ctx.lang);
  if (field === 'type') return HOUSING_TYPE_INFO[v as HousingTypeId]?.[ctx.lang] ?? String(v);
  if (field === 'geometry') return ctx.t('team.merge.changed');
  return v === undefined || v === '' ? ctx.t('team.merge.none') : String(v);
}

function siteValue(site: Site | undefined, fields: string[], ctx: Ctx): string {
  if (!site) return ctx.t('team.merge.deleted');
  if (!fields.length) return `${units(site.units, ctx.lang)} · ${site.year}`;
  return fields.map((f) => siteField(site, f, ctx)).join('；');
}

function plain(v: unknown, ctx: Ctx): string {
  if (v === undefined) return ctx.t('team.merge.none');
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return v;
  return ctx.t('team.merge.changed');
}

function itemName(v: unknown): string | undefined {
  const o = v as { name?: string; properties?: { name?: string } } | undefined;
  return o?.properties?.name ?? o?.name;
}

export function describeConflict(c: Conflict, ctx: Ctx): ConflictText {
  const { t, lang } = ctx;
  const board = (id: string) => boardName(ctx.mine.boards, id, lang);
  switch (c.kind) {
    case 'cell':
      return {
        what: [scenarioName(ctx, c.scenarioId), board(c.boardId), String(c.year), HOUSING_TYPE_INFO[c.type][lang]].join(' · '),
        base: units(c.base, lang),
        theirs: units(c.theirs, lang),
        mine: units(c.mine, lang),
      };
    case 'site': {
      const name = (c.mine ?? c.theirs ?? c.base)?.name ?? c.siteId;
      const fields = c.fields.map((f) => t(`team.merge.field.${f}`)).join('、');
      return {
        what: `${scenarioName(ctx, c.scenarioId)} · ${t('team.merge.site', { name })}${fields ? `：${fields}` : ''}`,
        base: siteValue(c.base, c.fields, ctx),
        theirs: siteValue(c.theirs, c.fields, ctx),
        mine: siteValue(c.mine, c.fields, ctx),
      };
    }
    case 'scenario': {
      const rule = /^ruleSettings\.(.+)$/.exec(c.field);
      const field = rule ? t('team.merge.field.rule', { key: rule[1] }) : t(`team.merge.field.${c.field}`);
      const value = (v: unknown) => (c.field === 'existence' ? (v === undefined ? t('team.merge.deleted') : t('team.merge.changed')) : plain(v, ctx));
      return { what: `${t('team.merge.scenario', { name: scenarioName(ctx, c.scenarioId) })} · ${field}`, base: value(c.base), theirs: value(c.theirs), mine: value(c.mine) };
    }
    case 'item': {
      const name = c.slice === 'boards' ? board(c.itemId) : (itemName(c.mine) ?? itemName(c.theirs) ?? itemName(c.base) ?? c.itemId);
      const value = (v: unknown) => (v === undefined ? t('team.merge.deleted') : t('team.merge.changed'));
      return { what: `${t(`team.merge.slice.${c.slice}`)}「${name}」`, base: value(c.base), theirs: value(c.theirs), mine: value(c.mine) };
    }
    case 'value': {
      if (c.slice === 'dwellings' && c.key) {
        const v = (x: unknown) => (x === undefined ? (lang === 'zh' ? '假设值' : 'assumed') : units(x as number, lang));
        return { what: t('team.merge.dwellings', { board: board(c.key) }), base: v(c.base), theirs: v(c.theirs), mine: v(c.mine) };
      }
      const key = `team.merge.slice.${c.slice}`;
      const name = t(key) === key ? c.slice : t(key);
      const value = (v: unknown) => (v === undefined || v === null ? t('team.merge.none') : t('team.merge.changed'));
      return { what: name, base: value(c.base), theirs: value(c.theirs), mine: value(c.mine) };
    }
  }
}
