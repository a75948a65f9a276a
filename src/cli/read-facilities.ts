/**
 * The facilities input on the command line: a CSV or GeoJSON of points is streamed into columns
 * (src/io/readers/facility-columns.ts, the import worker's read: the facilities reader's own ids,
 * categories, names and notes) and made into the reader's Facility objects; any other file, and any
 * file that path hands back (a problem to name, quotes, a duplicate id…), goes through readLayerFile
 * and facilitiesReader, which name every problem as before. Same facilities and notes either way
 * (test/unit/io/facility-columns.test.ts), and the importer's format readers are never loaded for it.
 */
import { basename } from 'node:path';
import { facilityAt } from '../domain/facility-columns.ts';
import type { Facility } from '../domain/facility.ts';
import { formatOf } from '../io/import-common.ts';
import { facilitiesReader } from '../io/readers/facilities-reader.ts';
import { readFacilityColumns } from '../io/readers/facility-columns.ts';
import type { CliIO } from './command.ts';
import type { LayerOptions } from './layer-options.ts';
import { inputChunks } from './read-input.ts';
import { importOptionsFor, printWarnings, readLayerFile, refuse, refuseAmbiguous } from './read-layer.ts';

export async function readFacilitiesFile(path: string, options: LayerOptions, io: CliIO): Promise<Facility[]> {
  const file = basename(path);
  const format = formatOf(file, new Uint8Array(0));
  if (format === 'csv' || format === 'geojson') {
    const { sizeBytes, chunks } = inputChunks(path);
    const r = await readFacilityColumns(chunks, file, format, sizeBytes, importOptionsFor('facilities', options));
    if (r) {
      if (!r.ok) refuse(r.problems);
      refuseAmbiguous(file, r.summary, 'facilities');
      printWarnings(r.warnings, io);
      const c = r.value;
      return Array.from(c.lon, (_, i) => facilityAt(c, i));
    }
  }
  return (await readLayerFile(path, 'facilities', (l) => facilitiesReader.read(l), options, io)).value;
}
