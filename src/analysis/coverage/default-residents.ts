/**
 * Default residents per board for the uniform population assumption: dwellings per board (the
 * planner's figure, else the assumed default) × assumed persons per dwelling. Assumptions only;
 * the file geodata/assumptions/coverage-residents.json says how the factor was chosen.
 */
import type { BoardCollection } from '../../domain/board.ts';
import { defaultDwellingsByBoard } from '../jobs-housing/default-dwellings.ts';
import type { DwellingAssumptions } from '../../domain/dwelling-assumptions.ts';

export interface ResidentsAssumption {
  about: string;
  assumption: true;
  /** Persons (人) per dwelling (套); an assumption, see personsPerDwellingBasis. */
  personsPerDwelling: number;
  personsPerDwellingBasis: string;
  residentsRoundTo: number;
}

/**
 * Residents (人) per board id, rounded: (entered dwellings ?? assumed dwellings) × persons per dwelling.
 * @example defaultResidentsByBoard(boards, dwellingAssumptions, {}, 3) // { yangshuang: 72000, … }
 */
export function defaultResidentsByBoard(
  boards: BoardCollection,
  dwellings: DwellingAssumptions,
  enteredDwellings: Readonly<Record<string, number>>,
  personsPerDwelling: number,
  roundTo = 100,
): Record<string, number> {
  if (!(personsPerDwelling > 0)) throw new Error(`default residents: personsPerDwelling must be > 0, got ${personsPerDwelling}`);
  const assumed = defaultDwellingsByBoard(boards, dwellings);
  const out: Record<string, number> = {};
  for (const b of boards.features) {
    const id = b.properties.id;
    const units = enteredDwellings[id] ?? assumed[id].dwellings;
    out[id] = Math.round((units * personsPerDwelling) / roundTo) * roundTo;
  }
  return out;
}
