import { describe, expect, it } from 'vitest';
import { installUndoKeys, isTextEntry, undoAction, undoKeyEffect } from '../../../src/ui/undo-keys.ts';

/** Just enough of an element for the routing rules (Node has no DOM). */
function el(tagName: string, attrs: Record<string, string> = {}, value = ''): Element {
  return { tagName, type: attrs.type ?? 'text', value, isContentEditable: false, hasAttribute: (k: string) => k in attrs, getAttribute: (k: string) => attrs[k] ?? null } as unknown as Element;
}
const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('undo keys', () => {
  it('Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo', () => {
    expect(undoAction(key('z', { ctrlKey: true }))).toBe('undo');
    expect(undoAction(key('z', { metaKey: true }))).toBe('undo');
    expect(undoAction(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(undoAction(key('y', { ctrlKey: true }))).toBe('redo');
    expect(undoAction(key('z'))).toBe(null);
    expect(undoAction(key('z', { ctrlKey: true, altKey: true }))).toBe(null);
  });

  it('is the app history on checkboxes and committed cells; the browser keeps free text', () => {
    expect(isTextEntry(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTextEntry(el('SELECT'))).toBe(false);
    expect(isTextEntry(el('INPUT'))).toBe(true);
    expect(isTextEntry(el('TEXTAREA'))).toBe(true);
    expect(undoKeyEffect(el('INPUT', { 'data-app-undo': '1,200' }, '1,200'))).toBe('history');
    expect(undoKeyEffect(el('INPUT', { 'data-app-undo': '1,200' }, '1,2005'))).toBe('cancel-entry');
    expect(undoKeyEffect(el('INPUT', { type: 'checkbox' }))).toBe('history');
    expect(undoKeyEffect(el('INPUT'))).toBe('browser');
    expect(undoKeyEffect(null)).toBe('history');
  });

  it('routes key presses to the history, cancels a typed entry first, and leaves free text alone', () => {
    const calls: string[] = [];
    let listener: ((e: KeyboardEvent) => void) | null = null;
    const target = { addEventListener: (_: string, f: (e: KeyboardEvent) => void) => (listener = f), removeEventListener: () => (listener = null) };
    const off = installUndoKeys({ undo: () => calls.push('undo'), redo: () => calls.push('redo') }, target as unknown as Window);
    const press = (t: Element | null, mods: Partial<KeyboardEvent>) => {
      let prevented = false;
      listener!({ ...key('z', mods), target: t, defaultPrevented: false, preventDefault: () => (prevented = true) } as unknown as KeyboardEvent);
      return prevented;
    };
    const cell = el('INPUT', { 'data-app-undo': '500' }, '5007');
    expect(press(cell, { ctrlKey: true })).toBe(true);
    expect((cell as HTMLInputElement).value).toBe('500'); // the typed entry is cancelled, nothing undone
    expect(calls).toEqual([]);
    press(cell, { ctrlKey: true });
    press(el('INPUT', { type: 'checkbox' }), { metaKey: true, shiftKey: true });
    expect(press(el('INPUT'), { ctrlKey: true })).toBe(false);
    expect(calls).toEqual(['undo', 'redo']);
    off();
    expect(listener).toBe(null);
  });
});
