/**
 * The population input on the command line: a CSV or GeoJSON of points is streamed into columns
 * (src/io/readers/population-columns.ts: no object per point); any other file, and any CSV that
 * path gives up on (a problem to name, quotes, another encoding…), goes through readLayerFile and
 * populationReader, which name every problem as before. Same figures either way.
 */
import { basename } from 'node:path';
import type { PopulationColumns, PopulationInput } from '../domain/population.ts';
import { formatOf } from '../io/import-common.ts';
import { readPopulationColumns } from '../io/readers/population-columns.ts';
import { populationReader } from '../io/readers/population-reader.ts';
import type { CliIO } from './command.ts';
import type { LayerOptions } from './layer-options.ts';
import { inputChunks } from './read-input.ts';
import { importOptionsFor, printWarnings, readLayerFile, refuse, refuseAmbiguous } from './read-layer.ts';

export async function readPopulationFile(path: string, options: LayerOptions, io: CliIO): Promise<PopulationInput | PopulationColumns> {
  const file = basename(path);
  const format = formatOf(file, new Uint8Array(0));
  if (format === 'csv' || format === 'geojson') {
    const { sizeBytes, chunks } = inputChunks(path);
    const r = await readPopulationColumns(chunks, file, format, sizeBytes, importOptionsFor('population', options), false);
    if (r) {
      if (!r.ok) refuse(r.problems);
      refuseAmbiguous(file, r.summary, 'population');
      printWarnings(r.warnings, io);
      // The rows named the warnings; dropped here, their 4 bytes a point are free before the engine runs.
      const { kind, lon, lat, population } = r.value;
      return { kind, lon, lat, population };
    }
  }
  return (await readLayerFile(path, 'population', (l) => populationReader.read(l), options, io)).value;
}
