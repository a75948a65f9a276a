import { describe, expect, it } from 'vitest';
import { MESSAGES, translate } from '../../../../src/i18n/messages/index.ts';

describe('UI messages', () => {
  it('has every key in both Chinese and English', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.zh).sort());
  });

  it('fills parameters and shows unknown keys as themselves', () => {
    expect(translate('zh', 'import.failed', { file: 'a.geojson', n: 2 })).toBe('未载入：a.geojson 有 2 个问题，地图未作任何更改');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});
