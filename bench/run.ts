/**
 * `npm run bench`: imports every bench/*.bench.ts and calls its exported `run()` in turn.
 * Each module prints its own table. `npm run bench -- jobs` runs only files whose name contains "jobs".
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2] ?? '';
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort()) {
  const mod = (await import(new URL(file, import.meta.url).href)) as { run?: () => unknown };
  if (typeof mod.run !== 'function') throw new Error(`bench/${file} exports no run()`);
  console.log(`\n## ${file}`);
  await mod.run();
}
