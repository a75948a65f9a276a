// Sum vitest JSON reports into "N passed, N failed". A stage that left no report (because an
// earlier stage failed and `npm test` stopped) counts as one failure, so red never reads green.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 1);
let passed = 0;
let failed = 0;
for (const stage of ['unit', 'browser', 'browser-alone']) {
  const path = `reports/${stage}.json`;
  if (!existsSync(path)) {
    console.log(`ci: no ${stage} report`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(path, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numRuntimeErrors ?? 0);
  // A file that failed to load counts as a failure even with no test in it.
  failed += r.testResults.filter((t) => t.status === 'failed' && t.assertionResults.length === 0).length;
}
// Type checking (svelte-check) and lint have no vitest report: scripts/test.mjs records their exit codes.
if (existsSync('reports/static.json')) {
  for (const code of Object.values(JSON.parse(readFileSync('reports/static.json', 'utf8')))) {
    if (code === 0) passed += 1;
    else failed += 1;
  }
} else {
  console.log('ci: no type-check/lint record');
  failed += 1;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
