/**
 * Official board boundaries (read by src/io/readers/boards-reader.ts with the current boards as
 * known, `requireKnown`) → the new board collection. Boards the file does not name keep their
 * current geometry; one note says how many were replaced and how many keep a schematic extent, and
 * one note per pair of boards that overlap (by at least OVERLAP_MIN_KM2: what lies in both would be
 * counted twice by every per-board figure) — two imported boards, or an imported board and one the
 * file left as it was (schematic or imported before).
 * Never mutates: the caller applies the result as one undoable change.
 */
import type { BoardCollection, BoardFeature } from '../domain/board.ts';
import { problem, type Problem } from '../domain/problem.ts';
import type { BoardInput } from '../io/readers/boards-reader.ts';
import { areaKm2, bboxOf } from '../geo/measure.ts';
import { intersectAreal } from '../geo/polygon-ops.ts';

/** Overlaps below 0.001 km² (1,000 m²) are digitising slivers along a shared edge, not worth a note. */
export const OVERLAP_MIN_KM2 = 0.001;

type Overlap = { a: BoardFeature; b: BoardFeature; km2: number };

/**
 * Pairs of boards whose areas overlap by at least OVERLAP_MIN_KM2, in board order: among `boards`
 * (each pair once), or, with `others`, each of `boards` against each of `others`.
 */
export function boardOverlaps(boards: readonly BoardFeature[], others?: readonly BoardFeature[]): Overlap[] {
  const boxes = new Map([...boards, ...(others ?? [])].map((b) => [b, bboxOf(b.geometry)]));
  const out: Overlap[] = [];
  for (let i = 0; i < boards.length; i++) {
    for (const other of others ?? boards.slice(i + 1)) {
      const [p, q] = [boxes.get(boards[i])!, boxes.get(other)!];
      if (p[0] > q[2] || q[0] > p[2] || p[1] > q[3] || q[1] > p[3]) continue;
      const common = intersectAreal(boards[i].geometry, other.geometry);
      const km2 = common ? areaKm2(common) : 0;
      if (km2 >= OVERLAP_MIN_KM2) out.push({ a: boards[i], b: other, km2 });
    }
  }
  return out;
}

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
  const imported = features.filter((b) => byId.has(b.properties.id));
  const km2 = (o: Overlap) => (o.km2 < 0.1 ? o.km2.toFixed(3) : o.km2.toFixed(2));
  for (const o of boardOverlaps(imported)) {
    warnings.push(problem('boards-overlap', { file, params: { a: o.a.properties.name, b: o.b.properties.name, km2: km2(o) } }, 'warning'));
  }
  // An imported board over a board the file left alone is counted twice just the same; a
  // schematic neighbour is the usual case, and importing its boundary too is the cure.
  for (const o of boardOverlaps(imported, kept)) {
    warnings.push(problem(o.b.properties.schematic ? 'boards-overlap-schematic' : 'boards-overlap', { file, params: { a: o.a.properties.name, b: o.b.properties.name, km2: km2(o) } }, 'warning'));
  }
  return { boards: { type: 'FeatureCollection', features }, replacedIds, warnings };
}
