import { describe, expect, it } from 'vitest';
import { History } from '../../../src/state/history.ts';
import { setSlice } from '../../../src/state/change.ts';
import type { Change } from '../../../src/state/change.ts';

type S = { a: number; b: string };
const label = { zh: '改', en: 'edit' };

describe('History', () => {
  it('undoes and redoes changes in order, restoring exact earlier states', () => {
    const h = new History<S>({ a: 1, b: 'x' });
    const s0 = h.state;
    h.apply(setSlice<S, 'a'>('a', 2, label));
    h.apply(setSlice<S, 'b'>('b', 'y', label));
    expect(h.state).toEqual({ a: 2, b: 'y' });
    h.undo();
    expect(h.state).toEqual({ a: 2, b: 'x' });
    h.undo();
    expect(h.state).toEqual(s0);
    expect(h.canUndo).toBe(false);
    h.redo();
    h.redo();
    expect(h.state).toEqual({ a: 2, b: 'y' });
    expect(h.canRedo).toBe(false);
  });

  it('never mutates a state it was given', () => {
    const s0 = Object.freeze({ a: 1, b: 'x' });
    const h = new History<S>(s0);
    h.apply(setSlice<S, 'a'>('a', 5, label));
    expect(s0).toEqual({ a: 1, b: 'x' });
  });

  it('drops the redo stack when a new change is applied after undo', () => {
    const h = new History<S>({ a: 1, b: 'x' });
    h.apply(setSlice<S, 'a'>('a', 2, label));
    h.undo();
    h.apply(setSlice<S, 'a'>('a', 3, label));
    expect(h.canRedo).toBe(false);
    h.undo();
    expect(h.state.a).toBe(1);
  });

  it('keeps at most `cap` undo steps', () => {
    const h = new History<S>({ a: 0, b: '' }, 3);
    for (let i = 1; i <= 5; i++) h.apply(setSlice<S, 'a'>('a', i, label));
    let undos = 0;
    while (h.canUndo) { h.undo(); undos++; }
    expect(undos).toBe(3);
    expect(h.state.a).toBe(2);
  });
});

describe('liftChange', () => {
  it('applies a slice change to the whole state and undoes it', async () => {
    const { liftChange } = await import('../../../src/state/change.ts');
    type Whole = { inner: S; other: number };
    const h = new History<Whole>({ inner: { a: 1, b: 'x' }, other: 7 });
    h.apply(liftChange<Whole, 'inner'>('inner', setSlice<S, 'a'>('a', 9, label)));
    expect(h.state).toEqual({ inner: { a: 9, b: 'x' }, other: 7 });
    h.undo();
    expect(h.state).toEqual({ inner: { a: 1, b: 'x' }, other: 7 });
  });
});

describe('History labels', () => {
  it('names the change the user made for undo and redo, not its inverse', () => {
    type S = { n: number };
    const add = (k: number, label: string): Change<S> => ({ label: { zh: label, en: label }, apply: (s) => ({ state: { n: s.n + k }, inverse: add(-k, `inverse of ${label}`) }) });
    const h = new History<S>({ n: 0 });
    h.apply(add(2, 'duplicate'));
    expect(h.undoLabel?.en).toBe('duplicate');
    h.undo();
    expect(h.redoLabel?.en).toBe('duplicate');
    h.redo();
    expect(h.undoLabel?.en).toBe('duplicate');
    expect(h.state).toEqual({ n: 2 });
  });
});
