import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIO } from '../command.ts';
import { CliError, MAX_LISTED_PROBLEMS, UsageError, formatProblemList } from '../cli-error.ts';
import { importLayer } from '../../io/import-layer.ts';
import { UNREADABLE_CODES, type ImportResult, type ImportSummary } from '../../io/import-result.ts';
import { readInputBytes } from '../read-input.ts';
import { describeCrs, isCrsId, CRS_IDS, type CrsChoice } from '../../io/crs.ts';
import { isLayerType, LAYER_TYPES } from '../../io/validate/layer-spec.ts';
import { formatProblem } from '../../i18n/problems.ts';

function crsOption(crs: string | undefined, cm: string | undefined): CrsChoice | undefined {
  if (crs === undefined) {
    if (cm !== undefined) throw new UsageError('--cm needs --crs cgcs2000-gk');
    return undefined;
  }
  if (!isCrsId(crs)) throw new CliError(`unknown CRS "${crs}" (expected ${CRS_IDS.join(', ')})`, 2);
  if (cm === undefined) return { id: crs };
  const cmDeg = Number(cm);
  if (crs !== 'cgcs2000-gk' || !Number.isFinite(cmDeg)) throw new CliError(`--cm takes a central meridian in degrees with --crs cgcs2000-gk`, 2);
  return { id: crs, gk: { centralMeridianDeg: cmDeg } };
}

function printSummary(s: ImportSummary, io: CliIO): void {
  const types = Object.entries(s.geometryTypes).map(([t, n]) => `${t} ${n}`).join(', ');
  const crs = s.crs ? `${describeCrs(s.crs.crs)} (${s.crs.source}${s.crs.ambiguous ? `; ambiguous: could be ${s.crs.candidates.join(' / ')}` : ''}${s.crs.swapped ? '; lon/lat swapped' : ''})` : '-';
  io.out(`file:      ${s.file} (${s.format ?? '?'})`);
  io.out(`encoding:  ${s.encoding ?? '-'}`);
  io.out(`crs:       ${crs}`);
  io.out(`features:  ${s.featuresImported} imported of ${s.featuresRead}${s.skipped.length ? `, ${s.skipped.length} skipped` : ''}`);
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
    options: { crs: { type: 'string' }, cm: { type: 'string' }, type: { type: 'string' }, lenient: { type: 'boolean' }, json: { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new UsageError('expected one FILE');
  if (values.type !== undefined && !isLayerType(values.type)) throw new CliError(`unknown layer type "${values.type}" (expected ${LAYER_TYPES.join(', ')})`, 2);
  const crs = crsOption(values.crs, values.cm);
  const path = positionals[0];
  const bytes = readInputBytes(path);
  const r = await importLayer(bytes, basename(path), { crs, layerType: values.type as never, lenient: values.lenient ?? false });
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
