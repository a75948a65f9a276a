/**
 * What the job–housing figures rest on, in words, for every place a verdict is shown or
 * exported: how many employment areas and whether they are illustrative (parks-text.ts), and how
 * jobs are counted. The verdicts come from these parks only, so the words stand beside the verdict.
 */
import { i18n } from '../../i18n/i18n.svelte.ts';
import { jhView } from './jh-view.svelte.ts';
import { parksText } from './parks-text.ts';

/** `依据 6 个示意就业区（…）；同一岗位计入…`: said beside every verdict. */
export function verdictBasis(): string {
  return i18n.t('jh.verdictBasis', { parks: parksText(), counting: i18n.t(`jh.counting.explain.${jhView.jobCounting}`) });
}
