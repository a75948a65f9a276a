/** The error views' problem line: the problem texts load on first use and say what is wrong. */
import { describe, expect, it } from 'vitest';
import { problem } from '../../../src/domain/problem.ts';
import { problemsLine } from '../../../src/i18n/problems-line.ts';
import { formatProblem } from '../../../src/i18n/problem-text.ts';

describe('problemsLine', () => {
  it('joins the problems as the problem lists word them', async () => {
    const ps = [problem('no-features', { file: 'a.geojson' }), problem('no-features', { file: 'b.geojson' })];
    const line = await problemsLine(ps, 'zh', '；');
    expect(line).toBe(`${formatProblem(ps[0], 'zh')}；${formatProblem(ps[1], 'zh')}`);
    expect(line).toContain('文件中没有要素');
    expect(line).toContain('b.geojson');
  });
});
