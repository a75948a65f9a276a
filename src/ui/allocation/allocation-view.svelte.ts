/**
 * View state of the supply-allocation tab (which scenario is active, what the map shows,
 * comparison, the site being drawn or edited) and the live results derived from the project:
 * totals, gauges, rule warnings, comparison. Site→board assignment is cached per site.
 */
import type { Point, Polygon } from 'geojson';
import { store } from '../../state/app-store.svelte.ts';
import type { Scenario } from '../../state/scenario.ts';
import type { Problem } from '../../domain/problem.ts';
import { allocationTotals, type AllocationTotals } from '../../analysis/allocation/totals.ts';
import { targetGauges } from '../../analysis/allocation/gauges.ts';
import { ruleWarnings } from '../../analysis/allocation/rules.ts';
import { diffScenarioTotals } from '../../analysis/allocation/scenario-diff.ts';
import { active } from '../../state/active-scenario.svelte.ts';
import { planStore } from '../../state/plan-store.svelte.ts';
import { boardDifferences, boardValues, type TypeChoice, type YearChoice } from './selection.ts';
import { divergingScale, sequentialScale, type Scale } from './color-scale.ts';

class AllocationView {
  /** The active scenario's id lives in the app store, shared with other features. */
  get activeId(): string | null {
    return store.activeScenarioId;
  }
  set activeId(id: string | null) {
    store.activeScenarioId = id;
  }
  /** Type and year shown on the map and edited in the grid (the grid needs one type). */
  type = $state<TypeChoice>('commercial');
  #year = $state<YearChoice>('all');
  /** A year of another plan package (after a switch) reads as the whole period. */
  get year(): YearChoice {
    return this.#year === 'all' || planStore.years.includes(this.#year) ? this.#year : 'all';
  }
  set year(y: YearChoice) {
    this.#year = y;
  }
  mode = $state<'allocate' | 'diff'>('allocate');
  diffA = $state<string | null>(null);
  diffB = $state<string | null>(null);
  selectedSiteId = $state<string | null>(null);
  /** A drawn geometry waiting for its units, type and year. */
  pending = $state.raw<Point | Polygon | null>(null);
  /** Why the last grid entry or pasted block was refused (empty when it was taken). */
  gridProblems = $state.raw<Problem[]>([]);
  /** A line about the last paste (taken, or refused as a whole). */
  gridNote = $state<string | null>(null);

  scenario: Scenario = $derived(active.scenario);
  siteBoards = $derived(active.siteBoards);
  totals: AllocationTotals = $derived(allocationTotals(this.scenario, store.project.boards, this.siteBoards));
  gauges = $derived(targetGauges(this.totals, planStore.plan.targets.targets, this.scenario.ruleSettings));
  rules = $derived(ruleWarnings(this.totals, store.project.boards, planStore.plan.rules.rules, this.scenario.ruleSettings, store.project.employment));

  /** The two scenarios compared: B defaults to the active one, A to another (B − A: what B changes). */
  pairB: Scenario = $derived(store.project.scenarios.find((s) => s.id === this.diffB) ?? this.scenario);
  pairA: Scenario = $derived(store.project.scenarios.find((s) => s.id === this.diffA) ?? store.project.scenarios.find((s) => s.id !== this.pairB.id) ?? this.pairB);
  totalsA = $derived(this.pairA === this.scenario ? this.totals : allocationTotals(this.pairA, store.project.boards, active.siteBoardsFor(this.pairA)));
  totalsB = $derived(this.pairB === this.scenario ? this.totals : allocationTotals(this.pairB, store.project.boards, active.siteBoardsFor(this.pairB)));
  diff = $derived(diffScenarioTotals(this.totalsA, this.totalsB));

  #liveScale = $derived(
    this.mode === 'diff'
      ? divergingScale(boardDifferences(this.totalsA, this.totalsB, this.type, this.year))
      : sequentialScale(boardValues(this.totals, this.type, this.year)),
  );
  #heldScale = $state.raw<Scale | null>(null);
  #release: ReturnType<typeof setTimeout> | undefined;

  /**
   * The map's colours and legend for the current mode. While values are being typed into the
   * grid they stay as they were until entries pause (holdMap), so a commit never waits for the
   * map to repaint (hundreds of ms per frame without a GPU); totals and gauges update at once.
   */
  get scale() {
    return this.#heldScale ?? this.#liveScale;
  }

  /** Keep the map's colours until no grid entry has come for `quietMs`. */
  holdMap(quietMs = 400): void {
    this.#heldScale ??= this.#liveScale;
    clearTimeout(this.#release);
    this.#release = setTimeout(() => (this.#heldScale = null), quietMs);
  }

  warningsOf(boardId: string) {
    return this.rules.warnings.filter((w) => w.boardId === boardId);
  }
}

export const view = new AllocationView();
