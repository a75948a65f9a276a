/**
 * A rule warning in words (board, number, threshold, rule), shared by the tab's warning list,
 * the printed report and the exported notes, so they never say it differently.
 */
import type { RuleThresholdKey } from '../../domain/rule-settings.ts';
import type { RuleWarning } from '../../analysis/allocation/rules.ts';
import type { BoardCollection } from '../../domain/board.ts';
import { formatCitation } from '../../domain/citation.ts';
import { planStore } from '../../state/plan-store.svelte.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { formatNumber } from '../../i18n/format.ts';
import { boardName } from './names.ts';

/** The measured value with its unit: `12,000 套`, `3.4 km`, `62.5%`. */
export function warningValue(w: RuleWarning): string {
  return w.measure === 'commercialUnits' ? `${formatNumber(w.value)} ${i18n.t('alloc.units')}` : w.measure === 'distanceToEmploymentKm' ? `${w.value.toFixed(1)} km` : `${w.value.toFixed(1)}%`;
}

/** A threshold with its unit. */
export function thresholdText(key: RuleThresholdKey, v: number): string {
  const unit = planStore.plan.rules.defaults[key]?.unit ?? '';
  return unit === '套' ? `${formatNumber(v)} ${i18n.t('alloc.units')}` : `${v} ${unit}`;
}

export function ruleName(id: RuleWarning['ruleId']): string {
  const r = planStore.plan.rules.rules.find((x) => x.id === id);
  return r ? (i18n.lang === 'zh' ? r.name : r.nameEn) : id;
}

/** What the warning says about the board: `七都：商品住房 12,000 套，超过 …`. */
export function warningSentence(w: RuleWarning, boards: BoardCollection): string {
  return i18n.t(`alloc.warn.${w.measure}`, { board: boardName(boards, w.boardId, i18n.lang), value: warningValue(w), threshold: thresholdText(w.thresholdKey, w.threshold) });
}

/** The whole warning on one line, for print and files: rule, sentence, the plan's words and where they stand. */
export function warningLine(w: RuleWarning, boards: BoardCollection): string {
  const colon = i18n.lang === 'zh' ? '：' : ': ';
  return `${ruleName(w.ruleId)}${colon}${warningSentence(w, boards)} “${w.quote}”（${formatCitation(w.cite, i18n.lang)}）`;
}
