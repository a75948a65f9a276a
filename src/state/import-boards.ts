/**
 * Official board boundaries (read by src/io/readers/boards-reader.ts with the current boards as
 * known, `requireKnown`) → the new board collection. Boards the file does not name keep their
 * current geometry; one note says how many were replaced and how many keep a schematic extent.
 * Never mutates: the caller applies the result as one undoable change.
 */
import type { BoardCollection, BoardFeature } from '../domain/board.ts';
import { problem, type Problem } from '../domain/problem.ts';
import type { BoardInput } from '../io/readers/boards-reader.ts';

export interface BoardImport {
  boards: BoardCollection;
  replacedIds: string[];
  warnings: Problem[];
}

/** Replace the geometry of every board in `inputs` (each must name a known board). */
export function replaceBoardGeometries(current: BoardCollection, inputs: readonly BoardInput[], file: string, importedAt: string): BoardImport {
  const byId = new Map(inputs.map((b) => [b.id, b]));
  const features = current.features.map((b): BoardFeature => {
    const hit = byId.get(b.properties.id);
    if (!hit) return b;
    return {
      type: 'Feature',
      properties: { ...b.properties, schematic: false, confidence: 'high', geometrySource: `imported: ${file} (${importedAt})` },
      geometry: hit.geometry,
    };
  });
  const replacedIds = current.features.filter((b) => byId.has(b.properties.id)).map((b) => b.properties.id);
  const kept = features.filter((b) => !byId.has(b.properties.id));
  const warnings: Problem[] = [];
  if (kept.length > 0) {
    const schematic = kept.filter((b) => b.properties.schematic).length;
    warnings.push(problem('boards-partly-replaced', { file, params: { replaced: replacedIds.length, total: current.features.length, kept: kept.length, schematic } }, 'warning'));
  }
  return { boards: { type: 'FeatureCollection', features }, replacedIds, warnings };
}
