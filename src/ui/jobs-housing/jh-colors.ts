/**
 * Colours of the job–housing choropleth: by verdict, or by ratio in classes built around the
 * cited balanced band (purple = housing-rich, green = balanced, orange = jobs-rich; ColorBrewer
 * PuOr with PRGn's green, distinguishable with the common colour-vision deficiencies).
 * The class edges other than the band (half its minimum, twice its maximum) are display choices.
 */
import type { BalancedBand, Verdict } from '../../analysis/jobs-housing/index.ts';

export const VERDICT_COLORS: Readonly<Record<Verdict, string>> = {
  'housing-rich': '#8073ac',
  balanced: '#5aae61',
  'jobs-rich': '#e08214',
  unknown: '#bdbdbd',
};

export const COLOR_BY = ['verdict', 'ratio'] as const;
export type ColorBy = (typeof COLOR_BY)[number];

/** One legend class of the ratio: min ≤ ratio < max (jobs per dwelling); max null = no upper edge. */
export interface RatioClass {
  minJobsPerDwelling: number;
  maxJobsPerDwelling: number | null;
  color: string;
  verdict: Exclude<Verdict, 'unknown'>;
}

/** Five classes: two housing-rich, the balanced band (both edges inclusive, as verdictFor), two jobs-rich. */
export function ratioClasses(band: BalancedBand): RatioClass[] {
  const { minJobsPerDwelling: lo, maxJobsPerDwelling: hi } = band;
  return [
    { minJobsPerDwelling: 0, maxJobsPerDwelling: lo / 2, color: '#542788', verdict: 'housing-rich' },
    { minJobsPerDwelling: lo / 2, maxJobsPerDwelling: lo, color: '#b2abd2', verdict: 'housing-rich' },
    { minJobsPerDwelling: lo, maxJobsPerDwelling: hi, color: VERDICT_COLORS.balanced, verdict: 'balanced' },
    { minJobsPerDwelling: hi, maxJobsPerDwelling: hi * 2, color: '#fdb863', verdict: 'jobs-rich' },
    { minJobsPerDwelling: hi * 2, maxJobsPerDwelling: null, color: '#b35806', verdict: 'jobs-rich' },
  ];
}

/** The class colour of a ratio (grey when unknown). The band's edges belong to the balanced class. */
export function ratioColor(ratio: number | null, band: BalancedBand): string {
  if (ratio === null || !Number.isFinite(ratio)) return VERDICT_COLORS.unknown;
  const classes = ratioClasses(band);
  if (ratio >= band.minJobsPerDwelling && ratio <= band.maxJobsPerDwelling) return classes[2].color;
  const hit = classes.find((c) => ratio >= c.minJobsPerDwelling && (c.maxJobsPerDwelling === null || ratio < c.maxJobsPerDwelling));
  return (hit ?? classes[classes.length - 1]).color;
}
