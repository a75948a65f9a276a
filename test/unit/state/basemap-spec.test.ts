import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkCustomService, fillTemplate, tileAt, tileUrl, type CustomService } from '../../../src/state/basemap-spec.ts';
import { cspAllowsOrigin } from '../../../src/state/csp-origins.ts';

const policy = /content="([^"]*default-src[^"]*)"/.exec(readFileSync(new URL('../../../index.html', import.meta.url), 'utf8'))![1];
const self = 'http://127.0.0.1:5173';
const allowed = (o: string) => cspAllowsOrigin(policy, o, self);
const svc = (s: Partial<CustomService>): CustomService => ({ template: 'https://t0.tianditu.gov.cn/vec_w/wmts?tk={key}&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}&TILEMATRIXSET=w', scheme: 'wmts', crs: 'wgs84', key: 'k', ...s });

describe('custom tile services', () => {
  it('accepts a WMTS template on an allowed origin and maps its tokens to z/x/y', () => {
    expect(checkCustomService(svc({}), allowed)).toBeNull();
    expect(tileUrl(svc({ key: 'a b' }))).toBe('https://t0.tianditu.gov.cn/vec_w/wmts?tk=a%20b&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&TILEMATRIXSET=w');
  });

  it('refuses GCJ-02 and BD-09 services: they would sit ~500 m off every layer', () => {
    expect(checkCustomService(svc({ crs: 'gcj02' }), allowed)).toEqual({ reason: 'gcj02' });
    expect(checkCustomService(svc({ crs: 'bd09' }), allowed)).toEqual({ reason: 'bd09' });
  });

  it('refuses geographic tile matrices, templates without {z}/{x}/{y}, and non-http URLs', () => {
    expect(checkCustomService(svc({ template: svc({}).template.replace('SET=w', 'SET=c') }), allowed)).toEqual({ reason: 'wmts-not-mercator' });
    expect(checkCustomService(svc({ scheme: 'xyz', template: 'https://tile.openstreetmap.org/{z}/{x}.png' }), allowed)).toEqual({ reason: 'no-xyz', missing: '{y}' });
    expect(checkCustomService(svc({ scheme: 'xyz', template: 'javascript:alert(1)//{z}{x}{y}' }), allowed)).toEqual({ reason: 'not-http' });
    expect(checkCustomService(svc({ template: ' ' }), allowed)).toEqual({ reason: 'empty' });
  });

  it('refuses an origin the page policy does not allow, naming it', () => {
    expect(checkCustomService(svc({ scheme: 'xyz', template: 'https://gis.example.gov.cn/tiles/{z}/{x}/{y}.png' }), allowed)).toEqual({ reason: 'csp', origin: 'https://gis.example.gov.cn' });
    expect(checkCustomService(svc({ scheme: 'xyz', template: `${self}/tiles/{z}/{x}/{y}.png` }), allowed)).toBeNull();
  });

  it('numbers TMS rows from the south', () => {
    const t = tileAt(120.65, 28.0, 10);
    expect(t).toEqual({ x: 855, y: 428, z: 10 });
    expect(fillTemplate('/{z}/{x}/{y}', 'xyz', t)).toBe('/10/855/428');
    expect(fillTemplate('/{z}/{x}/{y}', 'tms', t)).toBe('/10/855/595');
  });
});

describe('cspAllowsOrigin', () => {
  it('matches wildcard hosts, scheme sources and self', () => {
    const p = "default-src 'self'; img-src 'self' https://*.tianditu.gov.cn; connect-src 'self' https:";
    expect(cspAllowsOrigin(p, 'https://t3.tianditu.gov.cn', self)).toBe(true);
    expect(cspAllowsOrigin(p, 'https://tianditu.gov.cn.evil.com', self)).toBe(false);
    expect(cspAllowsOrigin(p, self, self)).toBe(true);
    expect(cspAllowsOrigin("default-src 'self'", 'https://a.b', self)).toBe(false);
  });
});
