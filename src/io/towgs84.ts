/**
 * The transformation parameters a user gives for a local datum (Xian 1980, Beijing 1954), as
 * PROJ's `+towgs84`: three translations dx,dy,dz in metres, or those plus three rotations rx,ry,rz
 * in arc-seconds and a scale difference s in ppm — the position-vector Helmert transformation
 * (EPSG method 9606) from the local datum to WGS-84. Parameters published in the coordinate-frame
 * convention (EPSG 9607) have the rotations' signs reversed. No conversion code here: light
 * enough for the command line's option parsing and the import dialog.
 */

/** Plausibility bounds that catch garbage (units mixed up, a digit lost), not real parameter sets. */
export const TOWGS84_LIMITS = { translationM: 10_000, rotationArcSec: 600, scalePpm: 1_000 } as const;

export type Towgs84Parse = { ok: true; value: number[] } | { ok: false; reason: 'count' | 'number' | 'range'; detail: string };

/**
 * `"24.1,-123.9,-94.2,0.02,0.25,0.13,1.1"` (commas, semicolons or spaces; full-width commas too) →
 * the 3 or 7 numbers, or why not.
 */
export function parseTowgs84(text: string): Towgs84Parse {
  const parts = text.normalize('NFKC').trim().split(/[\s,;]+/).filter((s) => s !== '');
  if (parts.length !== 3 && parts.length !== 7) return { ok: false, reason: 'count', detail: String(parts.length) };
  const value: number[] = [];
  for (const s of parts) {
    const v = Number(s);
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) || !Number.isFinite(v)) return { ok: false, reason: 'number', detail: s };
    value.push(v);
  }
  const bad = value.findIndex((v, i) => Math.abs(v) > (i < 3 ? TOWGS84_LIMITS.translationM : i < 6 ? TOWGS84_LIMITS.rotationArcSec : TOWGS84_LIMITS.scalePpm));
  if (bad >= 0) return { ok: false, reason: 'range', detail: `${['dx', 'dy', 'dz', 'rx', 'ry', 'rz', 's'][bad]}=${value[bad]}` };
  return { ok: true, value };
}
