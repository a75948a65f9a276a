/**
 * English: a conflicting change in words (ui/merge/conflict-text.ts): what both sides changed and each
 * side's value. Shared by the team server's merge dialog and the conflict panel of tabs.
 */
export const conflict = {
  en: {
    'conflict.base': 'Before',
    'conflict.none': 'none',
    'conflict.deleted': 'deleted',
    'conflict.changed': 'changed',
    'conflict.assumed': 'assumed',
    'conflict.field.name': 'name',
    'conflict.field.geometry': 'location',
    'conflict.field.units': 'units',
    'conflict.field.type': 'housing type',
    'conflict.field.year': 'year',
    'conflict.field.note': 'note',
    'conflict.field.createdAt': 'created',
    'conflict.field.existence': 'the scenario itself',
    'conflict.field.rule': 'rule threshold: {what}',
    'conflict.site': 'site “{name}”',
    'conflict.scenario': 'scenario “{name}”',
    'conflict.dwellings': '{board} dwellings',
    'conflict.slice.population': 'population',
    'conflict.slice.streets': 'street network',
    'conflict.slice.boards': 'board',
    'conflict.slice.nodes': 'node',
    'conflict.slice.facilities': 'facility',
    'conflict.slice.employment': 'employment area',
  },
} as const;
