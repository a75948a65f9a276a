/**
 * `npm test`: every check and test, side by side.
 *
 * At the same time: type checking (svelte-check), lint (eslint, knip), the unit and server tests
 * (vitest, JSON report reports/unit.json) and the app's build (vite build); as soon as the build
 * has passed, the browser tests (reports/browser.json, two files at a time) start beside whatever
 * of the rest is still running. Each of the first four is mostly one thread, and one browser test
 * file keeps about one core busy (its page and Chromium's GPU process wait on each other for every
 * frame), so side by side they use the machine's cores instead of waiting in turn (docs/ci-time.md). The browser tests' output is live; each other command's output is printed
 * whole when it ends.
 *
 * Then, alone on the machine, the one browser file that checks the page's main thread against the clock
 * (responsive.test.ts; reports/browser-alone.json).
 *
 * reports/static.json records the exit code of the type check and the lint, which have no
 * vitest report of their own (.ci/summarize.mjs counts them). Exit code 0 only when all passed;
 * when the build fails, the browser tests are not run.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const STAGE_1 = [
  ['check', 'npm', ['run', '--silent', 'check']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit', 'npm', ['run', '--silent', 'test:unit']],
  ['build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
];
/**
 * The browser file whose checks are against the clock of the page's main thread (no script over 200 ms after 替换):
 * it runs alone at the end, with nothing else on the machine. Beside another browser file (two at a time) its longest
 * script, a MapLibre frame, was 151 and 260 ms in two runs (none over 50 ms in a third); alone on an idle machine
 * 72–83 ms (2026-11-27).
 */
const ALONE = 'test/browser/responsive.test.ts';
const BROWSER = ['browser', 'npx', ['vitest', 'run', '--project', 'browser', '--exclude', ALONE, '--reporter=default', '--reporter=json', '--outputFile.json=reports/browser.json']];
const BROWSER_ALONE = ['browser (alone)', 'npx', ['vitest', 'run', '--project', 'browser', ALONE, '--reporter=default', '--reporter=json', '--outputFile.json=reports/browser-alone.json']];

const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(0);
const timings = [];
let built = false;

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
console.log(`test: ${STAGE_1.map((s) => s[0]).join(', ')} side by side; the browser tests as soon as the build has passed`);
const [check, lint, unit, browser] = await Promise.all([
  run(STAGE_1[0], false),
  run(STAGE_1[1], false),
  run(STAGE_1[2], false),
  run(STAGE_1[3], false).then((build) => {
    built = build === 0;
    if (built) return run(BROWSER, true);
    console.log('\ntest: build failed; the browser tests are not run');
    return 1;
  }),
]);
writeFileSync('reports/static.json', JSON.stringify({ check, lint }) + '\n');
// When the build passed: the clock-bound file, now that everything else is done.
const alone = built ? await run(BROWSER_ALONE, true) : 1;
const status = [check, lint, unit, browser, alone].some((c) => c !== 0) ? 1 : 0;
console.log(`\ntest: ${timings.join(', ')}; ${seconds(t0)} s in all`);
process.exit(status);
