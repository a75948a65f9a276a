/**
 * Finding a field among a layer's properties by its accepted names: matched case-insensitively
 * after trimming (dBASE columns are often upper case: NAME, JOBS), first accepted name wins.
 */
import type { Feature } from 'geojson';
import { isNumericText } from '../read-csv.ts';

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/** The property keys present in any feature, in first-seen order. */
export function propertyKeys(features: readonly Feature[]): string[] {
  const seen = new Set<string>();
  for (const f of features) {
    const p = f.properties;
    if (p && typeof p === 'object') for (const k of Object.keys(p)) seen.add(k);
  }
  return [...seen];
}

/** For each field, the layer's key that carries it, or null when no accepted name is present. */
export function resolveFields<K extends string>(keys: readonly string[], fields: Readonly<Record<K, readonly string[]>>): Record<K, string | null> {
  const byNorm = new Map<string, string>();
  for (const k of keys) if (!byNorm.has(norm(k))) byNorm.set(norm(k), k);
  const out = {} as Record<K, string | null>;
  for (const field of Object.keys(fields) as K[]) {
    out[field] = null;
    for (const name of fields[field]) {
      const hit = byNorm.get(norm(name));
      if (hit !== undefined) {
        out[field] = hit;
        break;
      }
    }
  }
  return out;
}

/** The value of `key` in a feature's properties (own properties only), or undefined. */
export function valueOf(f: Feature, key: string | null): unknown {
  const p = f.properties;
  if (key === null || !p || !Object.prototype.hasOwnProperty.call(p, key)) return undefined;
  return (p as Record<string, unknown>)[key];
}

export const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Text of a string or finite number value, trimmed; null for anything else or blank. */
export function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

const THOUSANDS = /^\s*[-+]?\d{1,3}(,\d{3})+(\.\d+)?\s*$/;

/** A finite number, or numeric text as a number; null otherwise (blank included). */
export function numberOf(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  // Thousands separators only in their exact 3-digit groups ("12,500"): "1,5" is not 1.5 or 15.
  const t = THOUSANDS.test(v) ? v.replace(/,/g, '') : v;
  if (!isNumericText(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A value for a message: strings up to 60 characters, other values as JSON. */
export function shown(v: unknown): string {
  if (typeof v === 'string') return v.slice(0, 60);
  if (v === undefined) return '';
  return (JSON.stringify(v) ?? String(v)).slice(0, 60);
}

/** The names a field accepts, for messages: `jobs/岗位数/…`. */
export function fieldList(names: readonly string[], max = 4): string {
  return names.length <= max ? names.join('/') : `${names.slice(0, max).join('/')}/…`;
}
