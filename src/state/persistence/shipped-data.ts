/**
 * The embedded default boards and employment areas are checked by the test suite exactly as a
 * write checks them (test/unit/state/persistence/shipped-data.test.ts), so a fresh profile's first
 * save does not test their polygons again on the page: that was up to 1.3 s of CPU in slices, under
 * load, right after a planner's first import (README, "Responsive with real-size files"). Only these
 * very objects are trusted: a plan package's own boards, an edit or a loaded project is checked.
 */
import { defaultBoards } from '../../data/default-boards.ts';
import { defaultEmploymentAreas } from '../../data/jobs-housing-defaults.ts';
import { markPassed } from './check-before-write.ts';

/** The shipped slices, by the project key they fill. */
export const SHIPPED_SLICES = { boards: defaultBoards, employment: defaultEmploymentAreas } as const;

/** Remember the shipped slices as passing autosave's check (called when persistence starts). */
export function trustShippedData(): void {
  for (const v of Object.values(SHIPPED_SLICES)) markPassed(v);
}
