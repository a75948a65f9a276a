/**
 * A fast, hand-written test that an array of facilities passes the project schema's facility
 * check (slice-schemas.ts `SLICE_SCHEMAS.facilities`) without valibot: valibot's safeParse of
 * 20,000–300,000 imported points was most of the autosave's long task after 替换.
 *
 * It is conservative: true only when valibot would accept the array AND its output would equal
 * the input (so the caller may keep the input). Anything it is unsure of (a problem, or a
 * `lonLat` with a third item that valibot's tuple would drop) gives false, and the caller runs
 * valibot, which stays the single source of truth and of the problem messages.
 * test/unit/state/facilities-fast-check.test.ts checks the agreement on generated data.
 */
export function facilitiesPassSchema(list: unknown): boolean {
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) if (!facilityPassesSchema(list[i])) return false;
  return true;
}

/** One facility of the array: the same test, item by item (for checking a large layer in pieces). */
export function facilityPassesSchema(f: unknown): boolean {
  if (typeof f !== 'object' || f === null || Array.isArray(f)) return false;
  const o = f as Record<string, unknown>;
  if (typeof o.id !== 'string' || o.id.length < 1) return false;
  if (typeof o.category !== 'string') return false;
  if (o.name !== undefined && typeof o.name !== 'string') return false;
  if (o.illustrative !== undefined && typeof o.illustrative !== 'boolean') return false;
  const ll = o.lonLat;
  return Array.isArray(ll) && ll.length === 2 && Number.isFinite(ll[0]) && Number.isFinite(ll[1]);
}
