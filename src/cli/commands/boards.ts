import { parseArgs } from 'node:util';
import type { CliIO } from '../command.ts';
import { summarizeBoards } from '../../analysis/board-summary.ts';
import { defaultBoards } from '../default-data.ts';
import { layerOptionSpecs } from '../layer-option-specs.ts';
import { CATEGORY_LABELS } from '../../i18n/categories.ts';

/** `anju boards`: the boards with category, district and area. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, boards: { type: 'string' }, ...layerOptionSpecs(['boards']) }, strict: true });
  // The importer (proj4, shpjs, KML …) loads only for a user's file.
  let boards = defaultBoards();
  if (values.boards) {
    const [{ layerOptions }, { readBoardBoundaries }] = await Promise.all([import('../layer-options.ts'), import('../read-boards.ts')]);
    boards = await readBoardBoundaries(values.boards, layerOptions(values, ['boards']), io);
  }
  const rows = summarizeBoards(boards);
  if (values.json) {
    io.out(JSON.stringify(rows.map(({ id, name, category, district, areaKm2 }) => ({ id, name, category, district, areaKm2 })), null, 2));
    return 0;
  }
  for (const r of rows) io.out(`${r.id.padEnd(18)} ${r.name.padEnd(8, '　')} ${CATEGORY_LABELS.zh[r.category].padEnd(5, '　')} ${r.district.padEnd(10, '　')} ${r.areaKm2.toFixed(2).padStart(7)} km²`);
  return 0;
}
