/**
 * Property checks for one feature against its layer spec: required properties present,
 * numeric properties numbers (numeric text is converted). Returns the cleaned properties.
 */
import { problem, type Problem } from '../../domain/problem.ts';
import type { LayerSpec } from './layer-spec.ts';
import { isNumericText } from '../read-csv.ts';

type Where = Pick<Problem, 'file' | 'featureIndex' | 'row'>;
export type PropertyValue = unknown;

const isMissing = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Checked properties (a copy) and the errors found. */
export function checkProperties(props: Record<string, PropertyValue>, spec: LayerSpec, where: Where): { properties: Record<string, PropertyValue>; errors: Problem[] } {
  const errors: Problem[] = [];
  const properties = { ...props };
  for (const group of spec.required) {
    if (group.every((k) => isMissing(props[k]))) errors.push(problem('missing-property', { ...where, field: group.join('/') }));
  }
  for (const k of spec.numeric) {
    const v = props[k];
    if (isMissing(v) || (typeof v === 'number' && Number.isFinite(v))) continue;
    if (typeof v === 'string' && isNumericText(v)) properties[k] = Number(v);
    else errors.push(problem('not-a-number', { ...where, field: k, params: { value: typeof v === 'string' ? v.slice(0, 60) : JSON.stringify(v)?.slice(0, 60) ?? String(v) } }));
  }
  return { properties, errors };
}

/** The key a feature is identified by: its GeoJSON `id`, else `properties.id`; null if neither. */
export function featureKey(id: unknown, props: Record<string, PropertyValue>): string | null {
  const v = id ?? props.id;
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? String(v) : null;
}
