import { describe, expect, it } from 'vitest';
import { formatViewHash, parseViewHash } from '../../../src/state/url-state.ts';

describe('the view in the URL hash', () => {
  it('round-trips camera, layers, board, tab, compare set and scenario', () => {
    const view = {
      camera: { center: [120.7, 27.96] as [number, number], zoom: 10.25, bearingDeg: 0, pitchDeg: 0 },
      layers: ['boards', 'structure'],
      board: 'jingxin',
      tab: 'plan',
      compare: ['jingxin', 'wutian'],
      scenario: 's-1',
    };
    const hash = formatViewHash(view);
    expect(hash).toBe('map=10.25/27.9600/120.7000&layers=boards,structure&board=jingxin&tab=plan&compare=jingxin,wutian&scenario=s-1');
    expect(parseViewHash('#' + hash)).toEqual(view);
  });

  it('keeps bearing and pitch only when the map is rotated or tilted', () => {
    const hash = formatViewHash({ camera: { center: [120, 28], zoom: 9, bearingDeg: 30, pitchDeg: 20 } });
    expect(hash).toBe('map=9.00/28.0000/120.0000/30.0/20.0');
    expect(parseViewHash(hash).camera).toEqual({ center: [120, 28], zoom: 9, bearingDeg: 30, pitchDeg: 20 });
  });

  it('opens a presentation chapter by #present/N (1-based), with other parameters after ?', () => {
    expect(parseViewHash('#present/3')).toEqual({ chapter: 3 });
    expect(parseViewHash('#present/12?compare=a,b')).toEqual({ chapter: 12, compare: ['a', 'b'] });
    expect(formatViewHash({ chapter: 3, camera: { center: [120, 28], zoom: 9, bearingDeg: 0, pitchDeg: 0 }, board: 'x', compare: ['a'] })).toBe('present/3?compare=a');
  });

  it('drops what a mistyped link gets wrong and keeps the rest', () => {
    expect(parseViewHash('#map=abc/27/120&board=jingxin')).toEqual({ board: 'jingxin' });
    expect(parseViewHash('#map=10/95/120')).toEqual({});
    expect(parseViewHash('#present/0')).toEqual({});
    expect(parseViewHash('#board=<script>&tab=plan')).toEqual({ tab: 'plan' });
    expect(parseViewHash('#compare=a,a,b,c,d,e')).toEqual({ compare: ['a', 'b', 'c', 'd'] });
    expect(parseViewHash('')).toEqual({});
  });

  it('says "no layers visible" as an empty list, not as a missing parameter', () => {
    expect(parseViewHash(formatViewHash({ layers: [] }))).toEqual({ layers: [] });
  });
});

describe('the rest of the view in the URL hash', () => {
  it('round-trips the compare drawer, hidden overlays, feature parameters and the scenario’s name', () => {
    const view = { tab: 'alloc', drawer: 'table' as const, hidden: ['coverage-gaps', 'jh-employment'], params: { type: 'rental', year: '2023' }, scenarioName: '方案二（副本）', scenario: 's-9' };
    const hash = formatViewHash(view);
    expect(hash).toBe('tab=alloc&drawer=table&hide=coverage-gaps,jh-employment&type=rental&year=2023&sname=%E6%96%B9%E6%A1%88%E4%BA%8C%EF%BC%88%E5%89%AF%E6%9C%AC%EF%BC%89&scenario=s-9');
    expect(parseViewHash(hash)).toEqual(view);
  });

  it('leaves the drawer and hidden overlays out of a presentation link, keeps the feature parameters', () => {
    expect(formatViewHash({ chapter: 2, drawer: 'cards', hidden: ['x'], params: { year: '2022' }, scenario: 's' })).toBe('present/2?year=2022&scenario=s');
  });

  it('refuses parameters it cannot trust: unknown drawer, odd keys or values, control characters in a name', () => {
    expect(parseViewHash('#drawer=side&Type=x&year=<b>&sname=%07bell&ok-key=v1')).toEqual({ params: { 'ok-key': 'v1' } });
    expect(parseViewHash('#sname=' + 'x'.repeat(81))).toEqual({});
    // A feature cannot take over a core key.
    expect(formatViewHash({ params: { board: 'x', tab: 'y' } })).toBe('');
  });
});
