/** Overlays hidden in the layer list leave the map and the exports; labels follow the layer they label. */
import { describe, expect, it } from 'vitest';
import type { Feature } from '../../../src/ui/feature.ts';
import type { Overlay } from '../../../src/map/overlay.ts';
import { mapOverlays, overlaysByShown, shownOverlays } from '../../../src/ui/feature-registry.ts';

const empty = { type: 'FeatureCollection', features: [] } as const;
const overlay = (id: string, extra: Partial<Overlay> = {}): Overlay => ({ id, data: { ...empty, features: [] }, layers: [], ...extra });
const list: Feature[] = [
  { id: 'plan', label: { zh: '规划', en: 'Plan' }, Sidebar: (() => null) as unknown as Feature['Sidebar'] },
  { id: 'jh', label: { zh: '职住', en: 'JH' }, Sidebar: (() => null) as unknown as Feature['Sidebar'], overlays: () => [overlay('parks'), overlay('park-labels', { toggleWith: 'parks' }), overlay('rings')] },
  { id: 'import', label: { zh: '导入', en: 'Import' }, globalOverlays: () => [overlay('imported-facilities')] },
];

describe('shownOverlays', () => {
  it('draws the global overlays on every tab and the tab’s own on its tab', () => {
    expect(mapOverlays('plan', list).map((o) => o.id)).toEqual(['imported-facilities']);
    expect(mapOverlays('jh', list).map((o) => o.id)).toEqual(['imported-facilities', 'parks', 'park-labels', 'rings']);
  });

  it('leaves out hidden overlays and those shown with them', () => {
    expect(shownOverlays('jh', ['parks', 'imported-facilities'], list).map((o) => o.id)).toEqual(['rings']);
    expect(shownOverlays('jh', [], list)).toHaveLength(4);
    // The rest, kept on the map undrawn, in the same order.
    expect(overlaysByShown('jh', ['parks', 'imported-facilities'], list).hidden.map((o) => o.id)).toEqual(['imported-facilities', 'parks', 'park-labels']);
  });
});
