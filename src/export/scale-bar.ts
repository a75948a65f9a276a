/** A scale bar's length: a round distance (1, 2 or 5 × 10ⁿ metres) that fits the space given. */

/**
 * The largest round distance in metres not longer than `maxM` (1, 2 or 5 × 10ⁿ).
 * @example niceLengthM(7300) // 5000
 */
export function niceLengthM(maxM: number): number {
  if (!(maxM > 0) || !Number.isFinite(maxM)) throw new Error(`niceLengthM: maxM must be a positive number, got ${maxM}`);
  const pow = 10 ** Math.floor(Math.log10(maxM));
  const steps = [5, 2, 1];
  for (const s of steps) if (s * pow <= maxM) return s * pow;
  return pow;
}

/** "5 km" / "500 m". */
export function formatLengthM(lengthM: number): string {
  return lengthM >= 1000 ? `${lengthM / 1000} km` : `${lengthM} m`;
}

/**
 * A scale bar for a map drawn at `metresPerPx`, at most `maxPx` pixels long.
 * @returns the bar's length in metres and in pixels.
 */
export function scaleBar(metresPerPx: number, maxPx: number): { lengthM: number; lengthPx: number } {
  const lengthM = niceLengthM(metresPerPx * maxPx);
  return { lengthM, lengthPx: lengthM / metresPerPx };
}
