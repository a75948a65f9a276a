/**
 * The active supply scenario, shared by every feature that reads it (allocation, job–housing,
 * presentation): which scenario, where its sites fall (cached per site), and its planned units
 * per board. The id is view state in the app store (not undoable, not saved).
 */
import { store } from './app-store.svelte.ts';
import type { Scenario } from './scenario.ts';
import type { BoardCollection } from '../domain/board.ts';
import type { Site } from '../domain/allocation.ts';
import { createSiteBoardCache } from '../analysis/allocation/site-board-cache.ts';
import { assignSiteBoardsWith, type SiteBoards } from '../analysis/allocation/site-boards.ts';
import { plannedUnitsByBoard } from '../analysis/allocation/planned-units.ts';
import { loadPolygonClip, polygonClip } from '../geo/polygon-clip.ts';

/** Set once polygon clipping has loaded: what was summed without a polygon site's board is summed again. */
let clipLoaded = $state(polygonClip() !== null);

/**
 * Sites to boards on the main thread, polygon clipping loaded on first need. Whatever opens a
 * project with polygon sites loads it first (needsPolygonClip); should a polygon site come
 * before it all the same, its board is not known for that moment, the clipping is loaded, and
 * every figure that read `clipLoaded` is computed again.
 */
function assignOnMainThread(sites: readonly Site[], boards: BoardCollection): SiteBoards {
  void clipLoaded;
  const clip = polygonClip();
  const out = assignSiteBoardsWith(sites, boards, clip);
  if (!clip && sites.some((s) => !(s.id in out))) {
    void loadPolygonClip().then(
      () => (clipLoaded = true),
      (err: unknown) => console.error('[anju] polygon clipping could not be loaded', err),
    );
  }
  return out;
}

const siteBoardsOf = createSiteBoardCache(assignOnMainThread);

class ActiveScenario {
  scenario: Scenario = $derived(store.project.scenarios.find((s) => s.id === store.activeScenarioId) ?? store.project.scenarios[0]);
  /** Board id (or null) of every site of the active scenario. */
  siteBoards = $derived(siteBoardsOf(this.scenario.sites, store.project.boards));
  /** Units (套) planned per board id by the active scenario, all types and years. */
  plannedUnits = $derived(plannedUnitsByBoard(this.scenario, store.project.boards, this.siteBoards));

  /** Site boards of any scenario, through the same cache. */
  siteBoardsFor(s: Scenario): Record<string, string | null> {
    return siteBoardsOf(s.sites, store.project.boards);
  }

  /** Site boards of a scenario over other boards (another version of the project). */
  siteBoardsIn(s: Scenario, boards: BoardCollection): Record<string, string | null> {
    return siteBoardsOf(s.sites, boards);
  }

  /** Any sites (an actual-supply project's too) to boards, through the same cache. */
  assignSites(sites: readonly Site[], boards: BoardCollection): SiteBoards {
    return siteBoardsOf(sites, boards);
  }
}

export const active = new ActiveScenario();

/** The scenario the exports and the presentation speak of: the active one (null only in a project without scenarios). */
export function currentScenario(): Scenario | null {
  return active.scenario ?? null;
}
