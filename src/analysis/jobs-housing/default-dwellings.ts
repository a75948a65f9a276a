/**
 * Default dwellings per board from the stated assumption in
 * geodata/assumptions/board-dwellings.json: the board's area (schematic, or of the official boundary
 * once loaded; said which) × assumed density by category.
 * These are assumptions for a first look, never facts; every value says how it was made.
 */
import type { BoardCollection } from '../../domain/board.ts';
import type { DwellingAssumptions } from '../../domain/dwelling-assumptions.ts';
import { areaKm2 } from '../../geo/measure.ts';

export interface DefaultDwellings {
  /** Dwellings (套), rounded. */
  dwellings: number;
  dwellingsPerKm2: number;
  areaKm2: number;
  /** The area is of the schematic extent (示意范围), not of official boundaries the user loaded. */
  schematic: boolean;
  /** Always true: the figure is an assumption. */
  assumption: true;
  /** How the figure was made, in English (the UI shows its own zh text from the same numbers). */
  basis: string;
}

/** Default dwellings for each board id. */
export function defaultDwellingsByBoard(boards: BoardCollection, a: DwellingAssumptions): Record<string, DefaultDwellings> {
  const out: Record<string, DefaultDwellings> = {};
  for (const b of boards.features) {
    const rule = a.overrides[b.properties.id] ?? a.densityByCategory[b.properties.category];
    if (!rule) throw new Error(`default dwellings: no density for board ${b.properties.id} (${b.properties.category})`);
    const area = areaKm2(b.geometry);
    const dwellings = Math.round((area * rule.dwellingsPerKm2) / a.dwellingsRoundTo) * a.dwellingsRoundTo;
    out[b.properties.id] = {
      dwellings,
      dwellingsPerKm2: rule.dwellingsPerKm2,
      areaKm2: area,
      schematic: b.properties.schematic,
      assumption: true,
      basis: `assumption: ${area.toFixed(1)} km² (${b.properties.schematic ? 'schematic' : 'official boundary'}) × ${rule.dwellingsPerKm2} dwellings/km² (${rule.reason})`,
    };
  }
  return out;
}
