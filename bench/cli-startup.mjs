/**
 * CPU time of `anju boards --json` against `node -e 0` (the start-up goal: at most 4×).
 * Each runs RUNS times; CPU = user + system of the process from its start, read at exit
 * (bench/cpu-at-exit.mjs). Prints the medians and their ratio. Usage: npm run bench:cli [-- RUNS]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.argv[2] ?? 15);
const dir = mkdtempSync(join(tmpdir(), 'anju-cpu-'));
const preload = ['--import', new URL('./cpu-at-exit.mjs', import.meta.url).href];

function cpuMs(args) {
  const file = join(dir, 'cpu.txt');
  rmSync(file, { force: true });
  const r = spawnSync(process.execPath, [...preload, ...args], { cwd: ROOT, env: { ...process.env, ANJU_CPU_FILE: file }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(readFileSync(file, 'utf8'));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
cpuMs(['bin/anju', 'boards', '--json']); // builds the bundle if a source changed
const node = [];
const anju = [];
for (let i = 0; i < RUNS; i++) {
  node.push(cpuMs(['-e', '0']));
  anju.push(cpuMs(['bin/anju', 'boards', '--json']));
}
rmSync(dir, { recursive: true, force: true });
const n = median(node);
const a = median(anju);
console.log(`node -e 0:              ${n.toFixed(0)} ms CPU (median of ${RUNS})`);
console.log(`anju boards --json:     ${a.toFixed(0)} ms CPU (median of ${RUNS})`);
console.log(`ratio:                  ${(a / n).toFixed(1)}× (goal ≤ 4×)`);
