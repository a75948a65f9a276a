/**
 * A plan package's boards as the project's board collection: the shipped schematic outlines by
 * id (`{ ref: 'anju:boards.geojson' }`), or the package's own outlines, with the package's
 * names and categories. For the built-in plan this is the shipped collection itself.
 */
import type { BoardCollection, BoardFeature } from '../domain/board.ts';
import type { PlanPackage } from '../domain/plan-package.ts';

export function planBoardCollection(p: PlanPackage, shipped: BoardCollection): BoardCollection {
  const g = p.boards.geometry;
  const source = 'ref' in g ? shipped : g;
  const ids = p.boards.list.map((b) => b.id);
  const sameList = source.features.length === ids.length && source.features.every((f, i) => f.properties.id === ids[i]);
  if ('ref' in g && sameList && p.boards.list.every((b, i) => b.category === shipped.features[i].properties.category && b.name === shipped.features[i].properties.name)) return shipped;
  const byId = new Map(source.features.map((f) => [f.properties.id, f]));
  const features: BoardFeature[] = p.boards.list.map((b) => {
    const f = byId.get(b.id);
    if (!f) throw new Error(`plan package ${p.id}: board ${b.id} has no outline (the checker refuses this)`);
    const props = f.properties as Partial<BoardFeature['properties']>;
    return {
      type: 'Feature',
      geometry: f.geometry,
      properties: {
        ...props,
        id: b.id,
        name: b.name,
        nameEn: b.nameEn,
        category: b.category,
        district: props.district ?? b.planDistrict,
        planDistrict: b.planDistrict,
        streets: props.streets ?? [],
        geometrySource: props.geometrySource ?? `plan package ${p.id} ${p.version}`,
        confidence: props.confidence ?? 'low',
        schematic: props.schematic ?? true,
      },
    };
  });
  return { type: 'FeatureCollection', features };
}
