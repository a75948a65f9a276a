/**
 * One HTTP byte range (RFC 9110 §14): `bytes=a-b`, `bytes=a-`, `bytes=-n`. PMTiles readers ask
 * for one range at a time; a multi-range request is answered with the whole file (allowed).
 */
export type RangeAnswer = { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

export function parseRange(header: string | undefined, sizeBytes: number): RangeAnswer {
  const m = /^bytes=(\d*)-(\d*)$/.exec((header ?? '').trim());
  if (!m || (!m[1] && !m[2])) return { kind: 'whole' };
  let start: number, end: number;
  if (!m[1]) {
    const n = Number(m[2]);
    if (n === 0) return { kind: 'unsatisfiable' };
    start = Math.max(0, sizeBytes - n);
    end = sizeBytes - 1;
  } else {
    start = Number(m[1]);
    end = m[2] ? Math.min(Number(m[2]), sizeBytes - 1) : sizeBytes - 1;
    if (m[2] && Number(m[2]) < start) return { kind: 'whole' }; // invalid: ignored, as the RFC says
  }
  if (start >= sizeBytes) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end };
}
