/**
 * KML reader: XML text → features with @tmcw/togeojson, over @xmldom/xmldom's parser (Web
 * Workers have no DOMParser; the same code runs in the worker, the CLI and tests). Placemarks
 * become features (name, description, ExtendedData as properties; MultiGeometry as a
 * GeometryCollection); their checks and CRS handling are the pipeline's, as for GeoJSON.
 * KML is WGS-84 by its specification, yet Chinese web-map exports often hold GCJ-02: the CRS is
 * not declared, so the dialog asks.
 */
import { DOMParser } from '@xmldom/xmldom';
import { kml } from '@tmcw/togeojson';
import { problem, type Checked, type Problem } from '../domain/problem.ts';
import type { RawLayer } from './raw-layer.ts';

// eslint-disable-next-line no-control-regex -- control characters are stripped from user text on purpose
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '?').slice(0, 200);

/** Parse KML text (already decoded) into a raw layer, or `not-kml` with the parser's reason. */
export function readKmlText(text: string, file: string, encoding: string | null): Checked<RawLayer> {
  const errors: string[] = [];
  const notes: Problem[] = [];
  let features: unknown[];
  try {
    const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(text, 'text/xml');
    if (errors.length) return { ok: false, problems: [problem('not-kml', { file, params: { detail: clean(errors[0]) } })] };
    if (doc.documentElement?.localName !== 'kml') return { ok: false, problems: [problem('not-kml', { file, params: { detail: `root element is <${clean(doc.documentElement?.nodeName ?? '')}>, not <kml>` } })] };
    // A NetworkLink points at another file; its Region is a visibility box, not a feature (GDAL skips them too).
    const links = Array.from(doc.getElementsByTagName('NetworkLink'));
    for (const l of links) l.parentNode?.removeChild(l);
    if (links.length) notes.push(problem('kml-networklink-skipped', { file, params: { count: links.length } }, 'warning'));
    features = kml(doc).features;
  } catch (e) {
    return { ok: false, problems: [problem('not-kml', { file, params: { detail: clean(e instanceof Error ? e.message : String(e)) } })] };
  }
  return { ok: true, value: { format: 'kml', features, encoding, declared: null, problems: notes, details: {} }, warnings: [] };
}
