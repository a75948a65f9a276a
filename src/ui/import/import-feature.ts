/**
 * The import feature's entry in src/ui/features.ts: no tab of its own; a top-bar button, the
 * drop zone and dialog over the map, the preview overlay, and the imported slices no other
 * feature draws.
 */
import type { Feature } from '../feature.ts';
import ImportButton from './ImportButton.svelte';
import ImportMapLayer from './ImportMapLayer.svelte';
import { importEntry } from './import-entry.svelte.ts';
import { importedOverlays } from './imported-overlays.ts';

export const importFeature: Feature = {
  id: 'import',
  label: { zh: '导入数据', en: 'Import data' },
  TopBarItem: ImportButton,
  MapItem: ImportMapLayer,
  globalOverlays: () => [...importedOverlays(), ...(importEntry.session?.overlays() ?? [])],
};
