/**
 * Imported strings are rendered as text only: no source file uses an HTML sink ({@html},
 * innerHTML/outerHTML/insertAdjacentHTML, setHTML, MapLibre popups' setHTML) or eval/new Function.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const SINKS = [/\{@html\b/, /\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /\bsetHTML\s*\(/, /\beval\s*\(/, /\bnew\s+Function\s*\(/, /\bnew\s+\w*\.?Popup\s*\(/];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.(svelte|ts)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
}

describe('HTML sinks', () => {
  it('no source file renders strings as HTML or evaluates code', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(50);
    const hits = files.flatMap((f) => SINKS.filter((re) => re.test(readFileSync(f, 'utf8'))).map((re) => `${f.slice(SRC.length)}: ${re}`));
    expect(hits).toEqual([]);
  });
});
