import { describe, expect, it } from 'vitest';
import { guidance } from '../../src/data/embedded.ts';
import { PLAN_TEXT_NORMALISED, normalisePlanText, planSection } from '../support/plan-text.ts';
import { CATEGORIES } from '../../src/domain/board.ts';
import { STRUCTURE_ROLES } from '../../src/domain/structure.ts';

describe('geodata/plan/guidance.json', () => {
  it('quotes each category verbatim from the section it cites (第十章第三节)', () => {
    const section = planSection('第十章', '第三节');
    for (const c of CATEGORIES) {
      const e = guidance.categories[c];
      expect(e.cite).toMatchObject({ chapter: 10, section: 3 });
      expect(section, c).toContain(normalisePlanText(e.guidance));
      expect(section, c).toContain(normalisePlanText(e.definition!));
      expect(section).toContain(`${e.cite.item}.${e.name}`);
    }
  });

  it('quotes each structure part verbatim from 第十章第二节 or the chapter preamble', () => {
    const section = planSection('第十章', '第二节');
    for (const role of STRUCTURE_ROLES) {
      const e = guidance.structure[role];
      if (e.notFromPlan) continue;
      const where = e.cite.section === 2 ? section : PLAN_TEXT_NORMALISED;
      expect(where, role).toContain(normalisePlanText(e.guidance));
    }
    expect(PLAN_TEXT_NORMALISED).toContain(normalisePlanText(guidance.structure.overview.guidance));
    expect(guidance.structure.node.notFromPlan).toBe(true);
  });

  it('quotes 第十章第一节 for the layout principle', () => {
    expect(planSection('第十章', '第一节')).toContain(normalisePlanText(guidance.layout.guidance));
  });
});
