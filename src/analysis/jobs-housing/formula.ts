/**
 * The definitions of the engine's figures, in words, for the UI's explanation panel and the
 * CLI's help. Keep them in step with metrics.ts and catchment-geometry.ts.
 */
export interface FormulaText {
  /** Symbolic formula. */
  formula: string;
  zh: string;
  en: string;
}

export const OVERLAP_SHARE_FORMULA: FormulaText = {
  formula: 'overlapShare_b = area(B_b ∩ ⋃_p C_p(r)) / area(B_b)',
  zh: '覆盖比例 = 板块内位于任一就业区通勤圈（距园区边界 r 公里以内）的面积 ÷ 板块面积',
  en: "overlap share = area of the board within r km of any employment area's edge ÷ the board's area",
};

export const JOBS_IN_REACH_FORMULA: FormulaText = {
  formula: 'jobsInReach_b = Σ_p jobs_p × area(B_b ∩ C_p(r)) / area(B_b)',
  zh: '可达岗位 = Σ（各就业区岗位数 × 板块面积中位于该就业区通勤圈内的比例）；即在板块内均匀分布的住房平均可在 r 公里内到达的园区岗位数。同一岗位可被多个板块计入。',
  en: "jobs in reach = Σ over employment areas of (its jobs × the share of the board's area within r km of its edge); i.e. the park jobs within r km of a home spread evenly over the board, on average. A job can count towards several boards.",
};

export const SHARED_JOBS_FORMULA: FormulaText = {
  formula: 'jobsInReach_b = dwellings_b × Σ_p share_bp × jobs_p / Σ_b′ (share_b′p × dwellings_b′)',
  zh: '竞争分摊：各就业区的岗位按通勤圈内各板块的住房套数（套数 × 板块位于该通勤圈内的面积比例）分摊给这些板块，每个岗位只计一次（两步移动搜寻法，Luo & Wang 2003）。套数未知或为 0 的板块不参与分摊。',
  en: "shared by competition: each employment area's jobs are split among the boards in its catchment in proportion to their dwellings there (dwellings × the share of the board's area within the catchment), so each job counts once (two-step floating catchment area, Luo & Wang 2003). Boards with unknown or zero dwellings take no share.",
};

export const RATIO_FORMULA: FormulaText = {
  formula: 'ratio_b = jobsInReach_b / dwellings_b (null when dwellings_b is 0 or unknown)',
  zh: '职住比 = 可达岗位 ÷ 住房套数（套数为 0 或未知时不计算）',
  en: 'jobs–housing ratio = jobs in reach ÷ dwellings (not computed when dwellings are 0 or unknown)',
};

export const VERDICT_FORMULA: FormulaText = {
  formula: 'ratio < min → housing-rich; min ≤ ratio ≤ max → balanced; ratio > max → jobs-rich',
  zh: '职住比低于平衡区间下限为“居住主导”，位于区间内为“职住平衡”，高于上限为“就业主导”',
  en: 'below the balanced band: housing-rich; within it: balanced; above it: jobs-rich',
};
