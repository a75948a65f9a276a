import { describe, expect, it } from 'vitest';
import { pasteBlock, MAX_PASTE_PROBLEMS, type GridAxes } from '../../../src/state/allocation-paste.ts';
import { parseTsvBlock } from '../../../src/io/tsv-block.ts';
import { PLAN_YEARS } from '../../../src/domain/plan-period.ts';
import { formatProblem } from '../../../src/i18n/problems.ts';

const NAMES: Record<string, string> = { jiucheng: '旧城', wutian: '梧田', qidu: '七都' };
const axes: GridAxes = { boardIds: ['jiucheng', 'wutian', 'qidu'], years: PLAN_YEARS, cellName: (b, y) => `${NAMES[b]} ${y}` };
const paste = (text: string, row: number, col: number) => pasteBlock(parseTsvBlock(text), { row, col }, axes, 'commercial');
const messages = (r: ReturnType<typeof paste>) => (r.ok ? [] : r.problems.map((p) => formatProblem(p, 'zh')));

describe('pasteBlock: a spreadsheet block into the allocation grid', () => {
  it('fills rightwards and downwards from the focused cell, reading digit groups and 万; blanks empty cells', () => {
    const r = paste('10\t20\t30\r\n1,200\t\t1.5万\r\n', 0, 1);
    expect(r.ok && r.value).toEqual([
      { boardId: 'jiucheng', year: 2022, type: 'commercial', units: 10 },
      { boardId: 'jiucheng', year: 2023, type: 'commercial', units: 20 },
      { boardId: 'jiucheng', year: 2024, type: 'commercial', units: 30 },
      { boardId: 'wutian', year: 2022, type: 'commercial', units: 1200 },
      { boardId: 'wutian', year: 2023, type: 'commercial', units: 0 },
      { boardId: 'wutian', year: 2024, type: 'commercial', units: 15000 },
    ]);
  });

  it('refuses a block wider or taller than the room left, saying where it starts and how much fits', () => {
    expect(messages(paste('1\t2\t3', 0, 3))).toEqual(['字段 旧城 2024: 粘贴的 3 列放不下：从这里到 2025 年只有 2 列']);
    expect(messages(paste('1\n2\n3', 1, 0))).toEqual(['字段 梧田 2021: 粘贴的 3 行放不下：从这里到最后一行（七都 2021）只有 2 行']);
    expect(paste('1\t2\n3\t4', 1, 3).ok).toBe(true);
  });

  it('refuses the whole block when any cell is not a whole number ≥ 0, naming every such cell', () => {
    expect(messages(paste('10\tabc\n-5\t12.5', 0, 0))).toEqual([
      '字段 旧城 2022: “abc”不是数字；请输入套数（不小于 0 的整数）',
      '字段 梧田 2021: 套数不能为负数（-5）',
      '字段 梧田 2022: 套数应为整数，而不是 12.5',
    ]);
  });

  it('lists at most MAX_PASTE_PROBLEMS cells and counts the rest', () => {
    const r = paste(Array.from({ length: 3 }, () => 'x\tx\tx\tx\tx').join('\n'), 0, 0);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(MAX_PASTE_PROBLEMS + 1);
    expect(formatProblem(r.problems.at(-1)!, 'zh')).toBe(`另有 ${15 - MAX_PASTE_PROBLEMS} 个问题未列出`);
  });
});
