/**
 * GeoJSON reader: a FeatureCollection, a single Feature or a bare geometry. Only the outer shape
 * is checked here; geometry and properties are checked by the import pipeline.
 */
import { problem, type Checked } from '../domain/problem.ts';
import { asFeatureCollection } from '../geo/validate-geojson.ts';
import { crsFromName } from './prj.ts';
import type { RawLayer } from './raw-layer.ts';

/** Parse GeoJSON text (already decoded) into a raw layer, or the problem that stops it. */
export function readGeoJsonText(text: string, file: string, encoding: string | null): Checked<RawLayer> {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [problem('not-json', { file, params: { detail: (e instanceof Error ? e.message : String(e)).replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '?').slice(0, 200) } })] };
  }
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
