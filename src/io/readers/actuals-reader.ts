/**
 * Actual supply (实际供应): rows of board or county × year × type × units from a table (CSV/TSV/XLSX
 * read without coordinates, `allowTable`), or located projects (points or polygons) with year,
 * type and units whose board is derived from where they lie, as for drawn sites. Units in 套, or
 * in 万套 where the column or a unit column says so; old-community renovation (综合整治, 拆改结合)
 * in communities (个). Unknown boards, counties, types and years are named per row and field;
 * strict by default, so nothing is half-imported.
 */
import type { Feature, Point, Polygon } from 'geojson';
import { ACTUALS_PROBLEM_CODES, problem, type Checked, type Problem } from '../../domain/problem.ts';
import { isRenovationType, type ActualRecord } from '../../domain/actuals.ts';
import { planYears } from '../../data/active-plan.ts';
import { UNITS_PER_WAN_TAO } from '../../domain/units.ts';
import { defaultBoards } from '../../data/default-boards.ts';
import { annex1, annex2 } from '../../data/allocation-data.ts';
import { COMMON_READER_CODES, finish, geometryError, readEach, type ImportedLayer, type InputReader, type ReadOptions, type Where } from './input-reader.ts';
import { fieldList, isBlank, numberOf, propertyKeys, resolveFields, shown, textOf, valueOf } from './fields.ts';
import { matchBoard, type KnownBoard } from './boards-reader.ts';
import { countyLookup, isTotalLabel, norm, typeLookup, typeNamesForMessage } from './actual-names.ts';

export const ACTUALS_FIELDS = {
  board: ['board', 'boardId', 'boardName', '板块', '板块名称', '板块编号'],
  county: ['county', 'district', '县区', '区县', '县(市、区)', '县市区', '所在区县', '行政区', '区域'],
  year: ['year', '年份', '年度', '年', '完成年份', '竣工年份', '供应年份'],
  type: ['type', 'housingType', '类型', '住房类型', '类别'],
  units: ['units', '套数', '供应套数', '完成套数', '竣工套数', '数量', '个数', '小区个数', 'communities', 'count'],
  unitsWanTao: ['万套', '套数(万套)', '供应套数(万套)', '数量(万套)', 'unitsWanTao', 'units_wan'],
  unit: ['unit', '单位', '计量单位'],
  name: ['name', '项目名称', '名称', '项目'],
} as const;

const GEOMETRY_TYPES = ['Point', 'Polygon'] as const;

export interface ActualsReadOptions extends ReadOptions {
  /** The boards rows may name (the project's); default the plan's 21. */
  known?: readonly KnownBoard[];
  /** The plan period's years; default the active plan package's (2021–2025 built in). */
  years?: readonly number[];
}

const TYPES = typeLookup(annex1);
const COUNTIES = countyLookup(annex2);
const TYPE_NAMES = typeNamesForMessage(annex1);
const COUNTY_NAMES = [...new Set(COUNTIES.values())].join('、');
const WAN = new Set(['万套', '10k', '10,000units', 'wantao']);
const TAO = new Set(['套', 'units', 'unit', 'dwellings']);
const GE = new Set(['个', 'communities', '小区', '个小区']);

/** Units as a whole number of 套 (or 个), from 套 or 万套; a problem for anything else. */
function unitsOf(raw: unknown, wan: boolean, field: string, at: Where): number | Problem {
  const n = numberOf(raw);
  if (n === null || n < 0) return problem('actuals-bad-units', { ...at, field, params: { value: shown(raw) } });
  const units = wan ? n * UNITS_PER_WAN_TAO : n;
  const whole = Math.round(units);
  // 万套 with up to 4 decimals is a whole number of 套 within floating-point noise.
  if (Math.abs(units - whole) > (wan ? 1e-6 * UNITS_PER_WAN_TAO : 0)) return problem('actuals-bad-units', { ...at, field, params: { value: shown(raw) } });
  return whole;
}

/** Read actual supply; `options.known` are the project's boards, `options.years` the plan period. */
export function readActuals(layer: ImportedLayer, options: ActualsReadOptions = {}): Checked<ActualRecord[]> {
  const known = options.known ?? defaultBoards.features.map((f) => f.properties);
  const years = options.years ?? planYears();
  const keys = resolveFields(propertyKeys(layer.features), ACTUALS_FIELDS);
  let boardRows = 0;
  let countyRows = 0;
  const r = readEach<ActualRecord>(layer, options, (f: Feature, at) => {
    const errors: Problem[] = [];
    const located = f.geometry !== null && f.geometry !== undefined;
    if (located) {
      const wrong = geometryError(f, at, GEOMETRY_TYPES);
      if (wrong) errors.push(wrong);
    }
    // Where: a board (tables), a county (tables and located projects), or the location itself.
    let boardId: string | null = null;
    let county: string | null = null;
    const boardText = located ? null : textOf(valueOf(f, keys.board));
    const countyText = textOf(valueOf(f, keys.county));
    for (const [text, key] of [[boardText, keys.board], [countyText, keys.county]] as const) {
      if (text !== null && isTotalLabel(text)) return { errors: [problem('actuals-total-row', { ...at, field: key ?? '', params: { value: shown(text) } })] };
    }
    if (boardText !== null) {
      const b = matchBoard(boardText, known);
      if (b) boardId = b.id;
      else errors.push(problem('unknown-board', { ...at, field: keys.board ?? 'board', params: { value: shown(boardText), count: known.length } }));
    }
    if (countyText !== null) {
      county = COUNTIES.get(norm(countyText)) ?? null;
      if (county === null) errors.push(problem('actuals-unknown-county', { ...at, field: keys.county ?? 'county', params: { value: shown(countyText), known: COUNTY_NAMES } }));
    }
    if (!located && boardText === null && countyText === null) {
      errors.push(problem('actuals-missing-place', { ...at, params: { fields: `${fieldList(ACTUALS_FIELDS.board, 3)}、${fieldList(ACTUALS_FIELDS.county, 3)}` } }));
    }
    // When: a year of the plan period.
    const yearRaw = valueOf(f, keys.year);
    const year = numberOf(yearRaw);
    if (isBlank(yearRaw)) errors.push(problem('actuals-missing-year', { ...at, field: keys.year ?? fieldList(ACTUALS_FIELDS.year) }));
    else if (year === null || !years.includes(year)) errors.push(problem('actuals-bad-year', { ...at, field: keys.year ?? 'year', params: { value: shown(yearRaw), first: years[0], last: years[years.length - 1] } }));
    // What: a housing type (套) or a renovation kind (个).
    const typeText = textOf(valueOf(f, keys.type));
    const type = typeText === null ? null : (TYPES.get(norm(typeText)) ?? null);
    if (typeText === null) errors.push(problem('actuals-missing-type', { ...at, field: keys.type ?? fieldList(ACTUALS_FIELDS.type) }));
    else if (type === null) errors.push(problem('actuals-unknown-type', { ...at, field: keys.type ?? 'type', params: { value: shown(typeText), known: TYPE_NAMES } }));
    // How many: 套 (or 万套 where the column or the unit column says so); 个 for renovation.
    const unitText = textOf(valueOf(f, keys.unit));
    const unit = unitText === null ? null : norm(unitText);
    const renovation = type !== null && isRenovationType(type);
    if (unit !== null && !WAN.has(unit) && !TAO.has(unit) && !GE.has(unit)) errors.push(problem('actuals-bad-unit', { ...at, field: keys.unit ?? 'unit', params: { value: shown(unitText) } }));
    else if (type !== null && unit !== null && renovation !== GE.has(unit)) {
      errors.push(renovation ? problem('actuals-renovation-units', { ...at, field: keys.unit ?? 'unit', params: { value: shown(unitText) } }) : problem('actuals-bad-unit', { ...at, field: keys.unit ?? 'unit', params: { value: shown(unitText) } }));
    }
    const plain = valueOf(f, keys.units);
    const wanRaw = valueOf(f, keys.unitsWanTao);
    let units: number | Problem | null = null;
    if (!isBlank(plain)) units = unitsOf(plain, unit !== null && WAN.has(unit), keys.units ?? 'units', at);
    else if (!isBlank(wanRaw)) units = renovation ? problem('actuals-renovation-units', { ...at, field: keys.unitsWanTao ?? '万套', params: { value: '万套' } }) : unitsOf(wanRaw, true, keys.unitsWanTao ?? '万套', at);
    else errors.push(problem('actuals-missing-units', { ...at, field: keys.units ?? fieldList(ACTUALS_FIELDS.units) }));
    if (units !== null && typeof units === 'object') errors.push(units);
    if (errors.length || type === null || year === null || typeof units !== 'number') return { errors };
    if (located || boardId !== null) boardRows++;
    else countyRows++;
    const name = textOf(valueOf(f, keys.name));
    const where = at.row !== undefined ? { row: at.row } : { featureIndex: at.featureIndex ?? 0 };
    return {
      value: {
        boardId,
        county,
        ...(located ? { geometry: f.geometry as Point | Polygon } : {}),
        year,
        type,
        units,
        ...where,
        ...(name !== null ? { name } : {}),
      },
    };
  });
  if (boardRows > 0 && countyRows > 0) r.warnings.push(problem('actuals-mixed-levels', { file: layer.file, params: { boardRows, countyRows } }, 'warning'));
  return finish(layer, options, r.errors, r.warnings, r.values, r.values.length);
}

export const actualsReader: InputReader<ActualRecord[]> = { kind: 'actuals', geometryTypes: GEOMETRY_TYPES, fields: ACTUALS_FIELDS, problemCodes: [...COMMON_READER_CODES, 'unknown-board', ...ACTUALS_PROBLEM_CODES], read: readActuals };
