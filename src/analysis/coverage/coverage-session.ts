/**
 * The coverage engine as a session (what src/workers/coverage-api.ts serves in the worker, and
 * usable directly): keeps the model and the current facility list so layer requests (gaps,
 * rings) see the latest positions. Pure; no worker APIs. A method called before `init` throws.
 */
import type { FeatureCollection, Polygon } from 'geojson';
import { categoryTiers, tierOf, type Facility, type FacilityGroup, type LonLat } from '../../domain/facility.ts';
import type { PopulationColumns, PopulationInput } from '../../domain/population.ts';
import { gb50180 } from '../../data/gb50180.ts';
import { gapCells, reachRings, type GapCells } from './gap-layer.ts';
import { createCoverageModel, type CoverageModel } from './model.ts';
import { networkRuns, type NetworkRun, type NetworkRunsInput } from './network-runs.ts';
import type { CoverageBoard, CoverageResult } from './types.ts';

export interface CoverageInit {
  boards: CoverageBoard[];
  facilities: Facility[];
  /** Points may come as columns (the worker gets them so, transferred: population-columns-of.ts). */
  population: PopulationInput | PopulationColumns;
  radiiM: number[];
  groups?: FacilityGroup[];
  /** Point columns become the engine's own (projected and reordered in place): the caller must not use them after. */
  adoptPopulationColumns?: boolean;
}

/** The figures after a change, with the engine's compute time (ms). */
export interface CoverageUpdate {
  result: CoverageResult;
  computeMs: number;
}

export class CoverageSession {
  #model: CoverageModel | null = null;
  #boards: CoverageBoard[] = [];
  readonly #facilities = new Map<string, Facility>();
  readonly #tiers = categoryTiers(gb50180.facilities);

  /** @param now a clock in ms (performance.now in the worker) for computeMs; tests pass a fixed one. */
  constructor(private readonly now: () => number = () => 0) {}

  init(i: CoverageInit): CoverageUpdate {
    const t0 = this.now();
    this.#boards = i.boards;
    this.#facilities.clear();
    for (const f of i.facilities) this.#facilities.set(f.id, f);
    this.#model = createCoverageModel(i.boards, i.facilities, i.population, { radiiM: i.radiiM, groups: i.groups, categoryTiers: this.#tiers, tierStandards: gb50180.tiers, adoptPopulationColumns: i.adoptPopulationColumns });
    return { result: this.#model.result(), computeMs: this.now() - t0 };
  }

  move(i: { facilityId: string; lonLat: LonLat }): CoverageUpdate {
    const t0 = this.now();
    const result = this.#need().moveFacility(i.facilityId, i.lonLat);
    const f = this.#facilities.get(i.facilityId);
    if (f) this.#facilities.set(i.facilityId, { ...f, lonLat: i.lonLat });
    return { result, computeMs: this.now() - t0 };
  }

  add(i: { facility: Facility }): CoverageUpdate {
    const t0 = this.now();
    const result = this.#need().addFacility(i.facility);
    this.#facilities.set(i.facility.id, i.facility);
    return { result, computeMs: this.now() - t0 };
  }

  remove(i: { facilityId: string }): CoverageUpdate {
    const t0 = this.now();
    const result = this.#need().removeFacility(i.facilityId);
    this.#facilities.delete(i.facilityId);
    return { result, computeMs: this.now() - t0 };
  }

  /** Gap cells (area out of reach) of one group at one radius, packed (gapCollection turns them into GeoJSON). */
  gaps(i: { group: FacilityGroup; radiusM: number; cellSizeM?: number }): GapCells {
    const pts = [...this.#facilities.values()].filter((f) => i.group === 'any' || tierOf(f.category, this.#tiers) === i.group).map((f) => f.lonLat);
    return gapCells(this.#boards, pts, i.radiusM, this.#need().frame, i.cellSizeM);
  }

  /**
   * Reach rings of the chosen facilities (by id and/or group); none when more than `maxRings`
   * are chosen (thousands of overlapping rings say nothing the gap layer does not, and cost
   * seconds to send and draw).
   */
  rings(i: { facilityIds?: string[]; group?: FacilityGroup; radiusM: number; maxRings?: number }): FeatureCollection<Polygon, { id: string; radiusM: number }> {
    const ids = i.facilityIds ? new Set(i.facilityIds) : null;
    const chosen = [...this.#facilities.values()].filter(
      (f) => (!ids || ids.has(f.id)) && (!i.group || i.group === 'any' || tierOf(f.category, this.#tiers) === i.group),
    );
    if (i.maxRings !== undefined && chosen.length > i.maxRings) return { type: 'FeatureCollection', features: [] };
    return reachRings(chosen, i.radiusM, this.#need().frame);
  }

  /** Walking-network coverage; stateless (needs no init), so it can run in a second worker. */
  network(i: NetworkRunsInput): { runs: NetworkRun[]; computeMs: number } {
    const t0 = this.now();
    return { runs: networkRuns(i, this.#tiers), computeMs: this.now() - t0 };
  }

  #need(): CoverageModel {
    if (!this.#model) throw new Error('coverage session: "init" first');
    return this.#model;
  }
}
