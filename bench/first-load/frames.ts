/**
 * Counting the map's frames on a first load (bench/first-load.bench.ts, profile.ts): an init script,
 * run before the page's own scripts, that hooks the map as soon as the page hands it to `window.__anju`
 * (MapView.svelte; bare.ts does the same) and records when each frame was drawn (MapLibre's `render`
 * event: one `_render`, one presented WebGL frame, each read back by SwiftShader here), when `load` and
 * the first `idle` came. Read back with FRAMES_READ after `anju:map-ready`.
 */
/**
 * Init-script text that runs `onMap` (JavaScript text with the map as `m`) once for the map the page hands
 * to `window.__anju` (MapView.svelte, the bare pages), as soon as it is handed over. `flag` marks a hooked map.
 */
export const onMapHanded = (flag: string, onMap: string): string => `
  let held;
  Object.defineProperty(window, '__anju', {
    configurable: true,
    get: () => held,
    set: (v) => {
      held = v;
      const m = v && v.map;
      if (!m || m.${flag}) return;
      m.${flag} = true;
      ${onMap}
    },
  });`;

export const FRAMES_INIT = `(() => {
  const rec = (window.__frames = { renders: [], load: NaN, idle: [] });${onMapHanded(
    '__framesHooked',
    `m.on('render', () => rec.renders.push(performance.now()));
      m.once('load', () => (rec.load = performance.now()));
      m.on('idle', () => rec.idle.push(performance.now()));`,
  )}
})()`;

export interface Frames {
  /** Frames drawn up to and including the one `anju:map-ready` marks. */
  beforeReady: number;
  /** All frames drawn until the read (the caller waits a moment after map-ready to see stragglers). */
  total: number;
  /** Frame times (ms since navigation) up to map-ready, for the profile's listing. */
  times: number[];
  loadMs: number;
  idleMs: number[];
}

/** Evaluated in the page (a string: tsx would wrap a function in helpers the page does not have). */
export const FRAMES_READ = `(() => {
  const r = window.__frames;
  const ready = performance.getEntriesByName('anju:map-ready')[0]?.startTime ?? Infinity;
  const before = r.renders.filter((t) => t <= ready);
  return { beforeReady: before.length, total: r.renders.length, times: before, loadMs: r.load, idleMs: r.idle };
})()`;
