/**
 * `npm run bench`: runs every bench module listed here and prints one table per module.
 * A module exports `name` and `run(): Row[]`.
 */
import * as allocation from './allocation.bench.ts';

export interface BenchRow {
  case: string;
  [column: string]: string | number;
}

const MODULES: { name: string; run(): BenchRow[] }[] = [allocation];

for (const m of MODULES) {
  console.log(`\n## ${m.name}`);
  console.table(m.run());
}
