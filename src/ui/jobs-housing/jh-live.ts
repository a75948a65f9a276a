/**
 * The job–housing feature's hooks that read its store (jh-store.svelte.ts, with the analysis):
 * loaded with the store on first use (the tab, a board section, an export), not with the first
 * screen. jobs-housing-feature.ts registers the feature and falls back to "nothing computed yet"
 * until this module has arrived.
 */
import type { LegendEntry } from '../feature.ts';
import type { Overlay } from '../../map/overlay.ts';
import type { EditTarget } from '../../map/geometry-editor.ts';
import { store } from '../../state/app-store.svelte.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { bilingual } from '../../i18n/messages/index.ts';
import { jh, BAND } from './jh-store.svelte.ts';
import { VERDICT_COLORS, ratioColor, ratioClasses } from './jh-colors.ts';
import { catchmentOverlay, employmentLabelsOverlay, employmentOverlay } from './jh-overlays.ts';
import { employmentLabel } from './jh-text.ts';

export { jh };

export function overlays(): Overlay[] {
  return [
    catchmentOverlay(jh.rings, jh.radiusKm),
    employmentOverlay(store.project.employment, jh.selectedParkId),
    employmentLabelsOverlay(store.project.employment, (p) => employmentLabel(p, i18n.lang)),
  ];
}

export function boardColors(): Record<string, string> | null {
  const r = jh.result;
  if (!r) return null;
  return Object.fromEntries(
    r.boards.map((b) => {
      const side = jh.withPlanned ? b.withPlanned : b;
      return [b.id, jh.colorBy === 'verdict' ? VERDICT_COLORS[side.verdict] : ratioColor(side.jobsHousingRatio, BAND)];
    }),
  );
}

/** What the board colours mean, for the exported map and the presentation legend. */
export function boardLegend(): LegendEntry[] {
  if (jh.colorBy === 'verdict') {
    return (['housing-rich', 'balanced', 'jobs-rich', 'unknown'] as const).map((v) => ({
      color: VERDICT_COLORS[v],
      label: bilingual(`jh.verdict.${v}`),
    }));
  }
  return ratioClasses(BAND).map((c) => {
    const range = c.maxJobsPerDwelling === null ? `≥ ${c.minJobsPerDwelling}` : `${c.minJobsPerDwelling}–${c.maxJobsPerDwelling}`;
    return { color: c.color, label: { zh: `每套 ${range} 个岗位`, en: `${range} jobs per dwelling` } };
  });
}

export function editTarget(): EditTarget | null {
  const f = store.project.employment.features.find((x) => x.properties.id === jh.editingParkId);
  return f ? { id: f.properties.id, geometry: f.geometry } : null;
}
