/**
 * Large overlay data handed to MapLibre as a Blob URL instead of an object. `setData(object)`
 * structured-clones the whole FeatureCollection to MapLibre's worker in one main-thread task
 * (seconds for 300,000 points on this machine); a URL string is fetched and parsed in the
 * worker. The JSON text is written in slices that yield to the page between them, so no slice
 * blocks input or rendering for long.
 */
import type { FeatureCollection } from 'geojson';

/** Overlays with more features than this go through a Blob URL (smaller ones clone in well under a frame). */
export const URL_UPLOAD_MIN_FEATURES = 5_000;
/** Main-thread time (ms) one slice of JSON writing may take before it yields. */
const SLICE_MS = 8;

/** Let the page handle input and render before the next slice (scheduler.yield where there is one). */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The collection as a Blob URL of its GeoJSON text, written in time slices; null when
 * `stale()` turns true meanwhile (newer data replaced it). The caller revokes the URL.
 */
export async function featureCollectionUrl(fc: FeatureCollection, stale: () => boolean): Promise<string | null> {
  // UTF-8 bytes per slice: a Blob of many JS strings encodes them all in one long task.
  const encoder = new TextEncoder();
  const parts: BlobPart[] = [encoder.encode('{"type":"FeatureCollection","features":[') as Uint8Array<ArrayBuffer>];
  const features = fc.features;
  let i = 0;
  while (i < features.length) {
    const t0 = performance.now();
    const slice: string[] = [];
    do {
      slice.push(JSON.stringify(features[i]));
      i++;
    } while (i < features.length && ((i & 255) !== 0 || performance.now() - t0 < SLICE_MS));
    parts.push(encoder.encode((parts.length > 1 ? ',' : '') + slice.join(',')) as Uint8Array<ArrayBuffer>);
    await yieldToPage();
    if (stale()) return null;
  }
  parts.push(encoder.encode(']}') as Uint8Array<ArrayBuffer>);
  return URL.createObjectURL(new Blob(parts, { type: 'application/geo+json' }));
}
