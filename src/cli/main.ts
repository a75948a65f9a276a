/**
 * `anju <command>`: the command line over Anju's core. JSON on stdout, messages on stderr;
 * exit 0 success, 1 invalid input, 2 unreadable file or usage error, 70 internal error.
 *
 * Adding a command (e.g. `serve`): write src/cli/commands/<name>.ts exporting
 * `run(argv, io): Promise<number>`, and add a CommandSpec below whose `load` is
 * `() => import('./commands/<name>.ts')`. Keep that import dynamic and keep heavy imports out of
 * this file: the bundle (scripts/build-cli.mjs, esbuild with code splitting) then puts each
 * command's modules in chunks loaded only when it runs, so `anju boards` never parses proj4 or
 * a database driver. Inside a command, import what only some options need with `await import()`
 * too. `--help` is answered here from the spec, without loading the command.
 */
import type { CliIO, CommandSpec } from './command.ts';
import { CliError, OutputClosed, UsageError } from './cli-error.ts';
import { escapeControls } from './safe-text.ts';
import { PLAN_OPTION_HELP, takePlanOption } from './plan-option.ts';
import { LAYER_OPTIONS_HELP } from './layer-option-specs.ts';

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'boards',
    summary: 'List the 21 boards with category, district and area (km²).',
    usage: 'anju boards [--boards B.geojson [--crs SYS]] [--json]',
    options: [
      '--boards FILE      official boundaries for the 21 boards (by name or id; any format the importer reads): boards not in it keep their shipped extent',
      ...LAYER_OPTIONS_HELP,
      '--json             print JSON: [{ id, name, category, district, areaKm2 }]',
    ],
    load: () => import('./commands/boards.ts'),
  },
  {
    name: 'coverage',
    summary: 'Life-circle coverage per board: share of area and residents within each radius of a facility (GB 50180-2018).',
    usage: 'anju coverage --facilities F.(geojson|csv|zip|kml) [--boards B] [--population P] [--network N] [--radii 300,500,1000] [--tier any|15-min|10-min|5-min|block] [--crs SYS] [--json]',
    options: [
      '--boards FILE       board polygons with an id or name (default: the 21 shipped schematic boards)',
      '--facilities FILE   facility points, with a category (GB 50180 names in Chinese or English) or none (GeoJSON, CSV, zipped Shapefile, KML)',
      '--population FILE   residents as points or polygons with a population property (default: none)',
      '--radii M,M,…       walking radii in metres (default 300,500,1000)',
      '--tier T            facilities of one life-circle tier only: any, 15-min, 10-min, 5-min or block (default any)',
      '--network FILE      a street network (LineStrings): walking-network figures beside the straight-line ones',
      ...LAYER_OPTIONS_HELP,
      '--json              print JSON',
    ],
    load: () => import('./commands/coverage.ts'),
  },
  {
    name: 'jobs-housing',
    summary: 'Job–housing balance per board: overlap share, jobs in reach, dwellings, ratio and verdict (jobs per dwelling, balanced 1.3–1.7, Ewing 1996).',
    usage: 'anju jobs-housing [--boards B.geojson] [--employment E.geojson] [--radius-km 5] [--dwellings D.json] [--crs SYS] [--job-counting every-board|shared] [--json]',
    options: [
      '--boards FILE       board polygons with id/name (default: the shipped schematic boards)',
      '--employment FILE   employment areas with jobs (default: the shipped illustrative areas)',
      '--radius-km KM      commute catchment from each area’s edge (default 5)',
      '--dwellings FILE    JSON { "board id or name": dwellings }; boards not in it use a dwellings property,',
      '                    else the app’s assumed defaults (geodata/assumptions/board-dwellings.json; said on stderr)',
      ...LAYER_OPTIONS_HELP,
      '--job-counting C   every-board (default): a job counts for every board within reach of its area;',
      '                   shared: each area’s jobs are split among those boards by their dwellings (each job once)',
      '--json              print JSON',
    ],
    load: () => import('./commands/jobs-housing.ts'),
  },
  {
    name: 'validate',
    summary: 'Check a layer file (GeoJSON, CSV/TSV, XLSX, zipped Shapefile, KML); exit 0 valid, 1 invalid, 2 unreadable.',
    usage: 'anju validate FILE [--type boards|facilities|population|employment|streets|actuals] [--crs wgs84|gcj02|bd09|cgcs2000-gk|xian80-gk|beijing54-gk [--cm DEG]] [--towgs84 dx,dy,dz[,rx,ry,rz,s]] [--x COL --y COL | --wkt COL] [--lenient] [--json]',
    options: [
      '--crs SYS     the file’s coordinate system, over what it declares: wgs84, gcj02, bd09, cgcs2000-gk, xian80-gk, beijing54-gk',
      '              (default: detected; the summary says when it stays ambiguous)',
      '--cm DEG      central meridian of a -gk system (Wenzhou: 120); may be left out when the eastings carry the zone',
      '--towgs84 P   dx,dy,dz[,rx,ry,rz,s]: the Xian 1980 / Beijing 1954 → WGS-84 transformation (metres, arc-seconds, ppm)',
      '--x COL --y COL | --wkt COL   the coordinate columns of a CSV',
      '--type T      read the file as this kind of input too, with the reader the app and the analyses use',
      '--lenient     skip bad features (listed) instead of failing',
      '--json        print JSON: { valid, exitCode, summary, problems }',
    ],
    load: () => import('./commands/validate.ts'),
  },
  {
    name: 'targets',
    summary: "The plan's targets (第二章第三节 and its table), each with its citation and quote.",
    usage: 'anju targets [--json]',
    options: ['--json   print JSON: { source, targets, annexes }'],
    load: () => import('./commands/targets.ts'),
  },
  {
    name: 'check',
    summary: 'Validate a project file (*.anju.json) and report totals against every target and every rule warning.',
    usage: 'anju check FILE.anju.json [--json] [--boards B.geojson] [--employment E.geojson] [--crs SYS]',
    options: [
      '--boards FILE       boards the file’s allocations refer to, when the file holds none (default: the shipped ones)',
      '--employment FILE   employment areas for the rules that need them (default: the shipped ones)',
      ...LAYER_OPTIONS_HELP,
      '--json              print JSON: { file, valid, boardsSource, employmentAreas, scenarios }',
    ],
    load: () => import('./commands/check.ts'),
  },
  {
    name: 'evaluate',
    summary: 'Implementation review: actual supply against the plan’s targets, 附件1 and 附件2, and a scenario, per board × year × type.',
    usage: 'anju evaluate --actuals A.(csv|tsv|xlsx|geojson|zip) [--project P.anju.json [--scenario ID]] [--boards B] [--crs SYS] [--json]',
    options: [
      '--actuals FILE     actual supply: a table of board (板块) or county (县区) × year (年份) × type (类型) × units (套数, or 万套),',
      '                   old-community renovation (综合整治/拆改结合) in communities (个); or projects as points/polygons with',
      '                   year, type and units, assigned to boards by location',
      '--project FILE     a project file: its boards and a scenario to compare with (default: its first scenario)',
      '--scenario ID      which scenario of the project',
      '--boards FILE      official boundaries, when the project holds none (default: the shipped schematic boards)',
      ...LAYER_OPTIONS_HELP,
      '--json             print JSON: { targets: [{ id, name, unit, planMin, planMax, actual, scenario, state, … }],',
      '                   byBoardYearType: [{ board, year, type, actual, scenario }], boards, annex1, coverage }',
    ],
    load: () => import('./commands/evaluate.ts'),
  },
  {
    name: 'serve',
    summary: 'Run the team server: the app and the JSON API (/api/) over the embedded store (PGlite in --data) or PostgreSQL.',
    usage: 'anju serve [--port 8080] [--host 127.0.0.1] [--data DIR | --database-url URL] [--trust-proxy] [--max-body-mb 64] [--basemap FILE] [--no-app] [--quiet]',
    options: [
      '--port N             TCP port (default 8080; 0 picks a free one)',
      '--host H             address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)',
      '--data DIR           the embedded store (PGlite) lives here (default ./anju-data)',
      '--database-url URL   use PostgreSQL ≥ 14 instead (also DATABASE_URL)',
      '--trust-proxy        believe X-Forwarded-For/-Proto (only behind your own reverse proxy)',
      '--max-body-mb MB     largest project a save may send (default 64)',
      '--basemap FILE       a .pmtiles or .mbtiles basemap every signed-in user gets as 团队底图 (MBTiles up to 1 GB)',
      '--no-app             serve the API only, not the built app',
      '--quiet              no request log on stdout',
    ],
    load: () => import('./commands/serve.ts'),
  },
  {
    name: 'users',
    summary: "Manage the team server's accounts: add (password on stdin), token, list, disable. Works while the server runs.",
    usage: 'anju users add NAME --role admin|planner|reviewer|viewer | token NAME | list [--json] | disable NAME  [--data DIR | --database-url URL]',
    options: [
      'add NAME --role R    new account; the password is read from stdin (first line), at least 8 characters',
      'token NAME           a new API token for scripts, printed alone on stdout (only its hash is stored)',
      'list [--json]        every account with role and state',
      'disable NAME         lock the account out at once (sessions and tokens end)',
      '--data DIR | --database-url URL   the store, as for serve (also DATABASE_URL)',
    ],
    load: () => import('./commands/users.ts'),
  },
  {
    name: 'members',
    summary: "A team-server project's members and roles; add NAME ROLE (owner, planner, reviewer, viewer) or remove NAME. Works while the server runs.",
    usage: 'anju members PROJECT [add NAME ROLE | remove NAME] [--json]  [--data DIR | --database-url URL]',
    options: [
      'PROJECT             the project\'s id, or its exact name',
      'add NAME ROLE       give the user that role in the project (adds them, or changes their role)',
      'remove NAME         take the user out of the project (its only owner cannot be removed)',
      '--json              print the members and the access history (every change: who, when) as JSON',
      '--data DIR | --database-url URL   the store, as for serve (also DATABASE_URL)',
    ],
    load: () => import('./commands/members.ts'),
  },
  {
    name: 'comments',
    summary: "Every review comment of a team-server project with its anchor, state and revision (for scripted checks). Works while the server runs.",
    usage: 'anju comments PROJECT [--json] [--open]  [--data DIR | --database-url URL]',
    options: [
      'PROJECT             the project\'s id, or its exact name',
      '--json              {project, comments: [{id, anchor, scenarioId, state, revision, author, at, body, mentions, stateBy, stateAt, replies}]}',
      '--open              open threads only',
      '--data DIR | --database-url URL   the store, as for serve (also DATABASE_URL)',
    ],
    load: () => import('./commands/comments.ts'),
  },
  {
    name: 'backup',
    summary: 'Write every project with its full history, and the accounts, to FILE (JSON Lines; restores into PGlite or PostgreSQL).',
    usage: 'anju backup FILE [--data DIR | --database-url URL]',
    options: ['--data DIR | --database-url URL   the store, as for serve (also DATABASE_URL); works while the server runs'],
    load: () => import('./commands/backup.ts'),
  },
  {
    name: 'restore',
    summary: 'Restore a backup into an empty store (or replace everything with --replace); all or nothing.',
    usage: 'anju restore FILE [--replace] [--data DIR | --database-url URL]',
    options: ['--replace   empty the store first (in the same transaction: a bad file changes nothing)', '--data DIR | --database-url URL   the store, as for serve (also DATABASE_URL)'],
    load: () => import('./commands/restore.ts'),
  },
];

const wantsHelp = (argv: readonly string[]) => argv.includes('--help') || argv.includes('-h');

function overview(): string {
  const lines = ['usage: anju <command> [options]   (anju <command> --help for its options)', '', 'commands:'];
  for (const c of COMMANDS) lines.push(`  ${c.usage}`, `      ${c.summary}`);
  lines.push('', `every command also takes ${PLAN_OPTION_HELP.replace(/ {2,}/, ': ')}`);
  lines.push('', 'exit codes: 0 success, 1 invalid input, 2 unreadable file or usage error, 3 store unreachable or busy, 70 internal error');
  return lines.join('\n');
}

function commandHelp(c: CommandSpec): string {
  return [`usage: ${c.usage} [--plan FILE]`, '', c.summary, '', 'options:', ...[...c.options, PLAN_OPTION_HELP].map((o) => `  ${o}`)].join('\n');
}

/** Run `anju` with `argv` (without node and the script); returns the exit code. Never throws. */
export async function main(argv: string[], rawIo: CliIO): Promise<number> {
  // Text from users' files reaches the terminal through these: no escape sequence gets through.
  const io: CliIO = { out: (l) => rawIo.out(escapeControls(l)), err: (l) => rawIo.err(escapeControls(l)), drain: rawIo.drain };
  const [name, ...rest] = argv;
  if (!name) {
    io.err(overview());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.err(`anju: unknown command "${name}"\n\n${overview()}`);
    return 2;
  }
  if (wantsHelp(rest)) {
    io.out(commandHelp(cmd));
    return 0;
  }
  let restorePlan: (() => void) | null = null;
  try {
    // --plan FILE: one option of every command, taken off before the command parses the rest.
    const plan = takePlanOption(rest);
    if (plan.path !== null) restorePlan = (await import('./plan-option-load.ts')).usePlanFile(plan.path, io);
    const { run } = await cmd.load();
    return await run(plan.rest, io);
  } catch (e) {
    if (e instanceof OutputClosed) return 0;
    if (e instanceof UsageError) {
      io.err(`anju ${name}: ${e.message}\nusage: ${cmd.usage}`);
      return e.exitCode;
    }
    if (e instanceof CliError) {
      io.err(`anju ${name}: ${e.message}`);
      return e.exitCode;
    }
    // parseArgs reports unknown/invalid options with a code; treat them as usage errors.
    if (e && typeof e === 'object' && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`anju ${name}: ${e instanceof Error ? e.message : String(e)}\nusage: ${cmd.usage}`);
      return 2;
    }
    io.err(`anju ${name}: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 70;
  } finally {
    // In-process callers (tests, the server's console) get the built-in plan back after the command.
    restorePlan?.();
  }
}

