import { parseArgs } from 'node:util';
import type { CliIO } from '../command.ts';
import { summarizeBoards } from '../../analysis/board-summary.ts';
import { defaultBoards } from '../default-data.ts';
import { layerOptions, layerOptionSpecs } from '../layer-options.ts';
import { CATEGORY_LABELS } from '../../i18n/categories.ts';

/** `anju boards`: the boards with category, district and area. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, boards: { type: 'string' }, ...layerOptionSpecs(['boards']) }, strict: true });
  const layers = layerOptions(values, ['boards']);
  // The importer (proj4, shpjs, KML …) loads only for a user's file.
  const boards = values.boards ? await (await import('../read-boards.ts')).readBoardBoundaries(values.boards, layers, io) : defaultBoards();
  const rows = summarizeBoards(boards);
  if (values.json) {
    io.out(JSON.stringify(rows.map(({ id, name, category, district, areaKm2 }) => ({ id, name, category, district, areaKm2 })), null, 2));
    return 0;
  }
  for (const r of rows) io.out(`${r.id.padEnd(18)} ${r.name.padEnd(8, '　')} ${CATEGORY_LABELS.zh[r.category].padEnd(5, '　')} ${r.district.padEnd(10, '　')} ${r.areaKm2.toFixed(2).padStart(7)} km²`);
  return 0;
}
