/**
 * The Content-Security-Policy in index.html forbids inline script and eval. The built
 * dist/index.html, and the policy's effect in Chromium, are checked by
 * test/browser/import.test.ts (it runs after `vite build`).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { assertStrictCsp, cspOf } from '../support/csp.ts';

describe('Content-Security-Policy', () => {
  it('index.html forbids inline script and eval', () => {
    assertStrictCsp(readFileSync(new URL('../../index.html', import.meta.url), 'utf8'));
  });

  it('the check fails for a policy that allows inline script', () => {
    const loose = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'" />`;
    expect(cspOf(loose).get('script-src')).toContain("'unsafe-inline'");
    expect(() => assertStrictCsp(loose)).toThrow();
  });
});
