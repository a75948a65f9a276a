/**
 * View state and engine results of the life-circle coverage tab. The project slices
 * (facilities, population, streets) live in the app store; this store keeps the coverage
 * worker in step with them (incremental add/remove/move when it can), streams drag moves,
 * and holds the latest results, gap cells, reach rings and network figures.
 */
import { tick, untrack } from 'svelte';
import type { FeatureCollection, Position } from 'geojson';
import { store } from '../../state/app-store.svelte.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import type { Facility, LonLat } from '../../domain/facility.ts';
import type { PopulationInput } from '../../domain/population.ts';
import type { BoardCollection } from '../../domain/board.ts';
import type { CoverageResult } from '../../analysis/coverage/types.ts';
import type { GapCells } from '../../analysis/coverage/gap-layer.ts';
import type { NetworkRun } from '../../analysis/coverage/network-runs.ts';
import { DEFAULT_GROUPS } from '../../analysis/coverage/model.ts';
import { COVERAGE_TIERS, radiiOf, tierFigures, type CoverageTier, type TierFigures, type TierRadii } from '../../analysis/coverage/tier-figures.ts';
import { illustrativeFacilities } from '../../analysis/coverage/illustrative-facilities.ts';
import { defaultResidentsByBoard } from '../../analysis/coverage/default-residents.ts';
import { gb50180 } from '../../data/gb50180.ts';
import { dwellingAssumptions } from '../../data/jobs-housing-defaults.ts';
import { addFacility, moveFacility, removeFacility, replaceFacilities, setPopulation } from '../../state/facility-changes.ts';
import type { DragGhostRing, FeatureDragEvent, OverlayData } from '../../map/overlay.ts';
import { CoverageClient, type MoveTiming } from './coverage-client.ts';
import { reachRingTiles, ringCentres } from './reach-ring-tiles.ts';
import { TIER_COLORS } from './coverage-overlays.ts';
import { facilityDiff } from './facility-diff.ts';
import { runSteps } from '../../analysis/coverage/packed-facilities.ts';
import { initPartsSteps, type InitParts } from './coverage-init-steps.ts';
import { categoryInfo, coverageBoards, defaultTierRadii, facilityCollection, residentsAssumption } from './coverage-data.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** Gap raster cell (m): edges accurate to about half a cell; shares come from the exact engine. */
export const GAP_CELL_M = 100;
/** Sample spacing (m) of the network area shares. */
export const NETWORK_SAMPLE_M = 100;
/** A tier's reach rings are drawn up to this many facilities; beyond, only the selected one's (the gap layer shows reach). */
export const MAX_TIER_RINGS = 2_000;
/** From this many facilities or population points, the worker's init is packed in slices of time (pack-facilities-sliced.ts). */
const PACK_IN_SLICES_FROM = 5_000;

const newWorker = () => new Worker(new URL('../../workers/coverage.worker.ts', import.meta.url), { type: 'module' });

class CoverageStore {
  tierRadii = $state<TierRadii>(defaultTierRadii());
  /** Walking speed (m/min) converting minutes ↔ metres: an assumption of gb50180.json, not of the standard. */
  metresPerMinute = $state(gb50180.walkingSpeed.metresPerMinute);
  /** Tier shown on the map (gaps, rings) and in the board table. */
  tier = $state<CoverageTier>('10-min');
  selectedFacilityId = $state<string | null>(null);
  adding = $state(false);
  addCategory = $state('kindergarten');
  personsPerDwelling = $state(residentsAssumption.personsPerDwelling);

  result = $state.raw<CoverageResult | null>(null);
  /** The map tier's gap cells, packed (drawn through gap-tiles.ts). */
  gaps = $state.raw<GapCells | null>(null);
  network = $state.raw<NetworkRun[] | null>(null);
  networkBusy = $state(false);
  dragging = $state.raw<{ id: string; lonLat: LonLat } | null>(null);
  /** Worker compute time of the latest result (ms) and mouse-move → result latency of the latest drag move (ms). */
  computeMs = $state<number | null>(null);
  dragLatencyMs = $state<number | null>(null);
  /** Median pointer-move → figures latency (ms) over the latest drag's moves. */
  dragLatencyMedianMs = $state<number | null>(null);
  /** Medians of where the latest drag's moves spent their time (coverage-client.ts MoveTiming), for the timing line's data attributes. */
  dragTimingMedians = $state.raw<MoveTiming | null>(null);
  #dragTimings: MoveTiming[] = [];
  error = $state<string | null>(null);

  radiiM = $derived(radiiOf(this.tierRadii));
  facilitiesFc = $derived(facilityCollection(store.project.facilities, i18n.lang));
  illustrative = $derived(store.project.facilities.some((f) => f.illustrative));
  selectedFacility = $derived(this.selectedFacilityId === null ? null : (store.project.facilities.find((f) => f.id === this.selectedFacilityId) ?? null));
  /** The selected facility's halo (hidden while dragging: the ghost shows where it is). */
  selectedFc = $derived<FeatureCollection>(
    this.selectedFacility && !this.dragging ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: this.selectedFacility.id }, geometry: { type: 'Point', coordinates: this.selectedFacility.lonLat } }] } : EMPTY,
  );
  /** The id of the facility being dragged (changes once per drag, not per pointer move). */
  #draggingId = $derived(this.dragging?.id ?? null);
  /** The reach rings drawn (tiles the tile worker draws: reach-ring-tiles.ts), without the dragged facility's until the drop. */
  ringsShown = $derived<OverlayData>(
    reachRingTiles({ facilities: store.project.facilities, tier: this.tier, radiiM: this.tierRadii, selected: this.selectedFacility, hiddenId: this.#draggingId, maxRings: MAX_TIER_RINGS }),
  );
  /** Over-claim sample points of the map tier (straight line covers, streets do not). */
  overClaimFc = $derived<FeatureCollection>(this.network?.find((n) => n.group === this.tier)?.coverage.overClaim ?? EMPTY);

  #client: CoverageClient | null = null;
  #networkClient: CoverageClient | null = null;
  #synced: { boards: BoardCollection; population: PopulationInput; radiiKey: string; facilities: readonly Facility[] } | null = null;
  #layersDirty = false;
  #layersInFlight = false;
  /** A large layer being packed for the worker's init in slices of time (ready() waits for it); its number, so a newer init supersedes it. */
  #packing: Promise<void> | null = null;
  #packSeq = 0;
  /** The latest network request's number: one prepared after it supersedes it. */
  #networkSeq = 0;

  /** Figures of one board and tier at the tier's radius; null before the first result. */
  figures(boardId: string, tier: CoverageTier): TierFigures | null {
    if (!this.result) return null;
    const f = tierFigures(this.result, this.network, boardId, tier, this.tierRadii[tier]);
    // Under the uniform assumption residents follow area, along streets too.
    if (f?.network && this.result.populationModel === 'uniform-assumption') f.network.populationShare = f.network.areaShare;
    return f;
  }

  /** Minutes of walking for a distance at the current speed. */
  minutesFor(distanceM: number): number {
    return distanceM / this.metresPerMinute;
  }

  /**
   * Resolves once the figures follow the current facilities, population and radii (no request
   * still waiting for the worker); exports and print wait for it. Rejects with a worker error.
   */
  async ready(): Promise<void> {
    await tick(); // let the sync effect post a request for what changed just now
    if (store.project.facilities.length === 0) return;
    while (this.#packing) await this.#packing;
    await this.#ensureClient().whenIdle();
    if (this.error) throw new Error(this.error);
  }

  /** Something shows coverage (the tab, a board section, a chapter): the worker is needed even without facilities. */
  #wanted = $state(false);

  /** Called by what shows coverage figures; starts the worker if it is not running yet. */
  use(): void {
    this.#wanted = true;
  }

  start(): void {
    $effect.root(() => {
      $effect(() => {
        const boards = store.project.boards;
        const population = store.project.population;
        const facilities = store.project.facilities;
        const radii = this.radiiM;
        // The worker starts on first use: facilities to measure, or a view of the figures.
        if (!this.#client && !this.#wanted && facilities.length === 0) return;
        untrack(() => this.#sync(boards, population, facilities, radii));
      });
      $effect(() => {
        // Gaps follow the tier and its radius (the rings follow the selection themselves: ringsShown).
        void this.tier;
        void this.tierRadii[this.tier];
        untrack(() => {
          this.#layersDirty = true;
          this.#refreshLayers();
        });
      });
      $effect(() => {
        const streets = store.project.streets;
        const input = { boards: store.project.boards, facilities: store.project.facilities, population: store.project.population, radii: { ...this.tierRadii } };
        if (!streets) {
          this.network = null;
          return;
        }
        if (this.dragging) return; // figures along streets refresh after the drop
        const timer = setTimeout(() => untrack(() => this.#runNetwork(streets, input)), 200);
        return () => clearTimeout(timer);
      });
    });
  }

  #ensureClient(): CoverageClient {
    if (this.#client) return this.#client;
    const c = new CoverageClient(newWorker);
    c.onResult = (update, move) => {
      this.result = update.result;
      this.computeMs = update.computeMs;
      if (move !== null) {
        this.dragLatencyMs = move.latencyMs;
        this.#dragTimings.push(move);
        const median = (k: keyof MoveTiming) => {
          const sorted = this.#dragTimings.map((t) => t[k]).sort((a, b) => a - b);
          return sorted[Math.floor(sorted.length / 2)];
        };
        this.dragLatencyMedianMs = median('latencyMs');
        this.dragTimingMedians = { latencyMs: median('latencyMs'), frameWaitMs: median('frameWaitMs'), roundTripMs: median('roundTripMs'), computeMs: median('computeMs'), toWorkerMs: median('toWorkerMs'), backMs: median('backMs') };
      }
      this.#layersDirty = true;
      this.#refreshLayers();
    };
    c.onError = (message, crashed) => {
      this.error = message;
      // The worker's session died with it: the next project change sends everything afresh.
      if (crashed) this.#synced = null;
    };
    this.#client = c;
    return c;
  }

  #sync(boards: BoardCollection, population: PopulationInput, facilities: readonly Facility[], radiiM: number[]): void {
    const client = this.#ensureClient();
    const radiiKey = radiiM.join(',');
    const prev = this.#synced;
    this.#synced = { boards, population, radiiKey, facilities };
    const init = () => {
      const seq = ++this.#packSeq;
      const post = (parts: InitParts) =>
        void client.call('init', { boards: coverageBoards(boards), facilities: parts.facilities, population: parts.population, radiiM, groups: DEFAULT_GROUPS }, undefined, parts.transfer);
      const points = population.kind === 'points' ? population.points.length : 0;
      if (facilities.length < PACK_IN_SLICES_FROM && points < PACK_IN_SLICES_FROM) {
        this.#packing = null;
        post(runSteps(initPartsSteps(facilities, population)));
        return;
      }
      // A large layer (an import of 300,000 facilities or 100,000 points) is packed between frames; a newer init supersedes it.
      const packing: Promise<void> = import('./pack-facilities-sliced.ts')
        .then((m) => m.runStepsSliced(initPartsSteps(facilities, population), m.timeSlicer()))
        .catch(() => runSteps(initPartsSteps(facilities, population))) // the module did not load: pack at once, as before
        .then((parts) => {
          if (seq === this.#packSeq) post(parts);
          if (this.#packing === packing) this.#packing = null;
        });
      this.#packing = packing;
    };
    // While a layer is still being packed for init, the worker has not got it: every change re-inits.
    if (!prev || this.#packing || prev.boards !== boards || prev.population !== population || prev.radiiKey !== radiiKey) {
      init();
      return;
    }
    const d = facilityDiff(prev.facilities, facilities);
    if (d.kind === 'add') void client.call('add', { facility: d.facility });
    else if (d.kind === 'remove') void client.call('remove', { facilityId: d.id });
    else if (d.kind === 'move') void client.call('move', { facilityId: d.id, lonLat: d.lonLat });
    else if (d.kind === 'reset') init();
    if (this.selectedFacilityId && !facilities.some((f) => f.id === this.selectedFacilityId)) this.selectedFacilityId = null;
  }

  /**
   * Gap cells for the map tier, one request at a time, never ahead of a pending drag
   * move and not at all while a facility is dragged: the gap grid over every board takes ~150 ms in
   * the worker (its boxes go on to the tile worker, transferred: gap-tiles.ts), and a request sent between two moves held the next
   * move's figures back by as long (drag feedback 343–403 ms at load 14–20; README Speed). They follow
   * the drop. (The reach rings are drawn by the tile worker from their centres: `ringsShown`.)
   */
  #refreshLayers(): void {
    const client = this.#client;
    if (!client || this.#layersInFlight || !this.#layersDirty || client.moveBusy || this.dragging || !this.result) return;
    this.#layersDirty = false;
    this.#layersInFlight = true;
    const tier = this.tier;
    void client.call('gaps', { group: tier, radiusM: this.tierRadii[tier], cellSizeM: GAP_CELL_M }).then((g) => {
      if (g) this.gaps = g;
      this.#layersInFlight = false;
      this.#refreshLayers();
    });
  }

  #runNetwork(streets: NonNullable<typeof store.project.streets>, input: { boards: BoardCollection; facilities: Facility[]; population: PopulationInput; radii: TierRadii }): void {
    if (!this.#networkClient) {
      this.#networkClient = new CoverageClient(newWorker);
      this.#networkClient.onError = (message) => (this.error = message);
    }
    const client = this.#networkClient;
    const seq = ++this.#networkSeq;
    this.networkBusy = true;
    const lines: Position[][] = streets.features.flatMap((f) => (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates));
    // Facilities and points go as the init's do (packed, transferred), in slices of time when large.
    const steps = () => initPartsSteps(input.facilities, input.population);
    const large = input.facilities.length >= PACK_IN_SLICES_FROM || (input.population.kind === 'points' && input.population.points.length >= PACK_IN_SLICES_FROM);
    const parts: Promise<InitParts> = large
      ? import('./pack-facilities-sliced.ts').then((m) => m.runStepsSliced(steps(), m.timeSlicer())).catch(() => runSteps(steps()))
      : Promise.resolve(runSteps(steps()));
    void parts
      .then((p) => {
        if (seq !== this.#networkSeq) return undefined; // a newer request is being prepared
        const population = p.population.kind === 'point-columns' ? p.population : undefined;
        return client.call(
          'network',
          { boards: coverageBoards(input.boards), facilities: p.facilities, streets: lines, runs: COVERAGE_TIERS.map((t) => ({ group: t, radiusM: input.radii[t] })), population, sampleSpacingM: NETWORK_SAMPLE_M },
          'network', // latest wins: an older network call still running is superseded
          p.transfer,
        );
      })
      .then((reply) => {
        if (reply === undefined) return; // superseded: a newer call is on its way
        this.networkBusy = false;
        if (reply) this.network = reply.runs;
      });
  }

  // ---- edits (each one undoable change to the project) ----

  loadIllustrative(): void {
    const boards = store.project.boards.features.map((f) => ({ id: f.properties.id, geometry: f.geometry }));
    store.apply(replaceFacilities(illustrativeFacilities(boards, gb50180.facilities), { zh: '载入示意设施', en: 'load illustrative facilities' }));
    this.selectedFacilityId = null;
  }

  clearFacilities(): void {
    store.apply(replaceFacilities([], { zh: '清除设施', en: 'clear facilities' }));
    this.selectedFacilityId = null;
  }

  addAt(lonLat: LonLat): void {
    const taken = new Set(store.project.facilities.map((f) => f.id));
    let n = store.project.facilities.length + 1;
    while (taken.has(`facility-${n}`)) n++;
    const id = `facility-${n}`;
    const info = categoryInfo(this.addCategory);
    store.apply(addFacility({ id, category: this.addCategory, name: info?.name ?? this.addCategory, lonLat }));
    this.selectedFacilityId = id;
  }

  deleteSelected(): void {
    if (!this.selectedFacilityId) return;
    store.apply(removeFacility(this.selectedFacilityId));
    this.selectedFacilityId = null;
  }

  /**
   * Drag events from the map: moves stream to the worker; the drop is one undoable change. On
   * `start`, the reach ring the selected facility would have (hidden until the drop) for the
   * map to draw around the dragged point.
   */
  onDrag(e: FeatureDragEvent): DragGhostRing | undefined {
    const client = this.#client;
    if (!client) return undefined;
    let ring: DragGhostRing | undefined;
    if (e.phase === 'start') {
      this.selectedFacilityId = e.featureId;
      this.#dragTimings = [];
      const f = this.selectedFacility;
      if (f) {
        const { radiusM, tier } = ringCentres({ facilities: [], tier: this.tier, radiiM: this.tierRadii, selected: f, hiddenId: null, maxRings: MAX_TIER_RINGS });
        ring = { radiusM, color: TIER_COLORS[tier] };
      }
    }
    if (e.phase === 'end') {
      client.cancelQueuedMove();
      this.dragging = null;
      store.apply(moveFacility(e.featureId, e.lonLat));
      this.#layersDirty = true; // gaps were held during the drag
      return undefined;
    }
    this.dragging = { id: e.featureId, lonLat: e.lonLat };
    client.queueMove(e.featureId, e.lonLat);
    return ring;
  }

  useUniformPopulation(): void {
    const p = store.project;
    const residentsByBoard = defaultResidentsByBoard(p.boards, dwellingAssumptions, p.dwellings, this.personsPerDwelling, residentsAssumption.residentsRoundTo);
    store.apply(setPopulation({ kind: 'uniform', residentsByBoard, assumption: true }, { zh: '居民按板块均匀分布（假设）', en: 'residents uniform per board (assumption)' }));
  }

  clearPopulation(): void {
    store.apply(setPopulation({ kind: 'none' }, { zh: '不计居民', en: 'no population' }));
  }
}

export const coverage = new CoverageStore();
if (typeof window !== 'undefined' && typeof Worker !== 'undefined') coverage.start();
