/** Every input reader by kind (src/io/readers/input-reader.ts): `anju validate --type` and the fuzz tests. */
import type { InputKind, InputReader } from './input-reader.ts';
import { boardsReader } from './boards-reader.ts';
import { facilitiesReader } from './facilities-reader.ts';
import { populationReader } from './population-reader.ts';
import { employmentReader } from './employment-reader.ts';
import { streetsReader } from './streets-reader.ts';
import { actualsReader } from './actuals-reader.ts';

export const READERS: Readonly<Record<InputKind, InputReader<unknown>>> = {
  boards: boardsReader,
  facilities: facilitiesReader,
  population: populationReader,
  employment: employmentReader,
  streets: streetsReader,
  actuals: actualsReader,
};
