import { parseArgs } from 'node:util';
import type { CliIO } from '../command.ts';
import { CliError, UsageError } from '../cli-error.ts';
import { readFacilitiesFile } from '../read-facilities.ts';
import { readPopulationFile } from '../read-population.ts';
import { layerOptions, layerOptionSpecs } from '../layer-options.ts';
import { defaultBoards } from '../default-data.ts';
import type { CoverageBoard } from '../../analysis/coverage/types.ts';
import { categoryTiers, tierOf, type FacilityGroup } from '../../domain/facility.ts';
import { isLifeCircleTier } from '../../domain/life-circle.ts';
import type { PopulationColumns, PopulationInput, PopulationPoint } from '../../domain/population.ts';
import { gb50180 } from '../../data/gb50180.ts';
import { createCoverageModel } from '../../analysis/coverage/model.ts';
import type { networkCoverage } from '../../analysis/coverage/network-coverage.ts';

/** The inputs whose CRS can be given one by one: --boards-crs, --facilities-crs … */
export const LAYERS = ['boards', 'facilities', 'population', 'network'];

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
      json: { type: 'boolean' },
      ...layerOptionSpecs(LAYERS),
    },
    strict: true,
  });
  if (!values.facilities) throw new UsageError('--facilities is required');
  const layers = layerOptions(values, LAYERS);
  const group = (values.tier ?? 'any') as FacilityGroup;
  if (group !== 'any' && !isLifeCircleTier(group)) throw new CliError(`--tier: expected any, 15-min, 10-min, 5-min or block, got "${values.tier}"`, 2);
  const radiiM = parseRadii(values.radii ?? '300,500,1000');

  // Every input through its one reader, each with its own CRS detection: nothing forced, nothing guessed.
  let boards: CoverageBoard[];
  // What only some options need is loaded when they are given (the 1M-point run's memory counts every module).
  if (values.boards) boards = await (await import('../read-boards.ts')).readAnalysisBoards(values.boards, layers, io);
  else {
    io.err('anju coverage: no --boards given: using the 21 shipped boards (schematic extents, 示意范围)');
    boards = defaultBoards().features.map((b) => ({ id: b.properties.id, name: b.properties.name, geometry: b.geometry }));
  }
  const tiers = categoryTiers(gb50180.facilities);
  const facilitiesAll = await readFacilitiesFile(values.facilities, layers, io);
  const facilities = group === 'any' ? facilitiesAll : facilitiesAll.filter((x) => tierOf(x.category, tiers) === group);
  let population: PopulationInput | PopulationColumns = { kind: 'none' };
  if (values.population) population = await readPopulationFile(values.population, layers, io);

  // Without street figures nothing reads the columns again: the engine takes their arrays over.
  const adoptPopulationColumns = population.kind === 'point-columns' && !values.network;
  const model = createCoverageModel(boards, facilities, population, { radiiM, groups: [group], categoryTiers: tiers, tierStandards: gb50180.tiers, adoptPopulationColumns });
  const result = model.result();

  let network: ReturnType<typeof networkCoverage> | null = null;
  if (values.network) {
    const [{ readLayerFile }, { streetsReader }, { networkCoverage }] = await Promise.all([import('../read-layer.ts'), import('../../io/readers/streets-reader.ts'), import('../../analysis/coverage/network-coverage.ts')]);
    const streets = (await readLayerFile(values.network, 'network', (l) => streetsReader.read(l), layers, io)).value.lines;
    const popPoints: PopulationPoint[] | undefined = population.kind === 'points' ? population.points : population.kind === 'point-columns' ? pointsOf(population) : undefined;
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

/** Columns as point objects, for the network figures (which take those). */
function pointsOf(c: PopulationColumns): PopulationPoint[] {
  return Array.from(c.lon, (lon, i) => ({ lonLat: [lon, c.lat[i]] as [number, number], population: c.population[i] }));
}

/** Shares to 6 decimals (0.0001 pp): stable JSON, far below the engine's accuracy. */
function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
