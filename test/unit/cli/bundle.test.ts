/**
 * The command line runs from an esbuild bundle (scripts/build-cli.mjs) in which each command's
 * modules load on demand: `anju boards` must not parse the importer's heavy
 * libraries. Checked on the build's metafile: what bin.js and the boards chunk import
 * statically (dynamic imports are loaded only when reached).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anju, ROOT } from '../../support/run-anju.ts';
import { main } from '../../../src/cli/main.ts';

interface Metafile {
  outputs: Record<string, { entryPoint?: string; imports: { path: string; kind: string }[]; inputs: Record<string, unknown> }>;
}

/** Every input reached from `start` through static imports only. */
function staticInputs(meta: Metafile, start: string): string[] {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length) {
    const out = todo.pop()!;
    if (seen.has(out)) continue;
    seen.add(out);
    for (const i of meta.outputs[out].imports) if (i.kind === 'import-statement' && i.path in meta.outputs) todo.push(i.path);
  }
  return [...seen].flatMap((o) => Object.keys(meta.outputs[o].inputs));
}

describe('the CLI bundle', { timeout: 60_000 }, () => {
  it('loads for `boards` neither the importer nor the analyses’ heavy libraries', () => {
    expect(anju(['boards', '--json']).code).toBe(0); // builds the bundle if a source changed
    const { id } = JSON.parse(readFileSync(join(ROOT, 'dist-cli/current.json'), 'utf8'));
    const meta = JSON.parse(readFileSync(join(ROOT, 'dist-cli', id, 'metafile.json'), 'utf8')) as Metafile;
    const entry = Object.keys(meta.outputs).find((o) => meta.outputs[o].entryPoint === 'src/cli/bin.ts')!;
    const boards = Object.keys(meta.outputs).find((o) => meta.outputs[o].entryPoint === 'src/cli/commands/boards.ts')!;
    expect(entry).toBeDefined();
    expect(boards).toBeDefined();
    const loaded = [...staticInputs(meta, entry), ...staticInputs(meta, boards)];
    expect(loaded).toContain('src/cli/commands/boards.ts');
    const heavy = /node_modules\/(proj4|papaparse|shpjs|fflate|@xmldom|@tmcw|@turf\/jsts|d3-delaunay|valibot|geojson-validation)\//;
    expect(loaded.filter((p) => heavy.test(p))).toEqual([]);
    expect(loaded.filter((p) => p.startsWith('src/io/') || p.startsWith('src/analysis/coverage/'))).toEqual([]);
    // Other commands' modules are in chunks of their own.
    expect(Object.values(meta.outputs).filter((o) => o.entryPoint?.startsWith('src/cli/commands/')).length).toBeGreaterThanOrEqual(6);
  });

  it('prints byte-identical JSON to the source run in-process', async () => {
    const bundled = anju(['boards', '--json']);
    const out: string[] = [];
    expect(await main(['boards', '--json'], { out: (l) => out.push(l), err: () => {} })).toBe(0);
    expect(bundled.out).toBe(out.map((l) => l + '\n').join(''));
  });
});
