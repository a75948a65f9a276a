/**
 * The 21 schematic boards the app starts with (geodata/boards.geojson). In the built app the
 * file is fetched beside the main chunk rather than inlined in it (vite-plugin-geojson.ts).
 */
import boardsJson from '../../geodata/boards.geojson';
import type { BoardCollection } from '../domain/board.ts';

export const defaultBoards = boardsJson as unknown as BoardCollection;
