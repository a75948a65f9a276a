import { describe, expect, it } from 'vitest';
import { nextNumberedName } from '../../../src/i18n/numbered-name.ts';

describe('nextNumberedName', () => {
  it('continues after the highest number in use, so a deletion never brings a name back twice', () => {
    expect(nextNumberedName('alloc.site.defaultName', [], 'zh')).toBe('地块1');
    expect(nextNumberedName('alloc.site.defaultName', ['地块1', '地块3'], 'zh')).toBe('地块4');
    expect(nextNumberedName('alloc.site.defaultName', ['地块1', '新区安置房', 'Site 7'], 'en')).toBe('Site 8');
  });

  it('is never below the count + 1 (the first scenario is called 方案一)', () => {
    expect(nextNumberedName('alloc.scenario.newName', ['方案一'], 'zh')).toBe('方案2');
    expect(nextNumberedName('alloc.scenario.newName', ['方案一', '方案2', '方案3'].filter((n) => n !== '方案2'), 'zh')).toBe('方案4');
  });
});
