/**
 * `npm run bench`: imports every bench/*.bench.ts and calls its exported `run()` in turn.
 * A module prints its own tables or returns rows to print. Not tests: the numbers go in the
 * README with this command. `npm run bench -- jobs` runs only files whose name contains "jobs".
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BenchRow {
  case: string;
  [column: string]: string | number;
}

const dir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2] ?? '';
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort()) {
  const mod = (await import(new URL(file, import.meta.url).href)) as { run?: () => unknown };
  if (typeof mod.run !== 'function') throw new Error(`bench/${file} exports no run()`);
  console.log(`\n## ${file}`);
  const rows = await mod.run();
  if (Array.isArray(rows)) console.table(rows);
}
