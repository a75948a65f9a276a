import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, flushOnPageHide } from '../../../../src/state/persistence/autosave.ts';
import { isQuotaExceeded, storageProblem } from '../../../../src/state/persistence/quota.ts';
import { stateWrites, isEmptyWrite } from '../../../../src/state/persistence/state-diff.ts';
import { testBoards, testScenario } from '../../../support/allocation-fixtures.ts';
import type { ProjectState } from '../../../../src/state/project.ts';
import { initialProject } from '../../../../src/state/initial-project.ts';
import { DEFAULT_RULE_SETTINGS } from '../../../../src/data/allocation-data.ts';

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

function recorder() {
  const writes: [number | null, number][] = [];
  const errors: unknown[] = [];
  let fail: unknown = null;
  const a = createAutosave<number>(0, {
    write: async (prev, next) => {
      if (fail) throw fail;
      writes.push([prev, next]);
    },
    onError: (e) => errors.push(e),
  });
  return { a, writes, errors, failWith: (e: unknown) => (fail = e) };
}

describe('createAutosave (pure timing, fake timers)', () => {
  it('writes once, 250 ms after the last of a burst of edits', async () => {
    const { a, writes } = recorder();
    a.schedule(1);
    await vi.advanceTimersByTimeAsync(100);
    a.schedule(2);
    await vi.advanceTimersByTimeAsync(249);
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toEqual([[0, 2]]);
    expect(a.dirty).toBe(false);
  });

  it('still writes within 1 s while edits never pause (losing at most the last second)', async () => {
    const { a, writes } = recorder();
    for (let t = 0; t < 3000; t += 100) {
      a.schedule(t);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(writes.length).toBeGreaterThanOrEqual(3);
    expect(writes[0][1]).toBeLessThanOrEqual(1000);
    // Each write passes what was last saved, so storage can write only the difference.
    for (let i = 1; i < writes.length; i++) expect(writes[i][0]).toBe(writes[i - 1][1]);
  });

  it('flush writes immediately; a second flush with nothing pending writes nothing', async () => {
    const { a, writes } = recorder();
    a.schedule(5);
    await a.flush();
    expect(writes).toEqual([[0, 5]]);
    await a.flush();
    expect(writes).toHaveLength(1);
  });

  it('reports a failed write, keeps the edit pending, and retries it on the next flush', async () => {
    const { a, writes, errors, failWith } = recorder();
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    failWith(quota);
    a.schedule(7);
    await vi.advanceTimersByTimeAsync(250);
    expect(errors).toEqual([quota]);
    expect(a.dirty).toBe(true);
    failWith(null);
    await a.flush();
    expect(writes).toEqual([[0, 7]]);
  });

  it('flushes on visibilitychange→hidden and on pagehide, and stops after unsubscribing', async () => {
    const flush = vi.fn(async () => {});
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    const off = flushOnPageHide({ flush }, { window: win, document: doc });
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(flush).not.toHaveBeenCalled();
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    win.dispatchEvent(new Event('pagehide'));
    expect(flush).toHaveBeenCalledTimes(2);
    off();
    win.dispatchEvent(new Event('pagehide'));
    expect(flush).toHaveBeenCalledTimes(2);
  });
});

describe('isQuotaExceeded / storageProblem', () => {
  it('recognises the browsers’ quota errors, also wrapped in an aborted transaction', () => {
    expect(isQuotaExceeded(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaExceeded({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaExceeded({ name: 'AbortError', error: new DOMException('full', 'QuotaExceededError') })).toBe(true);
    expect(isQuotaExceeded(new DOMException('x', 'AbortError'))).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
    expect(storageProblem(new DOMException('full', 'QuotaExceededError'))).toEqual({ code: 'storage-quota-exceeded', severity: 'error' });
    expect(storageProblem(new TypeError("Cannot read properties of undefined (reading 'x')"))).toEqual({ code: 'storage-failed', severity: 'error' });
  });
});

describe('stateWrites', () => {
  const a = testScenario({ id: 'a' });
  const b = testScenario({ id: 'b' });
  const boards = testBoards();
  const s0: ProjectState = { ...initialProject(boards, { type: 'FeatureCollection', features: [] }, DEFAULT_RULE_SETTINGS, 't'), scenarios: [a, b] };
  const names = Object.keys(s0).filter((k) => k !== 'scenarios');

  it('writes everything, every slice included, when nothing is stored yet', () => {
    const w = stateWrites(null, s0);
    expect(w).toMatchObject({ put: [a, b], remove: [], order: ['a', 'b'] });
    expect(w.slices.map(([k]) => k)).toEqual(names);
    expect(names).toEqual(expect.arrayContaining(['boards', 'nodes', 'facilities', 'population', 'streets', 'employment', 'dwellings', 'renovationDone']));
  });

  it('writes only the changed scenario, and nothing for the same state', () => {
    const a2 = { ...a, name: 'A2' };
    expect(stateWrites(s0, { ...s0, scenarios: [a2, b] })).toEqual({ put: [a2], remove: [], order: null, slices: [] });
    expect(isEmptyWrite(stateWrites(s0, s0))).toBe(true);
  });

  it('writes only the changed slice', () => {
    const dwellings = { s1: 5 };
    expect(stateWrites(s0, { ...s0, dwellings })).toEqual({ put: [], remove: [], order: null, slices: [['dwellings', dwellings]] });
  });

  it('deletes removed scenarios and records the new order', () => {
    expect(stateWrites(s0, { ...s0, scenarios: [b] })).toEqual({ put: [], remove: ['a'], order: ['b'], slices: [] });
    expect(stateWrites(s0, { ...s0, scenarios: [b, a] })).toEqual({ put: [], remove: [], order: ['b', 'a'], slices: [] });
  });
});
