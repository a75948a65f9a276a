/**
 * The real-size run of README's Speed section: `anju coverage` (the bundled CLI, a whole process, run as a user runs it:
 * `bin/anju`, so with the V8 flags of its shebang) on 5,000 facilities ×
 * 1,000,000 people, as CSV (~24 MB) and as GeoJSON (~115 MB), measured with `/usr/bin/time -v`: CPU
 * seconds (user + system) and peak resident memory, also less a bare `node -e 0`'s peak. Beside it the numpy + GEOS reference
 * (bench/coverage-1m/reference.py) on the same files when Debian's python3-shapely is installed;
 * it says so when it is not. The files are written once to the OS temp folder (seeded, ~140 MB).
 * Run: `npm run bench -- coverage-1m` (BENCH_PEOPLE=100000 for a quicker look).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBigCoverageFiles } from './coverage-1m/generate.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const PYTHON = '/usr/bin/python3';

/** CPU seconds and peak memory of one command, from GNU time's verbose report. */
function timed(cmd: string[]): { cpuS: number; peakMB: number; ok: boolean } {
  const r = spawnSync('/usr/bin/time', ['-v', ...cmd], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(r.stderr)?.[1] ?? NaN);
  if (r.status !== 0) process.stderr.write(`${cmd.join(' ')} exited ${r.status}:\n${r.stderr.slice(-2000)}\n`);
  return { cpuS: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'), peakMB: field('Maximum resident set size \\(kbytes\\)') / 1024, ok: r.status === 0 };
}

function hasShapely(): boolean {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ['-c', 'import numpy, shapely'], { stdio: 'ignore' }).status === 0;
}

export async function run() {
  if (!existsSync('/usr/bin/time')) {
    console.log('coverage-1m: /usr/bin/time is not installed (Debian package `time`): skipped');
    return [];
  }
  const people = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
  const dir = join(tmpdir(), `anju-coverage-${people}`);
  const files = existsSync(join(dir, 'population.geojson')) ? { facilitiesCsv: join(dir, 'facilities.csv'), populationCsv: join(dir, 'population.csv'), populationGeojson: join(dir, 'population.geojson') } : await writeBigCoverageFiles(dir, people);
  execFileSync('node', ['scripts/build-cli.mjs'], { cwd: root, stdio: 'ignore' });
  const shapely = hasShapely();
  if (!shapely) console.log('coverage-1m: the numpy + GEOS reference needs Debian\'s python3-numpy and python3-shapely (apt-get install -y python3-shapely): not installed, so only Anju is measured');
  // A bare `node` process's peak: the floor any Node command starts from.
  const bare = timed(['node', '-e', '0']);
  const rows = [];
  for (const [label, population] of [['CSV', files.populationCsv], ['GeoJSON', files.populationGeojson]] as const) {
    const sizeMB = statSync(population).size / 1048576;
    const anju = timed(['bin/anju', 'coverage', '--crs', 'wgs84', '--facilities', files.facilitiesCsv, '--population', population, '--json']);
    const ref = shapely ? timed([PYTHON, 'bench/coverage-1m/reference.py', 'geodata/boards.geojson', files.facilitiesCsv, population]) : null;
    rows.push({
      case: `${people.toLocaleString('en')} people, ${label}`,
      fileMB: sizeMB.toFixed(1),
      anjuCpuS: anju.cpuS.toFixed(1),
      anjuPeakMB: anju.peakMB.toFixed(0),
      memoryPerFile: (anju.peakMB / sizeMB).toFixed(1) + '×',
      anjuOverNodeMB: (anju.peakMB - bare.peakMB).toFixed(0),
      overNodePerFile: ((anju.peakMB - bare.peakMB) / sizeMB).toFixed(1) + '×',
      referenceCpuS: ref ? ref.cpuS.toFixed(1) : '—',
      referencePeakMB: ref ? ref.peakMB.toFixed(0) : '—',
      cpuRatio: ref ? (anju.cpuS / ref.cpuS).toFixed(2) + '×' : '—',
    });
  }
  console.log(`load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  return rows;
}
