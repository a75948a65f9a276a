/**
 * What every feature registers, gathered: figures per board (in feature order, then each
 * feature's order) and presentation chapters. Read inside `$derived`/templates: reactive.
 */
import type { BoardFigure, Chapter, Feature } from '../feature.ts';
import { FEATURES } from '../features.ts';

export function allFigures(features: readonly Feature[] = FEATURES): BoardFigure[] {
  return features.flatMap((f) => f.boardFigures?.() ?? []);
}

/** Chapters in feature order: the plan's first, then coverage, job–housing, allocation … */
export function allChapters(features: readonly Feature[] = FEATURES): Chapter[] {
  return features.flatMap((f) => f.chapters?.() ?? []);
}

/** The feature whose tab a chapter shows (the first feature when none is named). */
export function featureOfTab(tab: string | undefined, features: readonly Feature[] = FEATURES): Feature {
  return features.find((f) => f.id === tab) ?? features[0];
}

/** The feature whose tab is open (as App.svelte picks it: features with a sidebar). */
export function activeFeature(tab: string, features: readonly Feature[] = FEATURES): Feature {
  const tabbed = features.filter((f) => f.Sidebar);
  return tabbed.find((f) => f.id === tab) ?? tabbed[0] ?? features[0];
}
