/**
 * The built-in plan package: the 2021–2025 plan (温发改规划〔2021〕168号), assembled from
 * geodata/plan/plan-package.json (the header) and the part files it names (targets, annexes,
 * boards, guidance, structure, rules). Every figure and quote stays in those files, checked
 * against the plan text by test/unit/plan-targets.test.ts and its siblings.
 * Plain JSON imports: they work in Vite, vitest and the tsx-run CLI alike.
 */
import header from '../../geodata/plan/plan-package.json';
import targetsJson from '../../geodata/plan/targets.json';
import annex1Json from '../../geodata/plan/annex1-renovation.json';
import annex2Json from '../../geodata/plan/annex2-resettlement.json';
import boardsJson from '../../geodata/plan/boards.json';
import guidanceJson from '../../geodata/plan/guidance.json';
import structureJson from '../../geodata/plan/structure.json';
import rulesJson from '../../geodata/plan/allocation-rules.json';
import type { PlanBoard, PlanBoardGeometry, PlanChapterSpec, PlanPackage } from '../domain/plan-package.ts';
import type { Annex1Data, Annex2Data, RulesData, TargetsData } from '../domain/target.ts';
import type { Guidance } from '../domain/guidance.ts';
import type { StructureProperties } from '../domain/structure.ts';

/** The part files the header names, in the order of `parts` (a test checks the header names these). */
export const BUILTIN_PART_FILES = header.parts;

export const builtinPlan: PlanPackage = {
  format: 'anju-plan-package',
  formatVersion: 1,
  id: header.id,
  version: header.version,
  example: header.example,
  title: header.title,
  documentNumber: header.documentNumber,
  period: { years: header.period.years },
  targets: targetsJson as unknown as TargetsData,
  annexes: { annex1: annex1Json as unknown as Annex1Data, annex2: annex2Json as unknown as Annex2Data },
  boards: { source: boardsJson.source, list: boardsJson.boards as PlanBoard[], geometry: header.boardGeometry as PlanBoardGeometry },
  guidance: guidanceJson as unknown as Guidance,
  structure: structureJson as { source: string; parts: StructureProperties[] },
  rules: rulesJson as unknown as RulesData,
  chapters: header.chapters as PlanChapterSpec[],
};
