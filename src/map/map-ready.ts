/**
 * The map's first idle frame with the shipped data drawn (MapView marks it `anju:map-ready`, which
 * bench/first-load reads). Work the first screen does not need waits for it, so that its script does
 * not take the main thread while MapLibre starts: the export menu's chunk (exporter, xlsx writer),
 * loaded right after the first screen, took 0.2–0.4 s of main thread between the map's creation and
 * its first data frame (a Chromium trace of a cold load).
 */
let resolveReady: () => void = () => {};
const ready = new Promise<void>((resolve) => (resolveReady = resolve));

/** Called by MapView at its first idle frame with land and boards drawn. */
export function markMapReady(): void {
  performance.mark('anju:map-ready');
  resolveReady();
}

/** Resolves at the map's first idle frame with data, or after `fallbackMs` (a map that never gets there: no WebGL, a background tab). */
export function afterMapReady(fallbackMs = 10_000): Promise<void> {
  return Promise.race([ready, new Promise<void>((resolve) => setTimeout(resolve, fallbackMs))]);
}
