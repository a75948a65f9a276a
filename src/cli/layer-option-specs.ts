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

/** The help lines of the layer options (the same for every command that reads layers). */
export const LAYER_OPTIONS_HELP: readonly string[] = [
  '--crs SYS          coordinate system of every input that declares none: wgs84 (also CGCS2000 lon/lat), gcj02, bd09,',
  '                   cgcs2000-gk, xian80-gk, beijing54-gk (Gauss–Krüger metres, 3- or 6-degree zones)',
  '--<input>-crs SYS  one input’s coordinate system, over its own declaration (e.g. --facilities-crs gcj02)',
  '--cm DEG           central meridian of a -gk system (Wenzhou: 120); may be left out when the eastings carry the zone',
  '--towgs84 P        dx,dy,dz[,rx,ry,rz,s]: the Xian 1980 / Beijing 1954 → WGS-84 transformation of your surveying',
  '                   department (metres, arc-seconds, ppm; position vector, as PROJ); those inputs are refused without it',
  '--x COL --y COL    the coordinate columns of CSV inputs; --wkt COL: a WKT geometry column',
  '                   (nothing is guessed: degrees or metres that declare no system are refused until one is given)',
];

