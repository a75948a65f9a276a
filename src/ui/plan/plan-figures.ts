/**
 * The plan map's own figures per board: category, districts, area (flagged while schematic),
 * boundary kind and confidence. Registered on the `plan` feature (src/ui/features.ts).
 */
import type { BoardFigure } from '../../domain/board-figure.ts';
import type { BoardFeature } from '../../domain/board.ts';
import { areaKm2 } from '../../geo/measure.ts';
import { CATEGORY_LABELS } from '../../i18n/categories.ts';
import { districtLabel } from '../../i18n/district.ts';
import { bilingual, translate } from '../../i18n/messages/index.ts';
import { i18n } from '../../i18n/i18n.svelte.ts';
import { store } from '../../state/app-store.svelte.ts';

/** A message in both languages, for figure labels. */
const both = (key: string) => bilingual(key);

// Areas are computed once per geometry object (geometries are immutable).
const areaCache = new WeakMap<object, number>();
function boardAreaKm2(b: BoardFeature): number {
  let a = areaCache.get(b.geometry);
  if (a === undefined) {
    a = areaKm2(b.geometry);
    areaCache.set(b.geometry, a);
  }
  return a;
}

export function planFigures(): BoardFigure[] {
  const boards = store.project.boards.features;
  const lang = i18n.lang;
  const byId = new Map(boards.map((b) => [b.properties.id, b]));
  const prop = <T>(id: string, pick: (b: BoardFeature) => T): T | null => {
    const b = byId.get(id);
    return b ? pick(b) : null;
  };
  const anySchematic = boards.some((b) => b.properties.schematic);
  return [
    { id: 'category', label: both('figure.category'), value: (id) => prop(id, (b) => CATEGORY_LABELS[lang][b.properties.category]) },
    { id: 'district', label: both('figure.district'), value: (id) => prop(id, (b) => districtLabel(b.properties.district, lang)) },
    { id: 'plan_district', label: both('figure.planDistrict'), value: (id) => prop(id, (b) => districtLabel(b.properties.planDistrict, lang)) },
    {
      id: 'area_km2',
      label: both('figure.area'),
      unit: { zh: 'km²', en: 'km²' },
      digits: 2,
      value: (id) => prop(id, boardAreaKm2),
      ...(anySchematic ? { note: both('figure.areaNote') } : {}),
    },
    { id: 'extent', label: both('figure.extent'), value: (id) => prop(id, (b) => translate(lang, b.properties.schematic ? 'figure.extent.schematic' : 'figure.extent.official')) },
    { id: 'confidence', label: both('figure.confidence'), value: (id) => prop(id, (b) => translate(lang, `confidence.${b.properties.confidence}`)) },
  ];
}
