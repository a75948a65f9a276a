/**
 * The features the app runs with, handed in once by the entry point (src/main.ts registers
 * src/ui/features.ts before the first render). Shell code reads them here instead of importing
 * the feature list, so no feature module imports the registry's contents back: this module is a
 * leaf that imports types only. Read inside `$derived`/templates: the figures are reactive.
 */
import type { BoardFigure } from '../domain/board-figure.ts';
import type { Overlay } from '../map/overlay.ts';
import type { Chapter, ExportContext, Feature } from './feature.ts';

let registered: readonly Feature[] | null = null;

/** Set the app's features, in tab order (called once, by src/main.ts). */
export function registerFeatures(features: readonly Feature[]): void {
  registered = features;
}

/** The registered features; throws when read before `registerFeatures` (a programmer error). */
export function features(): readonly Feature[] {
  if (!registered) throw new Error('features() read before registerFeatures() (src/main.ts)');
  return registered;
}

/** Features that have a sidebar tab, in tab order. */
export function tabbedFeatures(list: readonly Feature[] = features()): Feature[] {
  return list.filter((f) => f.Sidebar);
}

/** Figures per board, in feature order, then each feature's order. */
export function allFigures(list: readonly Feature[] = features()): BoardFigure[] {
  return list.flatMap((f) => f.boardFigures?.() ?? []);
}

/** Chapters in feature order: the plan's first, then coverage, job–housing, allocation … */
export function allChapters(list: readonly Feature[] = features()): Chapter[] {
  return list.flatMap((f) => f.chapters?.() ?? []);
}

/** The feature whose tab is open (features with a sidebar; the first when `tab` is unknown). */
export function activeFeature(tab: string, list: readonly Feature[] = features()): Feature {
  const tabbed = tabbedFeatures(list);
  return tabbed.find((f) => f.id === tab) ?? tabbed[0] ?? list[0];
}

/** What the map draws with `tab` open: every feature's global overlays, then the tab's own. */
export function mapOverlays(tab: string, list: readonly Feature[] = features()): Overlay[] {
  return [...list.flatMap((f) => f.globalOverlays?.() ?? []), ...(activeFeature(tab, list).overlays?.() ?? [])];
}

/**
 * `mapOverlays` split into those drawn and those hidden in the layer list (an overlay drawn
 * `toggleWith` another follows it); the map keeps the hidden ones it has, not drawn.
 */
export function overlaysByShown(tab: string, hidden: readonly string[], list: readonly Feature[] = features()): { shown: Overlay[]; hidden: Overlay[] } {
  const off = new Set(hidden);
  const split: { shown: Overlay[]; hidden: Overlay[] } = { shown: [], hidden: [] };
  for (const o of mapOverlays(tab, list)) (off.has(o.id) || (o.toggleWith && off.has(o.toggleWith)) ? split.hidden : split.shown).push(o);
  return split;
}

/** `mapOverlays` less those hidden in the layer list. */
export const shownOverlays = (tab: string, hidden: readonly string[], list: readonly Feature[] = features()): Overlay[] => overlaysByShown(tab, hidden, list).shown;

/**
 * Wait until every feature's board figures are computed; `onWait` names each feature it waits
 * for (for a progress line). Rejects with the first feature that fails.
 */
export async function prepareAllFigures(onWait?: (f: Feature) => void, list: readonly Feature[] = features()): Promise<void> {
  for (const f of list) {
    if (!f.prepareFigures) continue;
    onWait?.(f);
    await f.prepareFigures();
  }
}

/** Every feature's export context, in feature order (features without one are left out). */
export function exportContexts(list: readonly Feature[] = features()): (ExportContext & { feature: Feature })[] {
  return list.flatMap((f) => (f.exportContext ? [{ ...f.exportContext(), feature: f }] : []));
}
