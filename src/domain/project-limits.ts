/**
 * How much a project may hold. Anju's choices, not from the plan or a standard: each is far
 * beyond real use, and low enough that no project can freeze the page or exhaust memory (a
 * 2 MB scenario name froze a page for 15.7 s; 50,000 sites took 8.8 s to open). A project
 * file beyond them is refused with the field, the size and the limit; the app's own inputs
 * and imports stay within them, so nothing the app saved is ever refused on reload.
 */
import { MAX_UNITS_PER_ENTRY } from './parse-units.ts';

export { MAX_UNITS_PER_ENTRY };

/** Names and ids (scenario, site, node, board, facility, employment area), in characters. */
export const MAX_NAME_CHARS = 200;
/** Any other text in a project (notes, sources, imported properties), in characters. */
export const MAX_TEXT_CHARS = 10_000;

/** Scenarios in one project: a planner keeps a handful; lists and storage stay fast. */
export const MAX_SCENARIOS = 200;
/** Drawn sites in one scenario (each is assigned to a board by location on every change). */
export const MAX_SITES_PER_SCENARIO = 2_000;
/** Grid cells of one scenario: boards × 5 years × 8 housing types for up to 1,000 boards. */
export const MAX_CELLS_PER_SCENARIO = 40_000;
/** Boards, 多节点 and employment areas: hand-made or official layers of a few dozen. */
export const MAX_BOARDS = 1_000;
export const MAX_NODES = 1_000;
export const MAX_EMPLOYMENT_AREAS = 1_000;
/** Facilities, population points or cells, street features: imported layers. */
export const MAX_LAYER_FEATURES = 1_000_000;
/** Positions in one geometry (a board or park outline, a site, a street, a population cell). */
export const MAX_POSITIONS_PER_GEOMETRY = 100_000;

/**
 * A count of people, jobs or dwellings for one board, area or feature: ten times Wenzhou's
 * population (9.6 million, 2020 census), so no real figure comes near it, and sums over a
 * million features stay exact in floating point.
 */
export const MAX_COUNT = 100_000_000;
