/**
 * The kinds of new housing the plan distinguishes (规划 第二章第三节 主要指标表及注, 第五章, 第六章,
 * 第七章). Which target each type counts toward is data: `housingTypes` of each target in
 * geodata/plan/targets.json, with the sentence of the plan that justifies it (`housingTypesBasis`).
 */
export const HOUSING_TYPES = [
  'commercial',
  'renovation-rebuild',
  'talent-sale',
  'talent-rental',
  'affordable-rental',
  'public-rental',
  'shared-ownership',
  'resettlement',
] as const;
export type HousingTypeId = (typeof HOUSING_TYPES)[number];

export interface HousingTypeInfo {
  zh: string;
  en: string;
  /** Where the plan names this kind of housing. */
  where: string;
}

/** Labels in the plan's words (zh) and Anju's translation (en). */
export const HOUSING_TYPE_INFO: Readonly<Record<HousingTypeId, HousingTypeInfo>> = {
  commercial: { zh: '新建普通商品住房', en: 'New commercial housing', where: '主要指标表注“普通商品住房”; 第三章第三节' },
  'renovation-rebuild': { zh: '拆改类住房', en: 'Housing rebuilt in old-community demolition-and-rebuilding', where: '主要指标表注“拆改类住房”; 第七章第二节' },
  'talent-sale': { zh: '配售型人才住房', en: 'Talent housing for sale', where: '主要指标表注; 第六章第二节第2条' },
  'talent-rental': { zh: '配租型人才住房', en: 'Talent housing for rent', where: '第六章第一节、第二节第1条' },
  'affordable-rental': { zh: '保障性租赁住房', en: 'Affordable rental housing', where: '第五章第二节（含人才公寓和蓝领公寓）' },
  'public-rental': { zh: '公共租赁住房', en: 'Public rental housing', where: '第五章第一节' },
  'shared-ownership': { zh: '共有产权住房', en: 'Shared-ownership housing', where: '第五章导语、第三节' },
  resettlement: { zh: '棚改安置住房', en: 'Shantytown resettlement housing', where: '主要指标表; 第七章第四节; 附件2' },
};

export function isHousingType(v: unknown): v is HousingTypeId {
  return typeof v === 'string' && (HOUSING_TYPES as readonly string[]).includes(v);
}

/** Ids of the targets a housing type counts toward, read from the targets data. */
export function targetsForType(type: HousingTypeId, targets: readonly { id: string; housingTypes?: readonly HousingTypeId[] }[]): string[] {
  return targets.filter((t) => t.housingTypes?.includes(type)).map((t) => t.id);
}
