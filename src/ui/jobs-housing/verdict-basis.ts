/**
 * What the job–housing figures rest on, in words, for every place a verdict is shown or
 * exported: how many employment areas and whether they are illustrative, and how jobs are
 * counted. The verdicts come from these parks only, so the words stand beside the verdict.
 */
import { store } from '../../state/app-store.svelte.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { jh } from './jh-store.svelte.ts';

/** Employment areas and how many of them are illustrative. */
export function parkCounts(): { n: number; illustrative: number } {
  const parks = store.project.employment.features;
  return { n: parks.length, illustrative: parks.filter((f) => f.properties.illustrative).length };
}

/** `6 个示意就业区（…）` / `6 个导入的就业区` / `7 个就业区，其中 6 个为示意`. */
export function parksText(): string {
  const { n, illustrative } = parkCounts();
  if (illustrative === n) return i18n.t('jh.verdictBasis.parks.illustrative', { n });
  if (illustrative === 0) return i18n.t('jh.verdictBasis.parks.real', { n });
  return i18n.t('jh.verdictBasis.parks.mixed', { n, k: illustrative });
}

/** `依据 6 个示意就业区（…）；同一岗位计入…`: said beside every verdict. */
export function verdictBasis(): string {
  return i18n.t('jh.verdictBasis', { parks: parksText(), counting: i18n.t(`jh.counting.explain.${jh.jobCounting}`) });
}
