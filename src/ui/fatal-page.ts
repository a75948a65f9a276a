/**
 * What shows when the app itself cannot start (its shell failed to render): never a white
 * page. Plain DOM, text only, in Chinese and English, with the ways on: download the data
 * stored in this browser, open a project file, or start fresh; the last two set the stored
 * data aside (not deleted) and start the app again.
 */
import { translate } from '../i18n/messages/index.ts';
import type { Lang } from '../i18n/lang.ts';
import { problemsLine } from '../i18n/problems-line.ts';
import { currentStoredText, storeInstead } from '../state/persistence/project-persistence.svelte.ts';
import { parseWholeProject } from '../state/project-file.ts';
import type { ProjectState } from '../state/project.ts';
import { downloadText } from '../export/download.ts';
import { storedDataFileName } from './stored-data-file.ts';

export function showFatalPage(target: HTMLElement, error: unknown, initial: ProjectState, lang: Lang): void {
  const t = (key: string) => translate(lang, key);
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const box = el('div');
  box.setAttribute('role', 'alert');
  box.dataset.testid = 'fatal-error';
  box.style.cssText = 'max-width:640px;margin:3rem auto;padding:1rem 1.2rem;border:2px solid #a11d1d;border-radius:8px;background:#fdecec;font:15px/1.5 system-ui,sans-serif';
  const note = el('p');
  const restart = (project: ProjectState) =>
    storeInstead(project).then(
      () => location.reload(),
      (e) => (note.textContent = String(e instanceof Error ? e.message : e)),
    );
  const button = (key: string, onClick: () => void) => {
    const b = el('button', t(key));
    b.style.cssText = 'font:inherit;margin:0 0.4rem 0.4rem 0';
    b.onclick = onClick;
    return b;
  };
  const input = el('input');
  input.type = 'file';
  input.accept = '.json,.anju.json,application/json';
  input.hidden = true;
  input.onchange = async () => {
    const file = input.files?.[0];
    if (!file) return;
    const r = parseWholeProject(await file.text(), initial, file.name);
    if (r.ok) void restart(r.value);
    else note.textContent = await problemsLine(r.problems.slice(0, 3), lang, '; ');
  };
  const detail = el('details');
  detail.append(el('summary', t('view.error.detail')), el('code', error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
  box.append(
    el('strong', t('view.error.title')),
    el('p', t('view.error.body')),
    button('view.error.download', async () => {
      const text = await currentStoredText();
      if (text) downloadText(text, storedDataFileName(new Date()), 'application/json');
      else note.textContent = t('view.error.nothingStored');
    }),
    button('view.error.open', () => input.click()),
    button('view.error.fresh', () => void restart(initial)),
    input,
    note,
    detail,
  );
  target.replaceChildren(box);
}
