/** Facility categories as shown: the standard's names, and the uncategorised group labelled in both languages. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEnglish } from '../../../../src/i18n/messages/index.ts';
import { categoryName, facilityCollection } from '../../../../src/ui/coverage/coverage-data.ts';

// English loads on the first switch to it (messages/index.ts).
beforeAll(() => loadEnglish());

describe('categoryName', () => {
  it('labels facilities imported without a category in both languages, never the raw slug', () => {
    expect(categoryName('uncategorised', 'zh')).toBe('未分类设施');
    expect(categoryName('uncategorised', 'en')).toBe('Uncategorised facility');
  });
  it("gives the standard's name for a known category and the text as written otherwise", () => {
    expect(categoryName('kindergarten', 'zh')).toBe('幼儿园');
    expect(categoryName('kindergarten', 'en')).toBe('kindergarten');
    expect(categoryName('菜鸟驿站', 'en')).toBe('菜鸟驿站');
  });
  it('names a row that gave only its life circle by that circle, never the tier id', () => {
    expect(categoryName('15-min', 'zh')).toBe('15分钟生活圈设施');
    expect(categoryName('5-min', 'en')).toBe('5-min life-circle facility');
    expect(categoryName('block', 'zh')).toBe('居住街坊设施');
  });
  it('names an unnamed facility on the map by its category label', () => {
    const fc = facilityCollection([{ id: 'f1', category: 'uncategorised', lonLat: [120.65, 28.01] }], 'zh');
    expect(fc.features[0].properties.name).toBe('未分类设施');
  });
});
