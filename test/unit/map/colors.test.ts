/** Legend swatches show the colour the map shows: a fill at its opacity over the land. */
import { describe, expect, it } from 'vitest';
import { BASEMAP_COLORS, BOARD_FILL_OPACITY, CATEGORY_COLORS, blendOver } from '../../../src/map/colors.ts';
import { baseStyle } from '../../../src/map/base-style.ts';
import { LAYERS } from '../../../src/map/layer-ids.ts';
import { mapDataUrls } from '../../../src/data/shipped-map-files.ts';

describe('blendOver', () => {
  it('composites a colour over the land at an opacity, per channel, rounded', () => {
    // #1b9e77 = (27, 158, 119) over #f5f2ea = (245, 242, 234) at 0.55: (125, 196, 171).
    expect(blendOver('#1b9e77', 0.55)).toBe('#7dc4ab');
    expect(blendOver('#1b9e77', 1)).toBe('#1b9e77');
    expect(blendOver('#1b9e77', 0)).toBe(BASEMAP_COLORS.land);
    expect(blendOver('#000000', 0.5, '#ffffff')).toBe('#808080');
  });

  it('refuses what is not a #rrggbb colour or an opacity in 0–1', () => {
    expect(() => blendOver('red', 0.5)).toThrow(/not a #rrggbb colour: red/);
    expect(() => blendOver('#123456', 1.5)).toThrow(/opacity must be in 0–1, got 1.5/);
  });

  it('uses the opacity the board layer is drawn at', () => {
    const fill = baseStyle(mapDataUrls, 'zh').layers.find((l) => l.id === LAYERS.boardFill) as { paint: { 'fill-opacity': unknown[] } };
    expect(fill.paint['fill-opacity'].at(-1)).toBe(BOARD_FILL_OPACITY);
    // The swatch is lighter than the raw category colour: what a reader sees over the land.
    expect(blendOver(CATEGORY_COLORS['key-expansion'], BOARD_FILL_OPACITY)).not.toBe(CATEGORY_COLORS['key-expansion']);
  });
});
