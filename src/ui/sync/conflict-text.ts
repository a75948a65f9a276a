/**
 * A merge conflict in words a planner reads: what it is about ("旧城 2021 新建普通商品住房",
 * "地块“A”的套数") and each side's value ("500 套", "已删除"). Pure; the UI passes names in.
 */
import type { Conflict } from '../../state/merge/merge-types.ts';
import type { Site } from '../../domain/allocation.ts';
import { HOUSING_TYPE_INFO } from '../../domain/housing-type.ts';
import type { Lang } from '../../i18n/lang.ts';
import { translate } from '../../i18n/messages/index.ts';

export interface ConflictContext {
  lang: Lang;
  boardName(id: string): string;
  scenarioName(id: string): string;
}

const units = (n: number, lang: Lang) => `${n.toLocaleString('en-US')} ${lang === 'zh' ? '套' : 'units'}`;

function siteValue(site: Site | undefined, fields: string[], lang: Lang): string {
  if (!site) return translate(lang, 'sync.absent');
  const shown = (fields.length ? fields : ['units']).map((f) => {
    if (f === 'units') return units(site.units, lang);
    if (f === 'type') return HOUSING_TYPE_INFO[site.type][lang];
    if (f === 'year') return String(site.year);
    if (f === 'name') return site.name;
    if (f === 'note') return site.note ?? '—';
    return translate(lang, 'sync.changed'); // geometry: a place, not a value to read
  });
  return shown.join(' · ');
}

/** What the conflict is about. */
export function conflictSubject(c: Conflict, ctx: ConflictContext): string {
  const t = (key: string, params?: Record<string, string | number>) => translate(ctx.lang, key, params);
  switch (c.kind) {
    case 'cell':
      return `${ctx.scenarioName(c.scenarioId)} · ${ctx.boardName(c.boardId)} ${c.year} ${HOUSING_TYPE_INFO[c.type][ctx.lang]}`;
    case 'site': {
      const name = (c.mine ?? c.theirs ?? c.base)?.name ?? c.siteId;
      if (!c.fields.length) return t('sync.site', { name });
      return t('sync.site.fields', { name, fields: c.fields.map((f) => t(`sync.field.${f}`)).join(ctx.lang === 'zh' ? '、' : ', ') });
    }
    case 'scenario': {
      const name = ctx.scenarioName(c.scenarioId);
      if (c.field === 'name') return t('sync.scenario.name');
      if (c.field === 'createdAt') return t('sync.scenario.createdAt', { name });
      if (c.field.startsWith('ruleSettings.')) return t('sync.scenario.threshold', { name, what: t(`alloc.threshold.${c.field.slice('ruleSettings.'.length)}`) });
      return t('sync.scenario', { name });
    }
    case 'item': {
      const v = (c.mine ?? c.theirs ?? c.base) as { name?: string; properties?: { name?: string } } | undefined;
      const name = c.slice === 'boards' ? ctx.boardName(c.itemId) : (v?.properties?.name ?? v?.name ?? c.itemId);
      return `${t(`sync.slice.${c.slice}`)}“${name}”`;
    }
    case 'value':
      if (c.slice === 'dwellings' && c.key) return t('sync.dwellings', { board: ctx.boardName(c.key) });
      return t(`sync.slice.${c.slice}`);
  }
}

/** One side's value, as shown beside the other. */
export function conflictValue(c: Conflict, side: 'mine' | 'theirs', lang: Lang): string {
  const t = (key: string) => translate(lang, key);
  switch (c.kind) {
    case 'cell':
      return units(c[side], lang);
    case 'site':
      return siteValue(c[side], c.fields, lang);
    case 'scenario': {
      const v = c[side];
      if (c.field === 'existence') return v === undefined ? t('sync.absent') : t('sync.changed');
      return v === undefined ? '—' : String(v);
    }
    case 'item':
      return c[side] === undefined ? t('sync.absent') : t('sync.changed');
    case 'value': {
      const v = c[side];
      if (c.slice === 'dwellings') return typeof v === 'number' ? units(v, lang) : t('sync.assumed');
      return v === undefined || v === null ? t('sync.absent') : t('sync.changed');
    }
  }
}

