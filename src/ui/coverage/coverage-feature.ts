/**
 * The life-circle coverage feature (README: What it does → Life circles) as registered in src/ui/features.ts: sidebar tab,
 * board-panel section, map layers, draggable facilities, figures per board, a presentation chapter.
 */
import type { Chapter, Feature } from '../feature.ts';
import type { BoardFigure } from '../../domain/board-figure.ts';
import { store } from '../../state/app-store.svelte.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { bboxOf } from '../../geo/measure.ts';
import { COVERAGE_TIERS } from '../../analysis/coverage/tier-figures.ts';
import { coverage } from './coverage-store.svelte.ts';
import { COVERAGE_LAYERS, GAP_COLOR, SHARE_RAMP, coverageOverlays, shareColor } from './coverage-overlays.ts';
import { lazy } from '../lazy.ts';
import { TILED_MIN_FACILITIES, facilityTiles } from './facility-tiles.ts';

/** Many facilities are drawn from vector tiles made in a worker (the GeoJSON collection is not built then). */
const manyFacilities = () => store.project.facilities.length >= TILED_MIN_FACILITIES;

// The tab, its board section and its caption load on first use (lazy.ts).
const CoverageSidebar = lazy(() => import('./CoverageSidebar.svelte'));
const CoverageBoardSection = lazy(() => import('./CoverageBoardSection.svelte'));
const CoverageCaption = lazy(() => import('./CoverageCaption.svelte'));

const TIER_LABEL = {
  '15-min': { zh: '15分钟生活圈', en: '15-minute circle' },
  '10-min': { zh: '10分钟生活圈', en: '10-minute circle' },
  '5-min': { zh: '5分钟生活圈', en: '5-minute circle' },
} as const;

const ILLUSTRATIVE_NOTE = { zh: '示意数据，非真实设施', en: 'illustrative data, not real facilities' };
const UNIFORM_NOTE = { zh: '居民按板块均匀分布（假设）', en: 'residents uniform per board (assumption)' };

function figures(): BoardFigure[] {
  // With no facilities loaded there is nothing to measure: show "—", not a 0 % that reads as a finding.
  if (store.project.facilities.length === 0) return COVERAGE_TIERS.flatMap((t) => [areaFigure(t, () => null), residentsFigure(t, () => null)]);
  // Made-up facilities and the uniform-residents assumption say so in every export (BoardFigure.status).
  const made: Pick<BoardFigure, 'note' | 'status'> = coverage.illustrative ? { note: ILLUSTRATIVE_NOTE, status: 'illustrative' } : {};
  const uniform = store.project.population.kind === 'uniform';
  const residents: Pick<BoardFigure, 'note' | 'status'> = coverage.illustrative
    ? { status: 'illustrative', note: uniform ? { zh: `${ILLUSTRATIVE_NOTE.zh}；${UNIFORM_NOTE.zh}`, en: `${ILLUSTRATIVE_NOTE.en}; ${UNIFORM_NOTE.en}` } : ILLUSTRATIVE_NOTE }
    : uniform ? { note: UNIFORM_NOTE, status: 'assumption' } : {};
  return COVERAGE_TIERS.flatMap((t): BoardFigure[] => [
    { ...areaFigure(t, (id) => coverage.figures(id, t)?.areaShare ?? null), ...made },
    { ...residentsFigure(t, (id) => coverage.figures(id, t)?.populationShare ?? null), ...residents },
  ]);
}

type Tier = (typeof COVERAGE_TIERS)[number];

function areaFigure(t: Tier, value: BoardFigure['value']): BoardFigure {
  return { id: `coverage-area-${t}`, label: { zh: `${TIER_LABEL[t].zh}覆盖面积比例`, en: `${TIER_LABEL[t].en}: area in reach` }, unit: { zh: '%', en: '%' }, percent: true, value };
}

function residentsFigure(t: Tier, value: BoardFigure['value']): BoardFigure {
  return { id: `coverage-residents-${t}`, label: { zh: `${TIER_LABEL[t].zh}覆盖居民比例`, en: `${TIER_LABEL[t].en}: residents in reach` }, unit: { zh: '%', en: '%' }, percent: true, value };
}

function chapters(): Chapter[] {
  const central = store.project.boards.features.filter((b) => b.properties.id !== 'dongtou-island' && b.properties.id !== 'tengqiao-zeya');
  const boxes = central.map((b) => bboxOf(b.geometry));
  const bbox: [number, number, number, number] = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
  return [{ id: 'coverage-gaps', title: { zh: '生活圈覆盖与缺口', en: 'Life-circle coverage and its gaps' }, bbox, tab: 'coverage', Caption: CoverageCaption }];
}

export const coverageFeature: Feature = {
  id: 'coverage',
  label: { zh: '生活圈', en: 'Life circles' },
  Sidebar: CoverageSidebar,
  BoardSection: CoverageBoardSection,
  overlays: () =>
    coverageOverlays(
      { gaps: coverage.gaps, overClaim: coverage.overClaimFc, rings: coverage.rings, selected: coverage.selectedFc, facilities: manyFacilities() ? facilityTiles(store.project.facilities) : coverage.facilitiesFc },
      { tier: coverage.tier, radiusM: coverage.tierRadii[coverage.tier], illustrative: coverage.illustrative },
    ),
  boardColors: () => {
    // No facilities, nothing measured: keep the category colours rather than a uniform "0 %".
    if (!coverage.result || store.project.facilities.length === 0) return null;
    const out: Record<string, string> = {};
    for (const b of coverage.result.boards) {
      const f = coverage.figures(b.id, coverage.tier);
      if (f) out[b.id] = shareColor(f.areaShare);
    }
    return out;
  },
  boardFigures: figures,
  prepareFigures: () => coverage.ready(),
  exportContext: () => {
    const n = store.project.facilities.length;
    const pop = store.project.population.kind;
    return {
      notes: [
        { label: i18n.t('coverage.notes'), value: n === 0 ? i18n.t('coverage.notes.none') : i18n.t(coverage.illustrative ? 'coverage.notes.illustrative' : 'coverage.notes.real', { n }) },
        { label: i18n.t('coverage.notes.residents'), value: i18n.t(pop === 'uniform' ? 'coverage.notes.residents.uniform' : pop === 'none' ? 'coverage.notes.residents.none' : 'coverage.notes.residents.imported') },
      ],
      warnings: null,
    };
  },
  boardLegend: () => [
    ...SHARE_RAMP.map((color, i) => {
      const from = (i * 100) / SHARE_RAMP.length, to = ((i + 1) * 100) / SHARE_RAMP.length;
      return { color, label: { zh: `面积覆盖 ${from}–${to}%`, en: `area in reach ${from}–${to}%` } };
    }),
    { color: GAP_COLOR, label: { zh: '服务缺口（不可达）', en: 'gap (out of reach)' } },
  ],
  mapInteraction: () => ({
    draggableLayers: [COVERAGE_LAYERS.facilities],
    onFeatureDrag: (e) => coverage.onDrag(e),
    onFeatureClick: (_layer, id) => (coverage.selectedFacilityId = id),
    picking: coverage.adding,
    onPick: (lonLat) => coverage.addAt(lonLat),
  }),
  chapters,
};
