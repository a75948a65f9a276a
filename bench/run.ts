/**
 * `npm run bench`: runs every benchmark module and prints its results (not tests; the
 * numbers go in the README with this command). A module's `run()` either prints its own
 * tables or returns rows to print. `npm run bench -- coverage` runs one module.
 */
export interface BenchRow {
  case: string;
  [column: string]: string | number;
}

const MODULES: Record<string, () => Promise<{ run: () => unknown }>> = {
  coverage: () => import('./coverage.bench.ts'),
  import: () => import('./import.bench.ts'),
  allocation: () => import('./allocation.bench.ts'),
};

const only = process.argv.slice(2);
for (const [name, load] of Object.entries(MODULES)) {
  if (only.length && !only.includes(name)) continue;
  const mod = await load();
  console.log(`\n## ${name}`);
  const rows = await mod.run();
  if (Array.isArray(rows)) console.table(rows);
}
