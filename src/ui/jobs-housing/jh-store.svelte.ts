/**
 * View state and live results of the job–housing tab: catchment radius, what the choropleth
 * shows, the park being edited; the worker session for catchments (recomputed when a park is
 * redrawn, the boards change or the radius changes) and, on the main thread, the arithmetic
 * over the worker's shares whenever jobs, dwellings or planned units change (microseconds).
 */
import { tick } from 'svelte';
import { store } from '../../state/app-store.svelte.ts';
import { computeJobsHousing, commuteBoundsForBoards, balancedBand, type CatchmentShares, type CommuteBounds, type DefaultDwellings, type JobCounting, type JobsHousingResult } from '../../analysis/jobs-housing/index.ts';
import type { Catchments } from '../../analysis/jobs-housing/catchment-session.ts';
import { WorkerClient, isSuperseded } from '../../workers/worker-client.ts';
import type { JobsHousingApi } from '../../workers/jobs-housing-api.ts';
import type { Areal } from '../../geo/polygon-ops.ts';
import { jobsHousingStandards } from '../../data/jobs-housing-defaults.ts';
import { centralCityParks, jhBoards, jobsByPark, parkShapes, type BoardDwellings } from './housing-inputs.ts';
import { active } from '../../state/active-scenario.svelte.ts';
import { catchmentRequests, sentInputs, type SentInputs } from './catchment-sync.ts';
import type { ColorBy } from './jh-colors.ts';
import { jhView } from './jh-view.svelte.ts';

export const BAND = balancedBand(jobsHousingStandards);
/** How long exports wait for the first catchments before they give up and say so (SwiftShader machines are slow). */
const READY_TIMEOUT_MS = 180_000;

export class JobsHousingStore {
  // Radius, colouring, job counting and dwellings live in jh-view.svelte.ts (links and export
  // notes read them before this store loads); the store reads and writes them there.
  get radiusKm(): number {
    return jhView.radiusKm;
  }
  set radiusKm(v: number) {
    jhView.radiusKm = v;
  }
  get colorBy(): ColorBy {
    return jhView.colorBy;
  }
  set colorBy(v: ColorBy) {
    jhView.colorBy = v;
  }
  get jobCounting(): JobCounting {
    return jhView.jobCounting;
  }
  set jobCounting(v: JobCounting) {
    jhView.jobCounting = v;
  }
  get defaults(): Record<string, DefaultDwellings> {
    return jhView.defaults;
  }
  get dwellings(): BoardDwellings {
    return jhView.dwellings;
  }
  /** The choropleth and table show figures with the active scenario's planned units added. */
  withPlanned = $state(false);
  selectedParkId = $state<string | null>(null);
  /** The park whose outline is editable on the map. */
  editingParkId = $state<string | null>(null);
  /** The planner's observed mean commute (km), if any, for the excess-commuting figures. */
  observedMeanKm = $state<number | null>(null);

  shares = $state.raw<CatchmentShares | null>(null);
  rings = $state.raw<{ parkId: string; geometry: Areal }[]>([]);
  computing = $state(false);
  workerError = $state<string | null>(null);
  lastElapsedMs = $state<number | null>(null);

  planned = $derived(active.plannedUnits);
  result = $derived<JobsHousingResult | null>(
    this.shares
      ? computeJobsHousing(this.shares, { jobsByPark: jobsByPark(store.project.employment), dwellingsByBoard: this.dwellings.byBoard, plannedUnitsByBoard: this.planned, band: BAND, jobCounting: this.jobCounting })
      : null,
  );
  commute = $derived<CommuteBounds | null>(this.#commute(false));
  commuteWithPlanned = $derived<CommuteBounds | null>(this.#commute(true));

  #client: WorkerClient<JobsHousingApi> | null = null;
  #sent: SentInputs | null = null;
  #waiting: { resolve: () => void; reject: (e: Error) => void }[] = [];

  #commute(planned: boolean): CommuteBounds | null {
    const parks = centralCityParks(store.project.employment).map((f) => ({ geometry: f.geometry, jobs: f.properties.jobs }));
    const d = this.dwellings.byBoard;
    const dw = planned ? Object.fromEntries(Object.entries(d).map(([id, n]) => [id, n + (this.planned[id] ?? 0)])) : d;
    return commuteBoundsForBoards(store.project.boards.features.map((b) => ({ id: b.properties.id, geometry: b.geometry })), dw, parks);
  }

  /** The figures of one board (null until the first catchments arrive). */
  board(id: string) {
    return this.result?.boards.find((b) => b.id === id) ?? null;
  }

  /**
   * Resolves once the figures are computed for the current boards, parks and radius (starting
   * the worker if no tab has yet): exports and print wait for it instead of leaving the
   * job–housing columns empty. Rejects with the worker's message, or after READY_TIMEOUT_MS.
   */
  async ready(): Promise<void> {
    this.start();
    await tick(); // let the sync effect send a call for inputs that changed just now
    if (this.result && !this.computing) return;
    if (this.workerError && !this.computing) throw new Error(this.workerError);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`job–housing catchments not ready after ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
      this.#waiting.push({ resolve: () => (clearTimeout(timer), resolve()), reject: (e) => (clearTimeout(timer), reject(e)) });
    });
  }

  /** Start the worker and keep it in step with boards, parks and radius (idempotent). */
  start(): void {
    if (this.#client) return;
    this.#client = new WorkerClient<JobsHousingApi>(() => new Worker(new URL('../../workers/jobs-housing.worker.ts', import.meta.url), { type: 'module' }));
    $effect.root(() => {
      $effect(() => this.#sync(store.project.boards, parkShapes(store.project.employment), this.radiusKm));
    });
  }

  #sync(boards: typeof store.project.boards, parks: ReturnType<typeof parkShapes>, radiusKm: number): void {
    const requests = catchmentRequests(this.#sent, boards, () => jhBoards(boards), parks, radiusKm);
    if (!requests.length) return;
    this.#sent = sentInputs(boards, parks, radiusKm);
    const client = this.#client;
    if (!client) return;
    // Latest wins: each call supersedes the one before, whose answer is dropped (the worker still
    // applies every call in order, so its geometry follows all of them).
    for (const r of requests) {
      const call = r.type === 'prepare' ? client.call('prepare', r, { latest: 'catchments' }) : client.call('redrawPark', r, { latest: 'catchments' });
      call.then((c) => this.#receive(c), (e: unknown) => this.#fail(e));
    }
    this.computing = true;
  }

  #receive(c: Catchments): void {
    this.computing = false;
    this.workerError = null;
    this.shares = c.shares;
    this.rings = c.rings;
    this.lastElapsedMs = c.elapsedMs;
    for (const w of this.#waiting.splice(0)) w.resolve();
  }

  #fail(e: unknown): void {
    if (isSuperseded(e)) return; // a newer call is on its way
    this.computing = false;
    this.workerError = e instanceof Error ? e.message : String(e);
    this.#sent = null; // the worker's geometry is unknown (or gone with a crashed worker): prepare afresh next time
    for (const w of this.#waiting.splice(0)) w.reject(new Error(this.workerError));
  }
}

export const jh = new JobsHousingStore();
