/**
 * View state of comparison and the board table: which boards are compared (2–4), whether the
 * drawer is open and which view it shows, and the table's sort and filter.
 */
import type { Category } from '../../domain/board.ts';

export const MAX_COMPARE = 4;

/** Colours of the compared boards (Tableau 10, first four): distinct from the category colours. */
export const COMPARE_COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2'] as const;

class CompareStore {
  ids = $state<string[]>([]);
  open = $state(false);
  view = $state<'cards' | 'table'>('cards');
  sortBy = $state<string | null>(null);
  /** 1 ascending, -1 descending. */
  sortDir = $state<1 | -1>(1);
  category = $state<Category | 'all'>('all');
  text = $state('');

  has(id: string): boolean {
    return this.ids.includes(id);
  }
  get full(): boolean {
    return this.ids.length >= MAX_COMPARE;
  }
  /** Add a board (ignored when already present or the set is full). */
  add(id: string): void {
    if (!this.has(id) && !this.full) this.ids = [...this.ids, id];
  }
  remove(id: string): void {
    this.ids = this.ids.filter((x) => x !== id);
  }
  toggle(id: string): void {
    if (this.has(id)) this.remove(id);
    else this.add(id);
  }
  /** Sort by a column; a second click on the same column reverses the order. */
  sort(columnId: string): void {
    if (this.sortBy === columnId) this.sortDir = this.sortDir === 1 ? -1 : 1;
    else {
      this.sortBy = columnId;
      this.sortDir = 1;
    }
  }
  colorOf(id: string): string {
    const i = this.ids.indexOf(id);
    return i >= 0 ? COMPARE_COLORS[i % COMPARE_COLORS.length] : '#999';
  }
}

export const compare = new CompareStore();
