import { describe, expect, it, vi } from 'vitest';
import { MESSAGES, loadEnglish, translate } from '../../../../src/i18n/messages/index.ts';
import { team } from '../../../../src/i18n/messages/team.ts';
import { teamReview } from '../../../../src/i18n/messages/team-review.ts';
import { basemapFiles } from '../../../../src/i18n/messages/basemap-files.ts';

describe('UI messages', () => {
  it('holds English back until it is loaded, and labels made before then read in English after', async () => {
    // A fresh module graph, so that no other test (of this file, or of another file sharing the worker)
    // has loaded English yet.
    vi.resetModules();
    const { bilingual, englishLoaded, loadEnglish, translate } = await import('../../../../src/i18n/messages/index.ts');
    const { formatProblem } = await import('../../../../src/i18n/problem-text.ts');
    const { formatProblem: formatProblemBoth } = await import('../../../../src/i18n/problems.ts');
    expect(englishLoaded()).toBe(false);
    expect(translate('en', 'legend.title')).toBe(translate('zh', 'legend.title'));
    // The default names are in both languages from the start (numbered-name.ts reads both).
    expect(translate('en', 'alloc.scenario.newName', { n: 2 })).toBe('Scenario 2');
    const problem = { code: 'no-features', severity: 'error', file: 'a.geojson' } as const;
    expect(formatProblem(problem, 'en')).toBe('a.geojson: 文件中没有要素');
    const label = bilingual('chapter.board', (l) => ({ name: l === 'zh' ? '七都' : 'Qidu' }));
    expect(label.zh).toBe(translate('zh', 'chapter.board', { name: '七都' }));
    await loadEnglish();
    expect(englishLoaded()).toBe(true);
    expect(translate('en', 'legend.title')).not.toBe(translate('zh', 'legend.title'));
    expect(label.en).toBe(translate('en', 'chapter.board', { name: 'Qidu' }));
    expect(label.en).toContain('Qidu');
    // The app's problem lines read as the command line's once English is there.
    expect(formatProblem(problem, 'en')).toBe('a.geojson: the file has no features');
    expect(formatProblem(problem, 'en')).toBe(formatProblemBoth(problem, 'en'));
    expect(formatProblem(problem, 'zh')).toBe(formatProblemBoth(problem, 'zh'));
  });

  it('has every key in both Chinese and English (the team client adds its own and team review’s Chinese when it loads)', async () => {
    await loadEnglish();
    expect(Object.keys(MESSAGES.en).sort()).toEqual([...new Set([...Object.keys(MESSAGES.zh), ...Object.keys(team.zh), ...Object.keys(teamReview.zh), ...Object.keys(basemapFiles.zh)])].sort());
  });

  it('fills parameters and shows unknown keys as themselves', () => {
    expect(translate('zh', 'import.failed', { file: 'a.geojson', n: 2 })).toBe('未载入：a.geojson 有 2 个问题，地图未作任何更改');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});
