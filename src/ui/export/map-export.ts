/**
 * The map as a print-ready PNG: the live view re-rendered offscreen at paper size, with title,
 * scenario and date, legend, scale bar, north arrow, attribution and the 示意范围 note.
 */
import type { LegendItem, MapFurniture, FurnitureLayout } from '../../export/compose-map.ts';
import { drawFurniture } from '../../export/compose-map.ts';
import { renderMap } from '../../export/render-map.ts';
import { exportStyle } from '../../export/export-style.ts';
import { paperPixels, type Paper } from '../../export/paper.ts';
import { scaleBar, formatLengthM } from '../../export/scale-bar.ts';
import { dateStamp } from '../../export/download.ts';
import { ATTRIBUTION } from '../../map/base-style.ts';
import { boardsAttribution } from '../../map/boards-attribution.ts';
import { BOARD_FILL_OPACITY, CATEGORY_COLORS, STRUCTURE_COLORS, STRUCTURE_FILL_OPACITY, blendOver } from '../../map/colors.ts';
import { overlayCount, type Overlay } from '../../map/overlay.ts';
import { holdPoints } from '../../map/point-tiles.ts';
import { CATEGORIES } from '../../domain/board.ts';
import { CATEGORY_LABELS } from '../../i18n/categories.ts';
import { mapDataUrls } from '../../data/shipped-map-files.ts';
import { SOURCES } from '../../map/layer-ids.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { store } from '../../state/app-store.svelte.ts';
import { activeFeature, shownOverlays } from '../feature-registry.ts';
import { currentScenario } from '../../state/active-scenario.svelte.ts';
import { planStore } from '../../state/plan-store.svelte.ts';
import { planCaption } from '../../i18n/plan-caption.ts';

const ROLES = ['main-core', 'main-integration', 'sub-centre', 'pole'] as const;
/** CSS pixels per inch: MapLibre's sizes are CSS px, so dpi / 96 keeps them at printed size. */
const CSS_DPI = 96;
/** Before the map has reported a view (it has not loaded yet): all of Wenzhou. */
const FALLBACK_CAMERA = { center: [120.45, 27.83] as [number, number], zoom: 7.6, bearingDeg: 0, pitchDeg: 0 };

/** What a status adds to a legend heading: `（示意）`. */
export function statusMark(status: 'illustrative' | 'assumption' | undefined): string {
  return status ? i18n.t(`legend.status.${status}`) : '';
}

/** Legend items of an overlay, fills blended over the land at their opacity on the map. */
function overlayItems(o: Overlay): LegendItem[] {
  return (o.info?.legend ?? []).map((e) => ({
    color: e.swatch === 'fill' ? blendOver(e.color, e.opacity ?? 1) : e.color,
    label: e.label[i18n.lang],
    style: e.swatch,
  }));
}

/**
 * Legend sections for what the map shows now (shared by the PNG and the presentation): the
 * boards' colours (swatches blended over the land at the boards' fill opacity, so they match
 * the map), every overlay drawn with its status (示意/假设), then the city-wide structure.
 */
export function legendSections(): { heading: string; items: LegendItem[] }[] {
  const t = i18n.t;
  const sections: { heading: string; items: LegendItem[] }[] = [];
  const boards = store.project.boards.features;
  const active = activeFeature(store.tab);
  const colours = active.boardColors?.() ?? null;
  const visible = store.mapVisible;
  const boardFill = (c: string) => blendOver(c, BOARD_FILL_OPACITY);
  if (visible.boards) {
    if (colours) {
      const entries = active.boardLegend?.() ?? [];
      const heading = active.boardLegendTitle?.() ?? t('map.colouredBy', { feature: active.label[i18n.lang] });
      sections.push({ heading, items: entries.map((e) => ({ color: boardFill(e.color), label: e.label[i18n.lang], style: 'fill' })) });
    } else {
      sections.push({
        heading: t('legend.categories'),
        items: CATEGORIES.map((c) => ({ color: boardFill(CATEGORY_COLORS[c]), label: `${CATEGORY_LABELS[i18n.lang][c]}（${boards.filter((b) => b.properties.category === c).length}）`, style: 'fill' })),
      });
    }
    if (boards.some((b) => b.properties.schematic)) sections[sections.length - 1].items.push({ color: '#777777', label: t('panel.schematic'), style: 'dashed' });
  }
  for (const o of shownOverlays(store.tab, store.hiddenOverlays)) {
    if (o.info && overlayCount(o) > 0) sections.push({ heading: o.info.title[i18n.lang] + statusMark(o.info.status), items: overlayItems(o) });
  }
  if (visible.structure) {
    const items: LegendItem[] = ROLES.map((r) => ({ color: blendOver(STRUCTURE_COLORS[r], STRUCTURE_FILL_OPACITY), label: t(`structure.${r}`), style: 'fill' }));
    if (visible.nodes && store.project.nodes.length > 0) items.push({ color: STRUCTURE_COLORS.node, label: t('layers.nodes'), style: 'dot' });
    sections.push({ heading: t('legend.structure'), items });
  }
  return sections;
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

/** Title lines shared by the PNG and the report. */
export function titleLines(now: Date): { title: string; subtitle: string[] } {
  const scenario = currentScenario();
  return {
    title: i18n.t('map.title'),
    subtitle: [...(scenario ? [i18n.t('map.scenario', { name: scenario.name })] : []), i18n.t('map.date', { date: dateStamp(now) })],
  };
}

/** The size of the live map in CSS px (the export contains this view). */
function liveSize(): { width: number; height: number } {
  const el = document.querySelector<HTMLElement>('[data-testid="map"]');
  return { width: el?.clientWidth || 1000, height: el?.clientHeight || 700 };
}

export interface MapImage {
  canvas: HTMLCanvasElement;
  layout: FurnitureLayout;
}

/** Render the current map at paper size and resolution, with its furniture. */
export async function composeMapImage(paper: Paper, dpi: number, now: Date): Promise<MapImage> {
  const { widthPx, heightPx, pxPerMm } = paperPixels(paper, dpi);
  const active = activeFeature(store.tab);
  const overlays = shownOverlays(store.tab, store.hiddenOverlays);
  // The furniture says what is drawn: read with the map's content, not after the render (the tab may change meanwhile).
  const { title, subtitle } = titleLines(now);
  const schematic = store.project.boards.features.some((b) => b.properties.schematic);
  const legend = legendSections();
  const attribution = [
    `${i18n.t('map.attribution')}：${stripTags(ATTRIBUTION.land)}；${stripTags(ATTRIBUTION.counties)}；${boardsAttribution(store.project.boards.features)[i18n.lang]}`,
    i18n.t('map.plan', { plan: planCaption(planStore.plan, i18n.lang) }),
  ];
  // The tiled points drawn stay in the tile worker until the render is over, whatever the live map does meanwhile.
  const hold = holdPoints();
  let rendered: Awaited<ReturnType<typeof renderMap>>;
  try {
    const style = exportStyle({ boards: store.project.boards, shipped: { ...mapDataUrls, [SOURCES.structure]: planStore.structure }, nodes: store.project.nodes, lang: i18n.lang, visible: store.mapVisible, overlays, hold });
    rendered = await renderMap({
      style,
      camera: store.camera ?? FALLBACK_CAMERA,
      liveSizeCssPx: liveSize(),
      widthPx,
      heightPx,
      pixelRatio: dpi / CSS_DPI,
      boardColors: active.boardColors?.() ?? null,
    });
    // A layer changed while drawn (a drag, an undo): its tiles may show part old, part new, or nothing. Refuse.
    const changed = hold.changed().map((id) => overlays.find((o) => o.id === id)?.info?.title[i18n.lang] ?? id);
    if (changed.length > 0) throw new Error(i18n.t('export.layerChanged', { layers: [...new Set(changed)].join(i18n.lang === 'zh' ? '、' : ', ') }));
  } finally {
    hold.release();
  }
  const bar = scaleBar(rendered.metresPerPx, 40 * pxPerMm);
  const ctx = rendered.canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  const furniture: MapFurniture = {
    title,
    subtitle,
    schematicNote: schematic ? i18n.t('map.schematic') : null,
    legendTitle: i18n.t('map.legend'),
    legend,
    scale: { lengthPx: bar.lengthPx, label: formatLengthM(bar.lengthM) },
    bearingDeg: rendered.bearingDeg,
    northLabel: i18n.t('map.north'),
    attribution,
  };
  const layout = drawFurniture(ctx, widthPx, heightPx, pxPerMm, furniture);
  return { canvas: rendered.canvas, layout };
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
