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
import { COLOR_BY } from './jh-colors.ts';
import { JOB_COUNTINGS } from '../../analysis/jobs-housing/types.ts';
import { jobsHousingStandards } from '../../data/jobs-housing-defaults.ts';
import { bilingual } from '../../i18n/messages/index.ts';
import type { ExportContext } from '../feature.ts';
import { parkCounts, parksText } from './parks-text.ts';
import { jhView } from './jh-view.svelte.ts';
import { lazy } from '../lazy.ts';
import { lazyModule } from '../lazy-module.svelte.ts';

// The tab, its board section and its caption load on first use (lazy.ts); so do the store with
// the analysis and the hooks that read it (jh-live.ts): until they arrive nothing is computed
// yet. What links and export notes need is in jh-view.svelte.ts.
const live = lazyModule(() => import('./jh-live.ts'));
const JobsHousingSidebar = lazy(() => import('./JobsHousingSidebar.svelte'));
const JhBoardSection = lazy(() => import('./JhBoardSection.svelte'));
const JhChapterCaption = lazy(() => import('./JhChapterCaption.svelte'));

export const JOBS_HOUSING_TAB = 'jobs-housing';

/** A board's computed figures: null until the store has arrived and the first catchments are in. */
function board(id: string) {
  return live.get()?.jh.board(id) ?? null;
}

function boardFigures(): BoardFigure[] {
  const parks = parkCounts();
  // Figures from jobs: illustrative while any employment area is (the shipped six all are).
  const jobs: Pick<BoardFigure, 'note' | 'status'> = parks.illustrative > 0 ? { status: 'illustrative', note: bilingual('jh.figureNote.parks') } : {};
  const assumed = Object.values(jhView.dwellings.sourceByBoard).some((s) => s === 'assumed');
  return [
    { id: 'jh-ratio', label: { zh: '职住比', en: 'Jobs–housing ratio' }, unit: { zh: '岗位/套', en: 'jobs/dwelling' }, digits: 2, value: (id) => board(id)?.jobsHousingRatio ?? null, ...jobs },
    { id: 'jh-verdict', label: { zh: '职住判定', en: 'Jobs–housing verdict' }, value: (id) => { const b = board(id); return b ? i18n.t(`jh.verdict.${b.verdict}`) : null; }, ...jobs },
    { id: 'jh-jobs-in-reach', label: { zh: '可达岗位', en: 'Jobs in reach' }, unit: { zh: '个', en: 'jobs' }, value: (id) => board(id)?.jobsInReach ?? null, ...jobs },
    {
      id: 'jh-dwellings',
      label: { zh: '住房套数', en: 'Dwellings' },
      unit: { zh: '套', en: 'dwellings' },
      value: (id) => jhView.dwellings.byBoard[id] ?? null,
      ...(assumed ? { status: 'assumption' as const, note: bilingual('jh.figureNote.dwellings') } : {}),
    },
  ];
}

/** What exports say about the job–housing figures: radius, job counting, the parks and the dwellings. */
function exportContext(): ExportContext {
  const sources = Object.values(jhView.dwellings.sourceByBoard);
  const assumed = sources.filter((s) => s === 'assumed').length;
  return {
    notes: [
      { label: i18n.t('jh.notes'), value: i18n.t('jh.notes.context', { r: jhView.radiusKm, counting: i18n.t(`jh.counting.${jhView.jobCounting}`), parks: parksText() }) },
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
  overlays: () => live.get()?.overlays() ?? [],
  boardColors: () => live.get()?.boardColors() ?? null,
  boardLegend: () => live.get()?.boardLegend() ?? [],
  boardFigures,
  prepareFigures: async () => (await live.load()).jh.ready(),
  // Radius, colouring and job counting in a link (defaults left out).
  viewParams: {
    read: () => ({
      ...(jhView.radiusKm !== jobsHousingStandards.catchment.defaultRadiusKm ? { 'jh-r': String(jhView.radiusKm) } : {}),
      ...(jhView.colorBy !== 'verdict' ? { 'jh-colour': jhView.colorBy } : {}),
      ...(jhView.jobCounting !== 'every-board' ? { 'jh-jobs': jhView.jobCounting } : {}),
    }),
    apply: (p) => {
      const r = Number(p['jh-r']);
      jhView.radiusKm = Number.isFinite(r) && r > 0 && r <= 50 ? r : jobsHousingStandards.catchment.defaultRadiusKm;
      jhView.colorBy = (COLOR_BY as readonly string[]).includes(p['jh-colour']) ? (p['jh-colour'] as typeof jhView.colorBy) : 'verdict';
      jhView.jobCounting = (JOB_COUNTINGS as readonly string[]).includes(p['jh-jobs']) ? (p['jh-jobs'] as typeof jhView.jobCounting) : 'every-board';
    },
  },
  exportContext,
  chapters,
  editTarget: () => live.get()?.editTarget() ?? null,
  onEditEnd: (id, geometry) => store.apply(setParkGeometry(id, geometry)),
};
