/**
 * `npm test`: every check and test, in two stages.
 *
 * 1. At the same time: type checking (svelte-check), lint (eslint, knip), the unit and server
 *    tests (vitest, JSON report reports/unit.json) and the app's build (vite build, for the
 *    browser tests). Each is mostly one thread, so side by side they use the machine's cores
 *    instead of waiting in turn. Each one's output is printed whole when it ends.
 * 2. When all of them passed: the browser tests (reports/browser.json), one file at a time.
 *
 * reports/static.json records the exit code of the type check and the lint, which have no
 * vitest report of their own (.ci/summarize.mjs counts them). Exit code 0 only when all passed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const STAGE_1 = [
  ['check', 'npm', ['run', '--silent', 'check']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit', 'npm', ['run', '--silent', 'test:unit']],
  ['build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
];
const BROWSER = ['browser', 'npx', ['vitest', 'run', '--project', 'browser', '--reporter=default', '--reporter=json', '--outputFile.json=reports/browser.json']];

const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(0);
const timings = [];

/** Run a command; its output goes to ours live (`live`) or whole when it ends. Resolves to its exit code. */
function run([name, cmd, args], live) {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
    const out = [];
    child.stdout?.on('data', (d) => out.push(d));
    child.stderr?.on('data', (d) => out.push(d));
    child.on('close', (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      timings.push(`${name} ${seconds(t0)} s${status ? ' (failed)' : ''}`);
      if (!live) {
        process.stdout.write(`\n──── ${name}: ${status ? `FAILED (exit ${status})` : 'passed'} in ${seconds(t0)} s ────\n`);
        process.stdout.write(Buffer.concat(out));
      }
      resolve(status);
    });
  });
}

mkdirSync('reports', { recursive: true });
const t0 = performance.now();
console.log(`test: ${STAGE_1.map((s) => s[0]).join(', ')} side by side, then the browser tests`);
const codes = await Promise.all(STAGE_1.map((s) => run(s, false)));
const byName = Object.fromEntries(STAGE_1.map((s, i) => [s[0], codes[i]]));
writeFileSync('reports/static.json', JSON.stringify({ check: byName.check, lint: byName.lint }) + '\n');
let status = codes.some((c) => c !== 0) ? 1 : 0;
if (status) console.log(`\ntest: ${STAGE_1.filter((_, i) => codes[i]).map((s) => s[0]).join(', ')} failed; the browser tests are not run`);
else status = await run(BROWSER, true);
console.log(`\ntest: ${timings.join(', ')}; ${seconds(t0)} s in all`);
process.exit(status);
