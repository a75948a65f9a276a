/**
 * Anju's layers as dependency-cruiser rules, used by .dependency-cruiser.cjs (`npx depcruise src`)
 * and test/unit/architecture.test.ts, which checks them on the module graph (.ts, .svelte and
 * .svelte.ts alike, type-only imports included). docs/ARCHITECTURE.md explains the order.
 *
 * A layer imports only the layers listed for it. The core runs in the browser, a Web Worker, the
 * command line and (later) the server alike:
 *   domain → i18n → geo → data → io → analysis → state
 * and on top of the core, side by side:
 *   server (after state) · cli (core + server) · workers (core) · map (core) → export → ui
 */
const CORE = ['domain', 'i18n', 'geo', 'data', 'io', 'analysis', 'state'];

/** Layer → the layers it may import (besides itself). */
const LAYERS = {
  ...Object.fromEntries(CORE.map((layer, i) => [layer, CORE.slice(0, i)])),
  server: CORE,
  cli: [...CORE, 'server'],
  workers: CORE,
  map: CORE,
  export: [...CORE, 'map'],
  ui: [...CORE, 'map', 'export', 'workers'],
};

/** Layers that must run outside the browser's UI: no Svelte, no MapLibre, no runes modules. */
const PURE = [...CORE, 'server', 'cli', 'workers'];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The rules for a source tree at `base` (`src`, or a test fixture's tree). */
function rulesFor(base) {
  const b = escape(base);
  return [
    {
      name: 'no-circular',
      comment: 'Modules must not import each other in a loop (features are handed to the registry, not imported back).',
      severity: 'error',
      from: { path: `^${b}/` },
      to: { circular: true },
    },
    ...Object.entries(LAYERS).map(([layer, allowed]) => ({
      name: `layer-${layer}`,
      comment: `${layer}/ may import only ${allowed.length ? allowed.join(', ') : 'itself'} (see docs/ARCHITECTURE.md).`,
      severity: 'error',
      from: { path: `^${b}/${layer}/` },
      to: { path: `^${b}/`, pathNot: `^${b}/(${[layer, ...allowed].join('|')})/` },
    })),
    {
      name: 'pure-core',
      comment: 'The core, workers, CLI and server import neither Svelte nor MapLibre nor a runes module (*.svelte.ts / *.svelte); only *.svelte.ts files may.',
      severity: 'error',
      from: { path: `^${b}/(${PURE.join('|')})/`, pathNot: '\\.svelte\\.ts$' },
      to: { path: ['(^|/)node_modules/(svelte|maplibre-gl)/', '\\.svelte(\\.ts)?$'] },
    },
    {
      name: 'feature-list-only-in-entry',
      comment: 'Only the entry point imports the feature list; the shell reads src/ui/feature-registry.ts.',
      severity: 'error',
      from: { path: `^${b}/`, pathNot: `^${b}/main\\.ts$` },
      to: { path: `^${b}/ui/features\\.ts$` },
    },
  ];
}

module.exports = { LAYERS, rulesFor };
