/**
 * How many employment areas the job–housing figures rest on and whether they are illustrative,
 * in words: beside every verdict (verdict-basis.ts) and in every export's notes. Needs only the
 * project, not the job–housing store, so the feature's export notes read it from the first load.
 */
import { store } from '../../state/app-store.svelte.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';

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
