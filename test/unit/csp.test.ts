/**
 * The Content-Security-Policy in index.html forbids inline script and eval. The built
 * dist/index.html, and the policy's effect in Chromium, are checked by
 * test/browser/import.test.ts (it runs after `vite build`).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { assertStrictCsp, cspOf } from '../support/csp.ts';
import { addDevWebSocket } from '../../vite-plugin-dev-csp.ts';

describe('Content-Security-Policy', () => {
  it('index.html forbids inline script and eval', () => {
    assertStrictCsp(readFileSync(new URL('../../index.html', import.meta.url), 'utf8'));
  });

  it('connects only to this origin and the two optional tile hosts: no WebSocket to any host', () => {
    const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
    expect(cspOf(html).get('connect-src')).toEqual(["'self'", 'data:', 'blob:', 'https://tile.openstreetmap.org', 'https://*.tianditu.gov.cn']);
    // The dev server alone adds ws: for hot reload.
    expect(cspOf(addDevWebSocket(html)).get('connect-src')).toContain('ws:');
  });

  it('the check fails for a policy that allows inline script', () => {
    const loose = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'" />`;
    expect(cspOf(loose).get('script-src')).toContain("'unsafe-inline'");
    expect(() => assertStrictCsp(loose)).toThrow();
  });
});
