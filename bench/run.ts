/** `npm run bench`: runs every benchmark module in turn (not tests; prints tables). */
export {};
const MODULES = ['./coverage.bench.ts'];

for (const m of MODULES) {
  const mod = (await import(m)) as { run: () => Promise<void> | void };
  console.log(`\n== ${m}`);
  await mod.run();
}
