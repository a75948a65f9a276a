/**
 * Compare, present and export (README: What it does → Compare, present, export) as one shell feature without a tab: buttons in the top
 * bar, the drawer / presentation / report over the map, and "add to compare" in the board panel.
 * It works generically over the registered features (src/ui/feature-registry.ts): every figure
 * and chapter a feature registers appears.
 */
import type { Feature } from '../feature.ts';
import ToolsBar from './ToolsBar.svelte';
import ToolsLayer from './ToolsLayer.svelte';
import AddToCompare from '../compare/AddToCompare.svelte';
import { compare } from '../compare/compare.svelte.ts';

export const toolsFeature: Feature = {
  id: 'tools',
  label: { zh: '对比 · 演示 · 导出', en: 'Compare · present · export' },
  TopBarItem: ToolsBar,
  MapItem: ToolsLayer,
  BoardSection: AddToCompare,
  // Shift-click on the map adds a board to (or removes it from) the comparison and shows it.
  onBoardShiftClick: (id) => {
    compare.toggle(id);
    compare.view = 'cards';
    compare.open = compare.ids.length > 0;
    return true;
  },
};
