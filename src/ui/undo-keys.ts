/**
 * Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (also Ctrl+Y) are the app's undo and redo everywhere: on the
 * map, on checkboxes, radios, selects and buttons, and in inputs that commit to the project when
 * left (grid cells, thresholds, jobs, dwellings), which carry the text of what the project holds
 * as `data-app-undo="…"`. Only free text being typed (a name, a search) keeps the browser's own
 * text undo.
 */

export type UndoAction = 'undo' | 'redo';

/** The history action a key press asks for, or null. */
export function undoAction(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): UndoAction | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'range', 'color', 'button', 'submit', 'reset', 'file', 'image']);

/** True for elements where typing happens and the browser's text undo belongs (not `data-app-undo`). */
export function isTextEntry(el: Element | null): boolean {
  if (!el || el.hasAttribute('data-app-undo')) return false;
  if ((el as HTMLElement).isContentEditable || el.tagName === 'TEXTAREA') return true;
  return el.tagName === 'INPUT' && !NON_TEXT_INPUTS.has((el as HTMLInputElement).type);
}

interface UndoTarget {
  undo(): void;
  redo(): void;
}

/**
 * What an undo key does in `el`: `cancel-entry` when `el` is an app-undo input holding typed
 * text the project does not hold yet (the first Ctrl/Cmd+Z cancels that entry, as Excel does
 * while a cell is edited), `history` for the app's undo/redo, `browser` for free text.
 */
export function undoKeyEffect(el: Element | null): 'cancel-entry' | 'history' | 'browser' {
  if (isTextEntry(el)) return 'browser';
  if (el?.tagName === 'INPUT' && el.hasAttribute('data-app-undo') && (el as HTMLInputElement).value !== el.getAttribute('data-app-undo')) return 'cancel-entry';
  return 'history';
}

/** Route the page's undo keys to `history`. Returns a function that removes the listener. */
export function installUndoKeys(history: UndoTarget, target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
  const onKey = (e: KeyboardEvent) => {
    const action = undoAction(e);
    if (!action || e.defaultPrevented) return;
    // An element (the window itself has no attributes).
    const el = typeof (e.target as Element | null)?.hasAttribute === 'function' ? (e.target as Element) : null;
    const effect = undoKeyEffect(el);
    if (effect === 'browser') return;
    e.preventDefault();
    if (effect === 'cancel-entry') (el as HTMLInputElement).value = el!.getAttribute('data-app-undo') ?? '';
    else if (action === 'undo') history.undo();
    else history.redo();
  };
  target.addEventListener('keydown', onKey as EventListener);
  return () => target.removeEventListener('keydown', onKey as EventListener);
}
