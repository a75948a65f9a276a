import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { summarizeBoards } from '../../analysis/board-summary.ts';
import { defaultBoards } from '../default-data.ts';
import { readBoardsFile } from '../read-boards.ts';
import { CATEGORY_LABELS } from '../../i18n/categories.ts';

export const boardsCommand: Command = {
  name: 'boards',
  summary: 'List the 21 boards with category, district and area (km²).',
  usage: 'anju boards [--boards B.geojson] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, boards: { type: 'string' } }, strict: true });
    const boards = values.boards ? await readBoardsFile(values.boards) : defaultBoards();
    const rows = summarizeBoards(boards);
    if (values.json) {
      io.out(JSON.stringify(rows.map(({ id, name, category, district, areaKm2 }) => ({ id, name, category, district, areaKm2 })), null, 2));
      return 0;
    }
    for (const r of rows) io.out(`${r.id.padEnd(18)} ${r.name.padEnd(8, '　')} ${CATEGORY_LABELS.zh[r.category].padEnd(5, '　')} ${r.district.padEnd(10, '　')} ${r.areaKm2.toFixed(2).padStart(7)} km²`);
    return 0;
  },
};
