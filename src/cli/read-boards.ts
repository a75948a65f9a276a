import type { BoardCollection } from '../domain/board.ts';
import { CliError } from './cli-error.ts';
import { readInputLayer } from './read-input.ts';

/**
 * A boards file given on the command line (any format the importer reads): Polygon/MultiPolygon
 * features that carry `id` or `name` (boards are identified by either).
 */
export async function readBoardsFile(path: string): Promise<BoardCollection> {
  const { fc, file } = await readInputLayer(path);
  const problems: string[] = [];
  fc.features.forEach((f, i) => {
    const t = f.geometry?.type;
    if (t !== 'Polygon' && t !== 'MultiPolygon') problems.push(`${file} feature #${i + 1}: geometry type is ${t ?? 'null'}, expected Polygon/MultiPolygon`);
    const p = f.properties ?? {};
    if (typeof p.id !== 'string' && typeof p.name !== 'string') problems.push(`${file} feature #${i + 1}: no board id or name (property id or name)`);
  });
  if (problems.length) throw new CliError(problems.join('\n'));
  return fc as BoardCollection;
}
