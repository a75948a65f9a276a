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
import type { ProjectState } from '../../state/project.ts';

/** One version of the whole project in a comparison, e.g. a revision of a team project. */
export interface ProjectVersion {
  /** How the version is named in the table and legend ("修订 3"). */
  label: string;
  project: ProjectState;
}

/** The scenario `id` of a version, named after the version; an empty one when the version lacks it. */
function scenarioIn(v: ProjectVersion, id: string): Scenario {
  const s = v.project.scenarios.find((x) => x.id === id);
  return s ? { ...s, name: `${v.label} · ${s.name}` } : { id, name: v.label, createdAt: '', allocations: [], sites: [], ruleSettings: v.project.scenarios[0].ruleSettings };
}

const totalsIn = (s: Scenario, v: ProjectVersion) => allocationTotals(s, v.project.boards, active.siteBoardsIn(s, v.project.boards));

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

  /**
   * Two versions of the whole project compared scenario by scenario (two revisions of a team
   * project), or null: two scenarios of this project are compared.
   */
  versions = $state.raw<{ a: ProjectVersion; b: ProjectVersion } | null>(null);
  /** The scenario compared across versions (null: the active one). */
  versionScenarioId = $state<string | null>(null);
  versionScenario: string = $derived(this.versionScenarioId ?? this.scenario.id);

  /** The two scenarios compared: B defaults to the active one, A to another (B − A: what B changes). */
  pairB: Scenario = $derived(this.versions ? scenarioIn(this.versions.b, this.versionScenario) : (store.project.scenarios.find((s) => s.id === this.diffB) ?? this.scenario));
  pairA: Scenario = $derived(
    this.versions ? scenarioIn(this.versions.a, this.versionScenario) : (store.project.scenarios.find((s) => s.id === this.diffA) ?? store.project.scenarios.find((s) => s.id !== this.pairB.id) ?? this.pairB),
  );
  totalsA = $derived(this.versions ? totalsIn(this.pairA, this.versions.a) : this.pairA === this.scenario ? this.totals : allocationTotals(this.pairA, store.project.boards, active.siteBoardsFor(this.pairA)));
  totalsB = $derived(this.versions ? totalsIn(this.pairB, this.versions.b) : this.pairB === this.scenario ? this.totals : allocationTotals(this.pairB, store.project.boards, active.siteBoardsFor(this.pairB)));

  /** Compare two versions of the project in the diff table and on the map. */
  compareVersions(a: ProjectVersion, b: ProjectVersion): void {
    this.versions = { a, b };
    this.versionScenarioId = null;
    this.mode = 'diff';
  }

  endVersionCompare(): void {
    this.versions = null;
    this.mode = 'allocate';
  }
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
