/** Conversions between the plan's units and dwelling units (套). */

/** Dwelling units in 1 万套 (ten thousand units). */
export const UNITS_PER_WAN_TAO = 10_000;

/** 万套 → 套, rounded to whole units (0.68 万套 → 6800 套, avoiding 6800.000000000001). */
export function wanTaoToUnits(wanTao: number): number {
  return Math.round(wanTao * UNITS_PER_WAN_TAO);
}

