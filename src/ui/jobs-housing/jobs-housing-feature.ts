/**
 * The job–housing balance tab (职住平衡; README: What it does → Job–housing balance) as a feature of the app shell: sidebar, board
 * panel section, overlays (employment areas, their labels, catchment rings), the choropleth of
 * the verdict or ratio, figures per board and one presentation chapter.
 */
import type { Chapter, Feature } from '../feature.ts';
import type { BoardFigure } from '../../domain/board-figure.ts';
import { store } from '../../state/app-store.svelte.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { bboxOf } from '../../geo/measure.ts';
import { setParkGeometry } from '../../state/jobs-housing-changes.ts';
import { jh, BAND } from './jh-store.svelte.ts';
import { COLOR_BY, VERDICT_COLORS, ratioColor, ratioClasses } from './jh-colors.ts';
import { JOB_COUNTINGS } from '../../analysis/jobs-housing/index.ts';
import { jobsHousingStandards } from '../../data/jobs-housing-defaults.ts';
import { bilingual } from '../../i18n/messages/index.ts';
import type { ExportContext, LegendEntry } from '../feature.ts';
import { catchmentOverlay, employmentLabelsOverlay, employmentOverlay } from './jh-overlays.ts';
import { employmentLabel } from './jh-text.ts';
import { parkCounts, parksText } from './verdict-basis.ts';
import { lazy } from '../lazy.ts';

// The tab, its board section and its caption load on first use (lazy.ts).
const JobsHousingSidebar = lazy(() => import('./JobsHousingSidebar.svelte'));
const JhBoardSection = lazy(() => import('./JhBoardSection.svelte'));
const JhChapterCaption = lazy(() => import('./JhChapterCaption.svelte'));

export const JOBS_HOUSING_TAB = 'jobs-housing';

function boardColors(): Record<string, string> | null {
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
function boardLegend(): LegendEntry[] {
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

function boardFigures(): BoardFigure[] {
  const parks = parkCounts();
  // Figures from jobs: illustrative while any employment area is (the shipped six all are).
  const jobs: Pick<BoardFigure, 'note' | 'status'> = parks.illustrative > 0 ? { status: 'illustrative', note: bilingual('jh.figureNote.parks') } : {};
  const assumed = Object.values(jh.dwellings.sourceByBoard).some((s) => s === 'assumed');
  return [
    { id: 'jh-ratio', label: { zh: '职住比', en: 'Jobs–housing ratio' }, unit: { zh: '岗位/套', en: 'jobs/dwelling' }, digits: 2, value: (id) => jh.board(id)?.jobsHousingRatio ?? null, ...jobs },
    { id: 'jh-verdict', label: { zh: '职住判定', en: 'Jobs–housing verdict' }, value: (id) => { const b = jh.board(id); return b ? i18n.t(`jh.verdict.${b.verdict}`) : null; }, ...jobs },
    { id: 'jh-jobs-in-reach', label: { zh: '可达岗位', en: 'Jobs in reach' }, unit: { zh: '个', en: 'jobs' }, value: (id) => jh.board(id)?.jobsInReach ?? null, ...jobs },
    {
      id: 'jh-dwellings',
      label: { zh: '住房套数', en: 'Dwellings' },
      unit: { zh: '套', en: 'dwellings' },
      value: (id) => jh.dwellings.byBoard[id] ?? null,
      ...(assumed ? { status: 'assumption' as const, note: bilingual('jh.figureNote.dwellings') } : {}),
    },
  ];
}

/** What exports say about the job–housing figures: radius, job counting, the parks and the dwellings. */
function exportContext(): ExportContext {
  const sources = Object.values(jh.dwellings.sourceByBoard);
  const assumed = sources.filter((s) => s === 'assumed').length;
  return {
    notes: [
      { label: i18n.t('jh.notes'), value: i18n.t('jh.notes.context', { r: jh.radiusKm, counting: i18n.t(`jh.counting.${jh.jobCounting}`), parks: parksText() }) },
      { label: i18n.t('jh.notes.dwellings'), value: assumed ? i18n.t('jh.notes.dwellings.assumed', { n: assumed, total: sources.length }) : i18n.t('jh.notes.dwellings.entered') },
    ],
    warnings: null,
  };
}

function chapters(): Chapter[] {
  const boxes = store.project.boards.features.map((b) => bboxOf(b.geometry));
  const bbox: Chapter['bbox'] = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
  return [{ id: 'job-housing-balance', title: { zh: '职住平衡', en: 'Job–housing balance' }, bbox, tab: JOBS_HOUSING_TAB, Caption: JhChapterCaption }];
}

export const jobsHousingFeature: Feature = {
  id: JOBS_HOUSING_TAB,
  label: { zh: '职住平衡', en: 'Jobs–housing' },
  Sidebar: JobsHousingSidebar,
  BoardSection: JhBoardSection,
  overlays: () => [
    catchmentOverlay(jh.rings, jh.radiusKm),
    employmentOverlay(store.project.employment, jh.selectedParkId),
    employmentLabelsOverlay(store.project.employment, (p) => employmentLabel(p, i18n.lang)),
  ],
  boardColors,
  boardLegend,
  boardFigures,
  prepareFigures: () => jh.ready(),
  // Radius, colouring and job counting in a link (defaults left out).
  viewParams: {
    read: () => ({
      ...(jh.radiusKm !== jobsHousingStandards.catchment.defaultRadiusKm ? { 'jh-r': String(jh.radiusKm) } : {}),
      ...(jh.colorBy !== 'verdict' ? { 'jh-colour': jh.colorBy } : {}),
      ...(jh.jobCounting !== 'every-board' ? { 'jh-jobs': jh.jobCounting } : {}),
    }),
    apply: (p) => {
      const r = Number(p['jh-r']);
      jh.radiusKm = Number.isFinite(r) && r > 0 && r <= 50 ? r : jobsHousingStandards.catchment.defaultRadiusKm;
      jh.colorBy = (COLOR_BY as readonly string[]).includes(p['jh-colour']) ? (p['jh-colour'] as typeof jh.colorBy) : 'verdict';
      jh.jobCounting = (JOB_COUNTINGS as readonly string[]).includes(p['jh-jobs']) ? (p['jh-jobs'] as typeof jh.jobCounting) : 'every-board';
    },
  },
  exportContext,
  chapters,
  editTarget: () => {
    const f = store.project.employment.features.find((x) => x.properties.id === jh.editingParkId);
    return f ? { id: f.properties.id, geometry: f.geometry } : null;
  },
  onEditEnd: (id, geometry) => store.apply(setParkGeometry(id, geometry)),
};
