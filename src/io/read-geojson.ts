/**
 * GeoJSON reader: a FeatureCollection, a single Feature or a bare geometry. Only the outer shape
 * is checked here; geometry and properties are checked by the import pipeline.
 */
import { problem, type Checked } from '../domain/problem.ts';
import { asFeatureCollection } from '../geo/validate-geojson.ts';
import { crsFromName } from './prj.ts';
import type { RawLayer } from './raw-layer.ts';

/** Parse GeoJSON text (already decoded) into a raw layer, or the problem that stops it. */
/** GeoJSON needs a nesting depth of about 6 (a MultiPolygon's coordinates in a collection); properties a few more. */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of arrays and objects in JSON text (outside strings), up to `limit` + 1. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip a string, with its escapes.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

export function readGeoJsonText(text: string, file: string, encoding: string | null): Checked<RawLayer> {
  // Refuse deep nesting before parsing: recursive checks (and the browser's structured clone) would overflow the stack.
  if (jsonDepth(text) > MAX_JSON_DEPTH) return { ok: false, problems: [problem('json-too-deep', { file, params: { max: MAX_JSON_DEPTH } })] };
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    // eslint-disable-next-line no-control-regex -- control characters are stripped from user text on purpose
    return { ok: false, problems: [problem('not-json', { file, params: { detail: (e instanceof Error ? e.message : String(e)).replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '?').slice(0, 200) } })] };
  }
  return readGeoJsonObject(obj, file, encoding);
}

/** A parsed GeoJSON document → a raw layer, or the problem that stops it. */
export function readGeoJsonObject(obj: unknown, file: string, encoding: string | null): Checked<RawLayer> {
  const fc = asFeatureCollection(obj);
  if (!fc) return { ok: false, problems: [problem('not-geojson', { file })] };
  if (!Array.isArray(fc.features)) return { ok: false, problems: [problem('invalid-geojson', { file, params: { detail: 'features is not an array' } })] };
  const crsName = (obj as { crs?: { properties?: { name?: unknown } } }).crs?.properties?.name;
  let declared: RawLayer['declared'] = null;
  if (typeof crsName === 'string') {
    const d = crsFromName(crsName);
    declared = d.ok ? { crs: d.crs, source: 'geojson-crs' } : { unsupported: crsName.slice(0, 120), source: 'geojson-crs' };
  }
  return { ok: true, value: { format: 'geojson', features: fc.features as unknown[], encoding, declared, problems: [], details: {} }, warnings: [] };
}
