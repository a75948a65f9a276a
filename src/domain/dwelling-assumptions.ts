/**
 * The stated assumption behind default dwellings per board (geodata/assumptions/board-dwellings.json):
 * an assumed density by category, with overrides; never a fact.
 */
import type { Category } from './board.ts';

export interface DwellingAssumptions {
  about: string;
  assumption: true;
  illustrative: true;
  dwellingsRoundTo: number;
  densityByCategory: Record<Category, { dwellingsPerKm2: number; reason: string }>;
  overrides: Record<string, { dwellingsPerKm2: number; reason: string }>;
}
