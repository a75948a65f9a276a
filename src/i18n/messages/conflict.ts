/**
 * A conflicting change in words (ui/merge/conflict-text.ts): what both sides changed and each
 * side's value. Shared by the team server's merge dialog and the conflict panel of tabs.
 */
// English: en/conflict.ts, loaded on the first switch to English (index.ts).
export const conflict = {
  zh: {
    'conflict.base': '原值',
    'conflict.none': '无',
    'conflict.deleted': '已删除',
    'conflict.changed': '已修改',
    'conflict.assumed': '假设值',
    'conflict.field.name': '名称',
    'conflict.field.geometry': '位置',
    'conflict.field.units': '套数',
    'conflict.field.type': '住房类型',
    'conflict.field.year': '年份',
    'conflict.field.note': '备注',
    'conflict.field.createdAt': '创建时间',
    'conflict.field.existence': '方案本身',
    'conflict.field.rule': '规则阈值：{what}',
    'conflict.site': '地块「{name}」',
    'conflict.scenario': '方案「{name}」',
    'conflict.dwellings': '{board} 现状住宅',
    'conflict.slice.population': '人口数据',
    'conflict.slice.streets': '步行路网',
    'conflict.slice.boards': '板块',
    'conflict.slice.nodes': '节点',
    'conflict.slice.facilities': '设施',
    'conflict.slice.employment': '就业区',
  },
} as const;
