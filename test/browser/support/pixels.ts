/** Reading the map's pixels: what a person sees, not what the map claims to have drawn. */
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

export interface Rgb { r: number; g: number; b: number }

export async function screenshotPng(page: Page, clip?: { x: number; y: number; width: number; height: number }): Promise<PNG> {
  return PNG.sync.read(await page.screenshot(clip ? { clip } : {}));
}

export function pixel(png: PNG, x: number, y: number): Rgb {
  const i = (png.width * Math.round(y) + Math.round(x)) * 4;
  return { r: png.data[i], g: png.data[i + 1], b: png.data[i + 2] };
}

export function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

/** Euclidean RGB distance. */
export function colorDistance(a: Rgb, b: Rgb): number {
  return Math.hypot(a.r - b.r, a.g - b.g, a.b - b.b);
}

/** Binary "ink" mask of a crop: pixels much darker than the background. */
export function inkMask(png: PNG, threshold = 110): boolean[] {
  const out: boolean[] = [];
  for (let i = 0; i < png.width * png.height; i++) {
    const lum = 0.299 * png.data[i * 4] + 0.587 * png.data[i * 4 + 1] + 0.114 * png.data[i * 4 + 2];
    out.push(lum < threshold);
  }
  return out;
}

/** Fraction of pixels where two equal-size masks differ. */
export function maskDifference(a: boolean[], b: boolean[]): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d / a.length;
}
