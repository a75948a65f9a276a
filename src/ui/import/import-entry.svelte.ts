/**
 * The import dialog's doorway, loaded with the app: the top bar's button, the features' import
 * buttons and the drop zone open the dialog through here, while the session itself (targets,
 * readers, CRS parsing, the worker client: import-session.svelte.ts) loads on first use.
 */
import type { ImportSession } from './import-session.svelte.ts';

class ImportEntry {
  /** The session once its module has arrived (null until the dialog is first wanted). */
  session = $state.raw<ImportSession | null>(null);
  /** A file is being dragged over the window (the drop zone shows its hint). */
  dragging = $state(false);
  #loading: Promise<ImportSession> | null = null;

  /** The session, loading its module the first time. */
  load(): Promise<ImportSession> {
    this.#loading ??= import('./import-session.svelte.ts').then(
      (m) => (this.session = m.importSession),
      (err: unknown) => {
        // Another try on the next click (e.g. the server was away for a moment).
        this.#loading = null;
        throw err;
      },
    );
    return this.#loading;
  }

  /** Open the dialog, optionally with a target preselected (an id of targets.ts). */
  async openDialog(targetId?: string): Promise<void> {
    (await this.load()).openDialog(targetId);
  }

  /** Read a dropped file; `guess` sets the target from its content. */
  async chooseFile(file: File, options: { guess?: boolean } = {}): Promise<void> {
    (await this.load()).chooseFile(file, options);
  }
}

export const importEntry = new ImportEntry();
