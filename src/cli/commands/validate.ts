import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIO } from '../command.ts';
import { CliError, MAX_LISTED_PROBLEMS, UsageError, formatProblemList } from '../cli-error.ts';
import { importLayer } from '../../io/import-layer.ts';
import { UNREADABLE_CODES, type ImportResult, type ImportSummary } from '../../io/import-result.ts';
import { readInputBytes } from '../read-input.ts';
import { describeCrs } from '../../io/crs.ts';
import { INPUT_KINDS, isInputKind } from '../../io/readers/input-reader.ts';
import { READERS } from '../../io/readers/readers.ts';
import { formatProblem } from '../../i18n/problems.ts';
import { layerOptions, layerOptionSpecs } from '../layer-options.ts';

function printSummary(s: ImportSummary, io: CliIO): void {
  const types = Object.entries(s.geometryTypes).map(([t, n]) => `${t} ${n}`).join(', ');
  const crs = s.crs ? `${describeCrs(s.crs.crs)} (${s.crs.source}${s.crs.towgs84Source ? `; towgs84 from ${s.crs.towgs84Source === 'user' ? '--towgs84' : 'the .prj'}` : ''}${s.crs.ambiguous ? `; ambiguous: could be ${s.crs.candidates.join(' / ')}` : ''}${s.crs.swapped ? '; lon/lat swapped' : ''})` : '-';
  io.out(`file:      ${s.file} (${s.format ?? '?'})`);
  io.out(`encoding:  ${s.encoding ?? '-'}${s.details.encodingSource ? ` (${s.details.encodingSource})` : ''}`);
  io.out(`crs:       ${crs}`);
  io.out(`features:  ${s.featuresImported} imported of ${s.featuresRead}${s.skipped.length ? `, ${s.skipped.length} skipped` : ''}${s.emptySkipped ? `, ${s.emptySkipped} without geometry skipped` : ''}`);
  io.out(`geometry:  ${types || '-'}`);
  io.out(`bbox:      ${s.bboxDeg ? s.bboxDeg.map((x) => x.toFixed(6)).join(', ') : '-'} (WGS-84 lon/lat: west, south, east, north)`);
}

function exitCode(r: ImportResult): number {
  if (r.ok) return 0;
  return r.problems.some((p) => UNREADABLE_CODES.has(p.code)) ? 2 : 1;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { type: { type: 'string' }, lenient: { type: 'boolean' }, json: { type: 'boolean' }, ...layerOptionSpecs([]) },
  });
  if (positionals.length !== 1) throw new UsageError('expected one FILE');
  if (values.type !== undefined && values.type !== 'generic' && !isInputKind(values.type)) throw new CliError(`unknown layer type "${values.type}" (expected ${INPUT_KINDS.join(', ')})`, 2);
  // One file: its --crs is the user's statement about it, over anything the file declares.
  const layers = layerOptions(values, []);
  const path = positionals[0];
  const bytes = readInputBytes(path);
  const file = basename(path);
  const lenient = values.lenient ?? false;
  let r: ImportResult = await importLayer(bytes, file, { ...(layers.crs ? { crs: layers.crs } : {}), ...(layers.columns ? { columns: layers.columns } : {}), ...(layers.towgs84 ? { towgs84: layers.towgs84 } : {}), lenient, ...(values.type === 'actuals' ? { allowTable: true } : {}) });
  // With --type, the kind's reader checks what that kind needs: the very reader the app and the analyses use.
  if (r.ok && values.type !== undefined && isInputKind(values.type)) {
    const read = READERS[values.type].read({ file, features: r.value.features, origins: r.origins }, { lenient });
    r = read.ok ? { ...r, warnings: [...r.warnings, ...read.warnings] } : { ok: false, problems: [...read.problems, ...r.warnings], summary: r.summary };
  }
  const code = exitCode(r);
  const problems = r.ok ? r.warnings : r.problems;
  if (values.json) {
    io.out(JSON.stringify({ valid: r.ok, exitCode: code, summary: r.summary, problems: problems.map((p) => ({ ...p, message: { en: formatProblem(p, 'en'), zh: formatProblem(p, 'zh') } })) }, null, 2));
    return code;
  }
  if (r.ok) printSummary(r.summary, io);
  const shown = problems.slice(0, MAX_LISTED_PROBLEMS);
  for (const p of shown) io.err(`${p.severity}: ${formatProblem(p, 'en')}`);
  if (problems.length > shown.length) io.err(formatProblemList(problems.slice(shown.length), 0));
  return code;
}
