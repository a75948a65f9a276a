/** The presentation caption's quotation is verbatim from the section it cites (第八章第三节 1.). */
import { describe, expect, it } from 'vitest';
import lifeCircle from '../../geodata/plan/life-circle.json';
import { normalisePlanText, planSection } from '../support/plan-text.ts';

describe('geodata/plan/life-circle.json', () => {
  it('quotes 第八章第三节 item 1 verbatim', () => {
    const q = lifeCircle.lifeCircle;
    expect(q.cite).toEqual({ chapter: 8, section: 3, item: 1 });
    const section = planSection('第八章', '第三节');
    expect(section).toContain('1.按照生活圈原则布局居住区公共服务设施');
    expect(section).toContain(normalisePlanText(q.text));
    expect(section).toContain(normalisePlanText(q.fillGaps));
  });
});
