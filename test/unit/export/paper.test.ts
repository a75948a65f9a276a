import { describe, expect, it } from 'vitest';
import { paperPixels } from '../../../src/export/paper.ts';
import { niceLengthM, scaleBar, formatLengthM } from '../../../src/export/scale-bar.ts';

describe('print sizes', () => {
  it('gives ISO 216 landscape sheets in pixels at 150 and 300 dpi', () => {
    expect(paperPixels('A3', 300)).toMatchObject({ widthPx: 4961, heightPx: 3508 });
    expect(paperPixels('A3', 150)).toMatchObject({ widthPx: 2480, heightPx: 1754 });
    expect(paperPixels('A4', 300)).toMatchObject({ widthPx: 3508, heightPx: 2480 });
    expect(paperPixels('A4', 150)).toMatchObject({ widthPx: 1754, heightPx: 1240 });
    expect(paperPixels('A4', 300).pxPerMm).toBeCloseTo(11.811, 3);
  });
});

describe('scale bar', () => {
  it('picks the longest 1-2-5 distance that fits', () => {
    expect(niceLengthM(7300)).toBe(5000);
    expect(niceLengthM(1999)).toBe(1000);
    expect(niceLengthM(2000)).toBe(2000);
    expect(niceLengthM(0.7)).toBe(0.5);
    expect(() => niceLengthM(0)).toThrow(/maxM/);
  });

  it('converts to pixels at the map scale and labels in m or km', () => {
    expect(scaleBar(10, 480)).toEqual({ lengthM: 2000, lengthPx: 200 });
    expect(formatLengthM(2000)).toBe('2 km');
    expect(formatLengthM(500)).toBe('500 m');
  });
});
