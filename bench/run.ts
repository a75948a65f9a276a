/** Runs every bench/<feature>.bench.ts module and prints each result as a table. `npm run bench`. */
const modules: Record<string, () => Promise<{ run: () => Promise<unknown[]> }>> = {
  import: () => import('./import.bench.ts'),
};

for (const [name, load] of Object.entries(modules)) {
  const { run } = await load();
  console.log(`\n## ${name}`);
  console.table(await run());
}
export {};
