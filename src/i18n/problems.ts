/**
 * Problem messages in Chinese and English. Templates use {name} placeholders filled from
 * Problem.params; the location (file, feature, row, field) is prefixed by formatProblem.
 */
import type { Problem } from '../domain/problem.ts';
import type { Lang } from './lang.ts';

type Templates = Record<string, { zh: string; en: string }>;

export const PROBLEM_TEMPLATES: Templates = {
  'file-unreadable': { zh: '无法读取文件：{detail}', en: 'cannot read the file: {detail}' },
  'not-json': { zh: '不是有效的 JSON：{detail}', en: 'not valid JSON: {detail}' },
  'not-geojson': { zh: '不是 GeoJSON（缺少 type 为 FeatureCollection/Feature/几何的对象）', en: 'not GeoJSON (no FeatureCollection, Feature or geometry object)' },
  'invalid-geojson': { zh: 'GeoJSON 结构无效：{detail}', en: 'invalid GeoJSON structure: {detail}' },
  'no-features': { zh: '文件中没有要素', en: 'the file has no features' },
  'coord-out-of-range': { zh: '坐标超出经纬度范围：{coord}', en: 'coordinate outside longitude/latitude range: {coord}' },
  'projected-coords': { zh: '坐标看似投影坐标（米），而非经纬度：{coord}；请先转换为 WGS-84/CGCS2000 经纬度', en: 'coordinates look projected (metres), not longitude/latitude: {coord}; convert to WGS-84/CGCS2000 degrees first' },
  'swapped-coords': { zh: '经纬度顺序似乎颠倒：{coord}（应为 经度, 纬度）', en: 'longitude and latitude seem swapped: {coord} (expected lon, lat)' },
  'unsupported-crs': { zh: '文件声明的坐标系为 {crs}，仅支持 WGS-84/CGCS2000 经纬度', en: 'the file declares CRS {crs}; only WGS-84/CGCS2000 longitude/latitude is supported' },
  'outside-wenzhou': { zh: '要素不在温州范围内（范围中心 {coord}）', en: 'feature lies outside Wenzhou (centre {coord})' },
  'wrong-geometry-type': { zh: '几何类型为 {actual}，应为 {expected}', en: 'geometry type is {actual}, expected {expected}' },
  'empty-geometry': { zh: '几何为空', en: 'empty geometry' },
  'missing-board-key': { zh: '缺少板块名称或编号（属性 name 或 id）', en: 'no board name or id (property name or id)' },
  'unknown-board': { zh: '“{value}”不是21个板块之一', en: '"{value}" is not one of the 21 boards' },
  'duplicate-board': { zh: '板块“{value}”出现多次（另见要素 #{other}）', en: 'board "{value}" appears more than once (see also feature #{other})' },
  'missing-board': { zh: '文件缺少板块“{value}”', en: 'the file has no feature for board "{value}"' },
  'csv-no-coordinates': { zh: '找不到经纬度列（表头：{headers}）；请将列命名为 lon/lat、经度/纬度 或 x/y', en: 'no longitude/latitude columns (headers: {headers}); name them lon/lat, 经度/纬度 or x/y' },
  'csv-bad-coordinate': { zh: '坐标不是数字：{value}', en: 'coordinate is not a number: {value}' },
  'unsupported-format': { zh: '不支持的文件类型“.{ext}”', en: 'unsupported file type ".{ext}"' },
  'jh-missing-jobs': { zh: '就业区缺少岗位数（属性 jobs）', en: 'employment area has no jobs figure (property jobs)' },
  'jh-bad-jobs': { zh: '岗位数应为不小于 0 的数字，而不是“{value}”', en: 'jobs must be a number ≥ 0, not "{value}"' },
  'jh-duplicate-id': { zh: '就业区编号“{value}”出现多次', en: 'employment area id "{value}" appears more than once' },
  'jh-bad-dwellings': { zh: '住房套数应为不小于 0 的数字，而不是 {value}', en: 'dwellings must be a number ≥ 0, not {value}' },
  'jh-dwellings-not-object': { zh: '住房套数文件应为 JSON 对象：{ "板块编号或名称": 套数 }', en: 'the dwellings file must be a JSON object: { "board id or name": dwellings }' },
  'invalid-polygon': { zh: '多边形无效：{detail}', en: 'invalid polygon: {detail}' },
};

function fill(t: string, params: Problem['params']): string {
  return t.replace(/\{(\w+)\}/g, (_, k: string) => (params && k in params ? String(params[k]) : `{${k}}`));
}

/** Where the problem is, e.g. `boards.geojson 要素 #3 字段 name`. */
export function formatLocation(p: Problem, lang: Lang): string {
  const parts: string[] = [];
  if (p.file) parts.push(p.file);
  if (p.featureIndex !== undefined) parts.push(lang === 'zh' ? `要素 #${p.featureIndex + 1}` : `feature #${p.featureIndex + 1}`);
  if (p.row !== undefined) parts.push(lang === 'zh' ? `第 ${p.row} 行` : `row ${p.row}`);
  if (p.field) parts.push(lang === 'zh' ? `字段 ${p.field}` : `field ${p.field}`);
  return parts.join(' ');
}

export function formatProblem(p: Problem, lang: Lang): string {
  const t = PROBLEM_TEMPLATES[p.code];
  const msg = t ? fill(t[lang], p.params) : `${p.code} ${JSON.stringify(p.params ?? {})}`;
  const loc = formatLocation(p, lang);
  return loc ? `${loc}: ${msg}` : msg;
}
