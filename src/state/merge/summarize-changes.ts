/**
 * One line that says what a save changed, e.g. "七都 2023 保障性租赁住房 +1,200" — the summary
 * stored with each revision and shown in the history. Chinese by default (the stored summary);
 * English for the app's English mode.
 */
import { HOUSING_TYPE_INFO } from '../../domain/housing-type.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { ProjectChange } from './project-diff.ts';

export type SummaryLang = 'zh' | 'en';

export interface SummaryOptions {
  /** The board's display name (the plan's name, e.g. 七都) for a board id; falls back to the id. */
  boardName?: (boardId: string) => string | undefined;
  lang?: SummaryLang;
  /** At most this many changes are spelled out; the rest are counted. Default 3. */
  maxItems?: number;
}

const SLICE_NAMES: Record<string, { zh: string; en: string }> = {
  boards: { zh: '板块边界', en: 'board boundaries' },
  nodes: { zh: '节点', en: 'nodes' },
  facilities: { zh: '设施', en: 'facilities' },
  employment: { zh: '就业区', en: 'employment areas' },
  population: { zh: '人口数据', en: 'population' },
  streets: { zh: '步行路网', en: 'street network' },
};

const RENOVATION_TYPES: Record<string, { zh: string; en: string }> = {
  comprehensive: { zh: '综合整治', en: 'comprehensive renovation' },
  'demolish-rebuild': { zh: '拆改', en: 'demolition and rebuilding' },
};

/** 1200 → "+1,200", -300 → "−300" (a true minus sign). */
export function signedUnits(delta: number): string {
  const abs = formatNumber(Math.abs(delta));
  return delta > 0 ? `+${abs}` : delta < 0 ? `−${abs}` : '±0';
}

/** One change in words, e.g. "七都 2023 保障性租赁住房 +1,200" (lists of changes in the app's merge and history views). */
export function describeChange(c: ProjectChange, lang: SummaryLang, board: (id: string) => string): string {
  const zh = lang === 'zh';
  const q = (s: string) => (zh ? `「${s}」` : `“${s}”`);
  switch (c.kind) {
    case 'cell':
      return `${board(c.boardId)} ${c.year} ${HOUSING_TYPE_INFO[c.type][lang]} ${signedUnits(c.after - c.before)}`;
    case 'site': {
      const units = c.after && c.before && c.after.units !== c.before.units ? ` ${signedUnits(c.after.units - c.before.units)}` : '';
      if (c.change === 'added') return zh ? `新增地块${q(c.name)} ${formatNumber(c.after!.units)} 套` : `site ${q(c.name)} added, ${formatNumber(c.after!.units)} units`;
      if (c.change === 'removed') return zh ? `删除地块${q(c.name)}` : `site ${q(c.name)} removed`;
      return zh ? `修改地块${q(c.name)}${units}` : `site ${q(c.name)} changed${units}`;
    }
    case 'scenario':
      if (c.change === 'added') return zh ? `新建方案${q(c.name)}` : `scenario ${q(c.name)} added`;
      if (c.change === 'removed') return zh ? `删除方案${q(c.name)}` : `scenario ${q(c.name)} deleted`;
      if (c.change === 'renamed') return zh ? `方案${q(c.before!)}改名为${q(c.after!)}` : `scenario ${q(c.before!)} renamed ${q(c.after!)}`;
      return zh ? `修改方案${q(c.name)}的规则阈值` : `rule thresholds of ${q(c.name)} changed`;
    case 'item': {
      const what = SLICE_NAMES[c.slice][lang];
      const name = c.slice === 'boards' ? board(c.itemId) : (c.name ?? c.itemId);
      const verb = { added: zh ? '新增' : 'added', removed: zh ? '删除' : 'removed', changed: zh ? '修改' : 'changed' }[c.change];
      return zh ? `${verb}${what}${q(name)}` : `${what} ${q(name)} ${verb}`;
    }
    case 'dwellings':
      return zh
        ? `${board(c.boardId)} 现状住宅 ${c.before === undefined ? '假设值' : formatNumber(c.before)} → ${c.after === undefined ? '假设值' : formatNumber(c.after)} 套`
        : `${board(c.boardId)} dwellings ${c.before === undefined ? 'assumed' : formatNumber(c.before)} → ${c.after === undefined ? 'assumed' : formatNumber(c.after)}`;
    case 'renovation': {
      const [county, type, year] = c.key.split('|');
      const t = RENOVATION_TYPES[type]?.[lang] ?? type;
      return zh ? `附件1 ${county} ${year} ${t}${c.done ? '已完成' : '取消完成'}` : `附件1 ${county} ${year} ${t} ${c.done ? 'done' : 'not done'}`;
    }
    case 'slice':
      return zh ? `更新${SLICE_NAMES[c.slice]?.zh ?? c.slice}` : `${SLICE_NAMES[c.slice]?.en ?? c.slice} updated`;
  }
}

/** Item changes of one slice beyond the first are folded into "设施 +3 −1 ~2". */
function foldItems(changes: ProjectChange[], lang: SummaryLang): (ProjectChange | string)[] {
  const bySlice = new Map<string, ProjectChange[]>();
  for (const c of changes) if (c.kind === 'item') bySlice.set(c.slice, [...(bySlice.get(c.slice) ?? []), c]);
  const out: (ProjectChange | string)[] = [];
  const folded = new Set<string>();
  for (const c of changes) {
    if (c.kind !== 'item' || (bySlice.get(c.slice)?.length ?? 0) < 2) out.push(c);
    else if (!folded.has(c.slice)) {
      folded.add(c.slice);
      const list = bySlice.get(c.slice)!;
      const n = (k: string) => list.filter((x) => x.kind === 'item' && x.change === k).length;
      const parts = [n('added') && `+${n('added')}`, n('removed') && `−${n('removed')}`, n('changed') && (lang === 'zh' ? `改${n('changed')}` : `~${n('changed')}`)].filter(Boolean);
      out.push(`${SLICE_NAMES[c.slice][lang]} ${parts.join(' ')}`);
    }
  }
  return out;
}

/** The one-line summary of `changes`; "无修改" / "no changes" when there are none. */
export function summarizeChanges(changes: readonly ProjectChange[], options: SummaryOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const max = options.maxItems ?? 3;
  const board = (id: string) => options.boardName?.(id) ?? id;
  if (!changes.length) return lang === 'zh' ? '无修改' : 'no changes';
  const items = foldItems([...changes], lang).map((x) => (typeof x === 'string' ? x : describeChange(x, lang, board)));
  const shown = items.slice(0, max).join(lang === 'zh' ? '；' : '; ');
  const rest = items.length - Math.min(items.length, max);
  if (!rest) return shown;
  return lang === 'zh' ? `${shown} 等 ${items.length} 处修改` : `${shown} and ${rest} more`;
}
