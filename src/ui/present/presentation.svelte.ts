/**
 * The presentation: which chapter is shown, entering and leaving full screen. Chapters come
 * from every feature (src/ui/feature-registry.ts) and are read live, so figures follow the current scenario.
 * Each chapter switches the tab (its overlays and colours), highlights its board and flies the
 * map to its view through the store (MapView stays the only owner of the map).
 */
import type { Chapter } from '../feature.ts';
import type { Camera, Padding } from '../../state/map-view.ts';
import { store } from '../../state/app-store.svelte.ts';
import { allChapters, prepareAllFigures } from '../feature-registry.ts';

/** Room for the caption panel (right) and the legend (bottom left), in CSS px. */
function chapterPadding(): Padding {
  const w = typeof window === 'undefined' ? 1400 : window.innerWidth;
  const h = typeof window === 'undefined' ? 900 : window.innerHeight;
  return { top: Math.round(h * 0.08), bottom: Math.round(h * 0.08), left: Math.round(Math.min(w * 0.22, 420)), right: Math.round(Math.min(w * 0.42, 640)) };
}

class Presentation {
  active = $state(false);
  /** 0-based index of the chapter shown. */
  index = $state(0);
  chapters: Chapter[] = $derived(allChapters());
  chapter: Chapter | null = $derived(this.chapters[Math.min(this.index, this.chapters.length - 1)] ?? null);
  /** What to go back to on leaving: the tab, the selected board and where the map was. */
  #before: { tab: string; boardId: string | null; camera: Camera | null } | null = null;

  /** Start (or jump) at chapter `n` (1-based, clamped). */
  open(n = 1): void {
    if (!this.active) {
      this.#before = { tab: store.tab, boardId: store.selectedBoardId, camera: store.camera ? { ...store.camera, center: [...store.camera.center] } : null };
      this.active = true;
      store.mapOnly = true;
      document.documentElement.classList.add('presenting');
      // Full screen when the browser allows it; without it the map still fills the window.
      document.documentElement.requestFullscreen?.().catch(() => undefined);
      // Board chapters list every figure: start what computes them (a failure shows in its tab).
      prepareAllFigures().catch(() => undefined);
    }
    this.go(n - 1);
  }

  go(index: number): void {
    const last = Math.max(0, this.chapters.length - 1);
    this.index = Math.max(0, Math.min(last, index));
    const c = this.chapters[this.index];
    if (!c) return;
    if (c.tab) store.tab = c.tab;
    store.selection = c.boardId ? { kind: 'board', id: c.boardId } : null;
    store.fitTo(c.bbox, chapterPadding());
  }

  next(): void {
    this.go(this.index + 1);
  }
  prev(): void {
    this.go(this.index - 1);
  }

  close(): void {
    if (!this.active) return;
    this.active = false;
    store.mapOnly = false;
    document.documentElement.classList.remove('presenting');
    if (document.fullscreenElement) document.exitFullscreen?.().catch(() => undefined);
    if (this.#before) {
      store.tab = this.#before.tab;
      store.selection = this.#before.boardId ? { kind: 'board', id: this.#before.boardId } : null;
      // Leave the map where it was before the presentation flew it around.
      if (this.#before.camera) store.jumpTo(this.#before.camera);
    }
    this.#before = null;
  }
}

export const presentation = new Presentation();
