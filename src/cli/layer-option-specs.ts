/**
 * The parseArgs specs of the layer options (src/cli/layer-options.ts parses their values). Kept
 * free of src/io so a command that reads no layer unless asked (`boards`) loads none of it.
 */
export type OptionSpec = { type: 'string' };

/** parseArgs option specs for the layer options of a command reading the inputs `layers`. */
export function layerOptionSpecs(layers: readonly string[]): Record<string, OptionSpec> {
  const specs: Record<string, OptionSpec> = { crs: { type: 'string' }, cm: { type: 'string' }, towgs84: { type: 'string' }, x: { type: 'string' }, y: { type: 'string' }, wkt: { type: 'string' } };
  for (const l of layers) specs[`${l}-crs`] = { type: 'string' };
  return specs;
}

/** Usage text of the layer options. */
export function layerOptionsUsage(layers: readonly string[]): string {
  const per = layers.map((l) => `--${l}-crs SYS`).join('|');
  return `[--crs SYS${per ? `|${per}` : ''}] [--cm DEG] [--x COL --y COL | --wkt COL]`;
}

