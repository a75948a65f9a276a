import { parseArgs } from 'node:util';
import type { CliIO } from '../command.ts';
import { CliError, UsageError, valueOrExit } from '../cli-error.ts';
import { readInputLayer } from '../read-input.ts';
import { isCrsId, type CrsId } from '../../io/crs.ts';
import { categoryTiers, tierOf, type FacilityGroup } from '../../domain/facility.ts';
import { isLifeCircleTier } from '../../domain/life-circle.ts';
import type { PopulationInput, PopulationPoint } from '../../domain/population.ts';
import { gb50180 } from '../../data/gb50180.ts';
import { createCoverageModel } from '../../analysis/coverage/model.ts';
import { boardsFrom, facilitiesFrom, populationFrom, streetsFrom } from '../../analysis/coverage/read-inputs.ts';
import { networkCoverage } from '../../analysis/coverage/network-coverage.ts';

function parseRadii(s: string): number[] {
  const radii = s.split(',').map((x) => Number(x.trim()));
  if (!radii.length || radii.some((r) => !Number.isFinite(r) || r <= 0)) throw new CliError(`--radii: expected positive metres separated by commas, got "${s}"`, 2);
  return radii;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      boards: { type: 'string' },
      facilities: { type: 'string' },
      population: { type: 'string' },
      radii: { type: 'string' },
      tier: { type: 'string' },
      network: { type: 'string' },
      crs: { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  if (!values.boards || !values.facilities) throw new UsageError('--boards and --facilities are required');
  const crs = values.crs ?? 'wgs84';
  if (!isCrsId(crs)) throw new CliError(`--crs: expected wgs84, gcj02 or bd09, got "${crs}"`, 2);
  const group = (values.tier ?? 'any') as FacilityGroup;
  if (group !== 'any' && !isLifeCircleTier(group)) throw new CliError(`--tier: expected any, 15-min, 10-min, 5-min or block, got "${values.tier}"`, 2);
  const radiiM = parseRadii(values.radii ?? '300,500,1000');

  // Boards are Anju's own layers (WGS-84); --crs applies to the user's facility, population and network files.
  const b = await readInputLayer(values.boards, 'wgs84');
  const boards = valueOrExit(boardsFrom(b.fc, b.file));
  const tiers = categoryTiers(gb50180.facilities);
  const f = await readInputLayer(values.facilities, crs);
  const facilitiesAll = valueOrExit(facilitiesFrom(f.fc, f.file, (c) => tierOf(c, tiers) !== null));
  const facilities = group === 'any' ? facilitiesAll : facilitiesAll.filter((x) => tierOf(x.category, tiers) === group);
  let population: PopulationInput = { kind: 'none' };
  if (values.population) {
    const p = await readInputLayer(values.population, crs);
    population = valueOrExit(populationFrom(p.fc, p.file));
  }

  const model = createCoverageModel(boards, facilities, population, { radiiM, groups: [group], categoryTiers: tiers, tierStandards: gb50180.tiers });
  const result = model.result();

  let network: ReturnType<typeof networkCoverage> | null = null;
  if (values.network) {
    const n = await readInputLayer(values.network, crs);
    const streets = valueOrExit(streetsFrom(n.fc, n.file));
    const popPoints: PopulationPoint[] | undefined = population.kind === 'points' ? population.points : undefined;
    network = networkCoverage({ boards, facilities: facilities.map((x) => x.lonLat), streets, radiiM, population: popPoints, frame: model.frame });
    if (population.kind === 'cells') io.err('anju coverage: network population shares need population points; cells are not used for the network figures');
  } else {
    io.err('anju coverage: no --network given: using straight-line distance');
  }

  const rows = result.boards.map((bc, i) => {
    const g = bc.groups[0];
    const row: Record<string, unknown> = {
      id: bc.id,
      name: bc.name,
      radii: g.radii.map((r) => ({ radiusM: r.radiusM, areaShare: round(r.areaShare), populationShare: r.populationShare === null ? null : round(r.populationShare), facilities: g.facilities })),
    };
    if (network) {
      const nb = network.boards[i];
      row.network = { sampleSpacingM: nb.sampleSpacingM, samples: nb.samples, radii: nb.radii.map((r) => ({ radiusM: r.radiusM, areaShare: round(r.areaShare), populationShare: r.populationShare === null ? null : round(r.populationShare), overClaimShare: round(r.overClaimShare) })) };
    }
    return row;
  });
  if (values.json) {
    io.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  for (const bc of result.boards) {
    const g = bc.groups[0];
    const cells = g.radii.map((r) => `${String(r.radiusM).padStart(5)} m ${(r.areaShare * 100).toFixed(1).padStart(5)}%${r.populationShare === null ? '' : ` (${(r.populationShare * 100).toFixed(1)}% res.)`}`);
    io.out(`${bc.id.padEnd(18)} ${String(g.facilities).padStart(4)} fac.  ${cells.join('  ')}`);
  }
  return 0;
}

/** Shares to 6 decimals (0.0001 pp): stable JSON, far below the engine's accuracy. */
function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
