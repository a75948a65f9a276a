/**
 * `npm run bench`: runs every benchmark module and prints one table per module.
 * A module exports `run()` returning rows (or a promise of rows). Not a test: numbers go in the README.
 */
export interface BenchRow {
  case: string;
  [column: string]: string | number;
}

const MODULES: Record<string, () => Promise<{ run: () => unknown[] | Promise<unknown[]> }>> = {
  import: () => import('./import.bench.ts'),
  allocation: () => import('./allocation.bench.ts'),
};

const only = process.argv.slice(2);
for (const [name, load] of Object.entries(MODULES)) {
  if (only.length && !only.includes(name)) continue;
  const mod = await load();
  console.log(`\n## ${name}`);
  console.table(await mod.run());
}
