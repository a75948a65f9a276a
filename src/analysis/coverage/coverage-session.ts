/**
 * The engine behind the worker (and usable directly): keeps the model and the current facility
 * list so layer requests (gaps, rings) see the latest positions. Pure; no worker APIs.
 */
import { categoryTiers, tierOf, type Facility } from '../../domain/facility.ts';
import { gb50180 } from '../../data/gb50180.ts';
import type { CoverageReply, CoverageRequest } from './coverage-protocol.ts';
import { gapLayer, reachRings } from './gap-layer.ts';
import { createCoverageModel, type CoverageModel } from './model.ts';
import { networkRuns } from './network-runs.ts';
import type { CoverageBoard } from './types.ts';

export class CoverageSession {
  private model: CoverageModel | null = null;
  private boards: CoverageBoard[] = [];
  private readonly facilities = new Map<string, Facility>();
  private readonly tiers = categoryTiers(gb50180.facilities);

  /** Handle one request; `now` is a clock in ms (performance.now in the worker) for computeMs. */
  handle(req: CoverageRequest, now: () => number): CoverageReply {
    const t0 = now();
    try {
      switch (req.type) {
        case 'init': {
          this.boards = req.boards;
          this.facilities.clear();
          for (const f of req.facilities) this.facilities.set(f.id, f);
          this.model = createCoverageModel(req.boards, req.facilities, req.population, { radiiM: req.radiiM, groups: req.groups, categoryTiers: this.tiers, tierStandards: gb50180.tiers });
          return { type: 'result', id: req.id, result: this.model.result(), computeMs: now() - t0 };
        }
        case 'move': {
          const result = this.need().moveFacility(req.facilityId, req.lonLat);
          this.facilities.set(req.facilityId, { ...this.facilities.get(req.facilityId)!, lonLat: req.lonLat });
          return { type: 'result', id: req.id, result, computeMs: now() - t0 };
        }
        case 'add': {
          const result = this.need().addFacility(req.facility);
          this.facilities.set(req.facility.id, req.facility);
          return { type: 'result', id: req.id, result, computeMs: now() - t0 };
        }
        case 'remove': {
          const result = this.need().removeFacility(req.facilityId);
          this.facilities.delete(req.facilityId);
          return { type: 'result', id: req.id, result, computeMs: now() - t0 };
        }
        case 'gaps': {
          const pts = [...this.facilities.values()].filter((f) => req.group === 'any' || tierOf(f.category, this.tiers) === req.group).map((f) => f.lonLat);
          return { type: 'gaps', id: req.id, gaps: gapLayer(this.boards, pts, req.radiusM, this.need().frame, req.cellSizeM) };
        }
        case 'rings': {
          const chosen = [...this.facilities.values()].filter(
            (f) => (!req.facilityIds || req.facilityIds.includes(f.id)) && (!req.group || req.group === 'any' || tierOf(f.category, this.tiers) === req.group),
          );
          return { type: 'rings', id: req.id, rings: reachRings(chosen, req.radiusM, this.need().frame) };
        }
        case 'network':
          return { type: 'network', id: req.id, runs: networkRuns(req, this.tiers), computeMs: now() - t0 };
      }
    } catch (e) {
      return { type: 'error', id: req.id, message: e instanceof Error ? e.message : String(e) };
    }
  }

  private need(): CoverageModel {
    if (!this.model) throw new Error('coverage worker: send "init" first');
    return this.model;
  }
}
