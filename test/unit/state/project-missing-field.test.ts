/** A project file missing a required key says so, naming the field (not '应为 "id"，实际为 undefined'). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseProjectFile } from '../../../src/state/scenario-file.ts';
import { formatProblem } from '../../../src/i18n/problems.ts';

describe('a project file with a scenario without id', () => {
  it('names the missing field in both languages', () => {
    const valid = JSON.parse(readFileSync('test/fixtures/allocation/valid.anju.json', 'utf8'));
    delete valid.scenarios[0].id;
    const r = parseProjectFile(JSON.stringify(valid), new Set(['jiucheng', 'wutian', 'qidu', 'yangshuang']), 'p.anju.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const zh = r.problems.map((p) => formatProblem(p, 'zh'));
    expect(zh.some((m) => /scenarios\[0\]\.id/.test(m) && m.endsWith('缺少必填字段'))).toBe(true);
    expect(zh.join('\n')).not.toContain('undefined');
    expect(r.problems.map((p) => formatProblem(p, 'en')).join('\n')).toContain('a required field is missing');
  });
});
