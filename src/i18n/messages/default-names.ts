/**
 * Default names the app writes into a project (方案3, Site 4, 节点 2), in both languages from the
 * start: numbered-name.ts continues after the highest number in either language's form, so it
 * needs the English forms before the rest of English is loaded.
 */
export const defaultNames = {
  zh: {
    'alloc.scenario.newName': '方案{n}',
    'alloc.site.defaultName': '地块{n}',
    'nodes.default': '节点 {n}',
  },
  en: {
    'alloc.scenario.newName': 'Scenario {n}',
    'alloc.site.defaultName': 'Site {n}',
    'nodes.default': 'Node {n}',
  },
} as const;
