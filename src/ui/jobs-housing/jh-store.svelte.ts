/**
 * View state and live results of the job–housing tab: catchment radius, what the choropleth
 * shows, the park being edited; the worker session for catchments (recomputed when a park is
 * redrawn, the boards change or the radius changes) and, on the main thread, the arithmetic
 * over the worker's shares whenever jobs, dwellings or planned units change (microseconds).
 */
import { store } from '../../state/app-store.svelte.ts';
import { computeJobsHousing, commuteBoundsForBoards, balancedBand, defaultDwellingsByBoard, type CatchmentShares, type CommuteBounds, type JobsHousingResult } from '../../analysis/jobs-housing/index.ts';
import type { JhWorkerRequest, JhWorkerResponse } from '../../analysis/jobs-housing/worker-protocol.ts';
import type { Areal } from '../../geo/polygon-ops.ts';
import { jobsHousingStandards, dwellingAssumptions } from '../../data/jobs-housing-defaults.ts';
import { boardDwellings, centralCityParks, jhBoards, jobsByPark, parkShapes } from './housing-inputs.ts';
import { active } from '../../state/active-scenario.svelte.ts';
import { catchmentRequests, sentInputs, type SentInputs } from './catchment-sync.ts';
import type { ColorBy } from './jh-colors.ts';

export const BAND = balancedBand(jobsHousingStandards);

export class JobsHousingStore {
  radiusKm = $state(jobsHousingStandards.catchment.defaultRadiusKm);
  colorBy = $state<ColorBy>('verdict');
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

  defaults = $derived(defaultDwellingsByBoard(store.project.boards, dwellingAssumptions));
  dwellings = $derived(boardDwellings(this.defaults, store.project.dwellings));
  planned = $derived(active.plannedUnits);
  result = $derived<JobsHousingResult | null>(
    this.shares
      ? computeJobsHousing(this.shares, { jobsByPark: jobsByPark(store.project.employment), dwellingsByBoard: this.dwellings.byBoard, plannedUnitsByBoard: this.planned, band: BAND })
      : null,
  );
  commute = $derived<CommuteBounds | null>(this.#commute(false));
  commuteWithPlanned = $derived<CommuteBounds | null>(this.#commute(true));

  #worker: Worker | null = null;
  #nextId = 1;
  #latestId = 0;
  #sent: SentInputs | null = null;

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

  /** Start the worker and keep it in step with boards, parks and radius (idempotent). */
  start(): void {
    if (this.#worker) return;
    this.#worker = new Worker(new URL('../../workers/jobs-housing.worker.ts', import.meta.url), { type: 'module' });
    this.#worker.onmessage = (e: MessageEvent<JhWorkerResponse>) => this.#receive(e.data);
    $effect.root(() => {
      $effect(() => this.#sync(store.project.boards, parkShapes(store.project.employment), this.radiusKm));
    });
  }

  #sync(boards: typeof store.project.boards, parks: ReturnType<typeof parkShapes>, radiusKm: number): void {
    const requests = catchmentRequests(this.#sent, boards, () => jhBoards(boards), parks, radiusKm);
    if (!requests.length) return;
    this.#sent = sentInputs(boards, parks, radiusKm);
    for (const r of requests) {
      const id = this.#nextId++;
      this.#latestId = id;
      this.#worker?.postMessage({ ...r, requestId: id } as JhWorkerRequest);
    }
    this.computing = true;
  }

  #receive(res: JhWorkerResponse): void {
    if (res.requestId !== this.#latestId) return; // a newer request is on its way
    this.computing = false;
    if (res.type === 'error') {
      this.workerError = res.message;
      this.#sent = null; // the worker's geometry is unknown: prepare afresh next time
      return;
    }
    this.workerError = null;
    this.shares = res.shares;
    this.rings = res.rings;
    this.lastElapsedMs = res.elapsedMs;
  }
}

export const jh = new JobsHousingStore();
