/**
 * The layers of docs/ARCHITECTURE.md, checked on dependency-cruiser's module graph of src/
 * (.ts, .svelte and .svelte.ts, type-only imports included): no import cycles, no import
 * against the layer order, no Svelte or MapLibre in the core. The rules are in
 * test/support/layers.cjs; a fixture tree that breaks each rule shows the check can fail.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cruise, type IViolation } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const require = createRequire(import.meta.url);
const { rulesFor } = require('../support/layers.cjs') as { rulesFor: (base: string) => unknown[] };
const { options } = require('../../.dependency-cruiser.cjs') as { options: Record<string, unknown> };

function describeViolation(v: IViolation): string {
  const cycle = v.cycle?.length ? ` (cycle: ${v.cycle.map((c) => c.name).join(' → ')})` : '';
  return `${v.rule.name}: ${v.from} → ${v.to}${cycle}`;
}

async function violations(dir: string): Promise<string[]> {
  const result = await cruise([dir], { ...options, ruleSet: { forbidden: rulesFor(dir) }, validate: true } as never, undefined, {
    tsConfig: extractTSConfig('tsconfig.json'),
  });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text, not a result');
  return result.output.summary.violations.map(describeViolation);
}

describe('architecture', () => {
  it('src/ has no import cycle and no import against the layers', { timeout: 120_000 }, async () => {
    expect(await violations('src')).toEqual([]);
  });

  it('the check catches a cycle through .svelte, an upward import, Svelte in the core and the feature list outside main.ts', { timeout: 60_000 }, async () => {
    const found = await violations('test/fixtures/layering/src');
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^no-circular: .*ui\/label\.ts → .*ui\/Label\.svelte/),
        expect.stringMatching(/^layer-domain: .*domain\/board\.ts → .*ui\/label\.ts$/),
        expect.stringMatching(/^pure-core: .*analysis\/uses-svelte\.ts → .*node_modules\/svelte\//),
        expect.stringMatching(/^feature-list-only-in-entry: .*ui\/Label\.svelte → .*ui\/features\.ts$/),
      ]),
    );
    expect(found.some((v) => v.includes('state/clean.ts'))).toBe(false);
  });

  it('unit tests live under test/unit/, not beside the code', () => {
    const misplaced = (readdirSync('src', { recursive: true }) as string[]).filter((f) => /\.test\.ts$/.test(f));
    expect(misplaced).toEqual([]);
  });

  it('code and tests cite README or docs sections, not issue numbers (issues end; the docs stay)', () => {
    const files = ['src', 'test', 'scripts', 'bench'].flatMap((dir) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(ts|svelte|mjs|cjs)$/.test(f) && !f.startsWith('fixtures')).map((f) => `${dir}/${f}`));
    expect(files.length).toBeGreaterThan(300);
    const citing = files.filter((f) => /\bissues? #?\d+\b/i.test(readFileSync(f, 'utf8')));
    expect(citing).toEqual([]);
  });
});
