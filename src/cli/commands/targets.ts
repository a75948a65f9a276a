import { parseArgs } from 'node:util';
import type { CliIO } from '../command.ts';
import { activePlan, planPeriodLabel } from '../../data/active-plan.ts';
import { formatCitation } from '../../domain/citation.ts';
import type { PlanFigure } from '../../domain/target.ts';

function figureJson(f: PlanFigure | null) {
  return f && { min: f.min, max: f.max, citation: formatCitation(f.cite, 'zh'), citationEn: formatCitation(f.cite, 'en'), cite: f.cite, quote: f.quote };
}

function figureText(f: PlanFigure, unit: string): string {
  const v = f.max === null ? `${f.min}` : f.max === f.min ? `约${f.min}` : `${f.min}–${f.max}`;
  return `${v} ${unit}`;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true });
  const { targets: targetsData, annexes } = activePlan();
  const { annex1, annex2 } = annexes;
  if (values.json) {
    const targets = targetsData.targets.map((t) => ({
      id: t.id,
      name: t.name,
      nameEn: t.nameEn,
      group: t.group,
      unit: t.unit,
      attribute: t.attribute,
      comparison: t.comparison,
      periodKind: t.periodKind,
      scope: t.scope,
      measurable: t.measurable,
      period: figureJson(t.period),
      annual: figureJson(t.annual),
      housingTypes: t.housingTypes ?? [],
      ...(t.annex ? { annex: t.annex } : {}),
      ...(t.note ? { note: t.note, noteEn: t.noteEn } : {}),
    }));
    const annexesJson = {
      annex1: annex1 && { citation: formatCitation(annex1.cite, 'zh'), totals: annex1.printedTotals },
      annex2: annex2 && { citation: formatCitation(annex2.cite, 'zh'), totalUnits: annex2.totalUnits, rows: annex2.rows.map(({ name, units }) => ({ name, units })) },
    };
    io.out(JSON.stringify({ source: targetsData.source, targets, annexes: annexesJson }, null, 2));
    return 0;
  }
  for (const t of targetsData.targets) {
    const parts = [t.id.padEnd(32), t.name];
    if (t.period) parts.push(`  ${figureText(t.period, t.unit)}${t.periodKind === 'five-year-total' ? ` (${planPeriodLabel()})` : ` (${activePlan().period.years.at(-1)})`}  [${formatCitation(t.period.cite, 'zh')}]`);
    if (t.annual) parts.push(`  ${figureText(t.annual, t.unit)}/年  [${formatCitation(t.annual.cite, 'zh')}]`);
    parts.push(`  ${t.attribute ?? '—'}`);
    io.out(parts.join(''));
  }
  return 0;
}
