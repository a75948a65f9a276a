/**
 * The 住房供应 (supply allocation) feature: its tab, board-panel section, map overlay of sites,
 * choropleth of allocated units (or of the difference between two scenarios), board figures
 * and a presentation chapter.
 */
import type { Feature, Chapter } from '../feature.ts';
import type { BoardFigure } from '../../domain/board-figure.ts';
import { HOUSING_TYPES, HOUSING_TYPE_INFO, isHousingType } from '../../domain/housing-type.ts';
import { planYears } from '../../data/active-plan.ts';
import { formatNumber } from '../../i18n/format.ts';
import { CENTRAL_CITY_BBOX } from '../../data/central-city-bbox.ts';
import { lazy } from '../lazy.ts';
import { view } from './allocation-view.svelte.ts';
import { dragSite } from './actions.ts';
import { planPeriodLabel } from '../../data/active-plan.ts';
import { SITE_LAYERS, SITES_OVERLAY_ID, memoSitesData, siteLegend } from './sites-overlay.ts';
import { store } from '../../state/app-store.svelte.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { mapShowsText } from './map-shows.ts';
import { warningLine } from './rule-text.ts';

const sitesData = memoSitesData();

// The tab, its board section and its caption load on first use (lazy.ts).
const AllocationSidebar = lazy(() => import('./AllocationSidebar.svelte'));
const BoardAllocation = lazy(() => import('./BoardAllocation.svelte'));
const AllocationCaption = lazy(() => import('./AllocationCaption.svelte'));

export const ALLOCATION_TAB = 'alloc';

const UNIT = { zh: '套', en: 'units' };

function unitsOf(boardId: string) {
  return view.totals.byBoard.find((b) => b.boardId === boardId);
}

export const allocationFeature: Feature = {
  id: ALLOCATION_TAB,
  label: { zh: '住房供应', en: 'Supply' },
  Sidebar: AllocationSidebar,
  // The grid shows five years of whole numbers with digit groups (e.g. 15,000) without scrolling.
  sidebarWidthPx: 400,
  BoardSection: BoardAllocation,
  overlays: () => [
    {
      id: SITES_OVERLAY_ID,
      data: sitesData(view.scenario.sites, view.selectedSiteId),
      layers: SITE_LAYERS,
      info: siteLegend(view.scenario.name),
      promoteId: 'id',
      onClick: (id) => (view.selectedSiteId = id),
      onDrag: (id, from, to) => dragSite(id, from, to),
    },
  ],
  boardColors: () => view.scale.colors,
  boardLegendTitle: mapShowsText,
  boardLegend: () =>
    view.scale.legend.map((c) => ({
      color: c.color,
      label:
        c.from === 0 && c.to === 0
          ? view.mode === 'diff' ? { zh: '无差别', en: 'no difference' } : { zh: '未分配', en: 'none allocated' }
          : { zh: `${formatNumber(c.from)} – ${formatNumber(c.to)} 套`, en: `${formatNumber(c.from)} – ${formatNumber(c.to)} units` },
    })),
  boardFigures: (): BoardFigure[] => [
    {
      id: 'alloc-units',
      label: { zh: '分配套数（合计）', en: 'Allocated units (total)' },
      unit: UNIT,
      value: (id) => unitsOf(id)?.units ?? 0,
      note: { zh: `方案：${view.scenario.name}；${planPeriodLabel()}年`, en: `Scenario: ${view.scenario.name}; ${planPeriodLabel()}` },
    },
    ...HOUSING_TYPES.map(
      (t): BoardFigure => ({
        id: `alloc-units-${t}`,
        label: { zh: `分配套数：${HOUSING_TYPE_INFO[t].zh}`, en: `Allocated units: ${HOUSING_TYPE_INFO[t].en}` },
        unit: UNIT,
        value: (id) => unitsOf(id)?.byType[t] ?? 0,
      }),
    ),
  ],
  // The housing type and year the map and grid show, and a scenario diff, in a link (defaults left out).
  viewParams: {
    read: () => ({
      ...(view.type !== 'commercial' ? { type: view.type } : {}),
      ...(view.year !== 'all' ? { year: String(view.year) } : {}),
      ...(view.mode === 'diff' ? { diff: `${view.pairA.id}:${view.pairB.id}` } : {}),
    }),
    apply: (p) => {
      view.type = p.type === 'all' || isHousingType(p.type) ? p.type : 'commercial';
      const year = planYears().find((y) => String(y) === p.year);
      view.year = year ?? 'all';
      const [a, b] = (p.diff ?? '').split(':');
      const has = (id: string | undefined) => !!id && store.project.scenarios.some((s) => s.id === id);
      if (has(a) && has(b)) [view.mode, view.diffA, view.diffB] = ['diff', a, b];
      else view.mode = 'allocate';
    },
  },
  exportContext: () => ({
    notes: [{ label: i18n.t('alloc.notes.map'), value: mapShowsText() }],
    warnings: {
      title: `${i18n.t('alloc.rules')}（${view.scenario.name}）`,
      items: view.rules.warnings.length ? view.rules.warnings.map((w) => warningLine(w, store.project.boards)) : [i18n.t('alloc.rules.none')],
    },
  }),
  chapters: (): Chapter[] => [
    {
      id: 'allocation-targets',
      title: { zh: '住房供应分配与规划目标', en: 'Allocation against the targets' },
      bbox: CENTRAL_CITY_BBOX,
      tab: ALLOCATION_TAB,
      Caption: AllocationCaption,
    },
  ],
};
