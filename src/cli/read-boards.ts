/**
 * Board inputs on the command line, through the one boards reader (src/io/readers/boards-reader.ts):
 * official boundaries for the plan's 21 boards (as the app's boundary import: names matched, boards
 * not in the file keep their shipped extent), or any named polygons for an analysis.
 */
import type { BoardCollection } from '../domain/board.ts';
import { boardsReader, type BoardInput } from '../io/readers/boards-reader.ts';
import { replaceBoardGeometries } from '../state/import-boards.ts';
import { formatProblem } from '../i18n/problems.ts';
import type { CliIO } from './command.ts';
import { defaultBoards } from './default-data.ts';
import type { LayerOptions } from './layer-options.ts';
import { readLayerFile } from './read-layer.ts';

const known = () => defaultBoards().features.map((b) => b.properties);

/** The shipped boards with the geometries of `path` (each feature must name one of the 21). */
export async function readBoardBoundaries(path: string, options: LayerOptions, io: CliIO): Promise<BoardCollection> {
  const shipped = defaultBoards();
  const r = await readLayerFile(path, 'boards', (l) => boardsReader.read(l, { known: shipped.features.map((b) => b.properties), requireKnown: true }), options, io);
  const replaced = replaceBoardGeometries(shipped, r.value, r.file, new Date().toISOString().slice(0, 10));
  for (const w of replaced.warnings) io.err(`warning: ${formatProblem(w, 'en')}`);
  return replaced.boards;
}

/** Boards for an analysis: the 21 matched by id or name where a feature names one, else as named. */
export async function readAnalysisBoards(path: string, options: LayerOptions, io: CliIO): Promise<BoardInput[]> {
  return (await readLayerFile(path, 'boards', (l) => boardsReader.read(l, { known: known() }), options, io)).value;
}
