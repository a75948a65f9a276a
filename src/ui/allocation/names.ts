/** Names in the allocation UI: boards and housing types in the reader's language (numbers: i18n/format.ts). */
import type { Lang } from '../../i18n/lang.ts';
import type { BoardCollection } from '../../domain/board.ts';
import { HOUSING_TYPE_INFO, type HousingTypeId } from '../../domain/housing-type.ts';

/** A board's name in the reader's language; its id when the board is unknown. */
export function boardName(boards: BoardCollection, id: string, lang: Lang): string {
  const p = boards.features.find((b) => b.properties.id === id)?.properties;
  return p ? (lang === 'zh' ? p.name : p.nameEn) : id;
}

/** A housing type's name in the reader's language. */
export function typeName(type: HousingTypeId, lang: Lang): string {
  return HOUSING_TYPE_INFO[type][lang];
}
