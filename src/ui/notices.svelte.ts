/**
 * Short messages at the foot of the window (toasts): what just happened, and what to do about
 * it — "方案已删除，可撤销", "已合并另一窗口的修改". Each may carry one action (a button) and
 * goes away after `timeoutMs` (default 8 s) or when closed. Shown by Notices.svelte.
 */
export interface Notice {
  id: number;
  text: string;
  /** `info` (default) or `warn` (stays until closed unless a timeout is given). */
  kind: 'info' | 'warn';
  action?: { label: string; run: () => void };
  testid?: string;
}

class Notices {
  list = $state<Notice[]>([]);
  #seq = 0;

  /** Show a notice; returns its id (for `close`). */
  show(n: Omit<Notice, 'id' | 'kind'> & { kind?: Notice['kind']; timeoutMs?: number }): number {
    const id = ++this.#seq;
    const { timeoutMs, ...rest } = n;
    this.list = [...this.list.slice(-3), { kind: 'info', ...rest, id }];
    const ms = timeoutMs ?? (rest.kind === 'warn' ? 0 : 8000);
    if (ms > 0) setTimeout(() => this.close(id), ms);
    return id;
  }

  close(id: number): void {
    this.list = this.list.filter((n) => n.id !== id);
  }
}

export const notices = new Notices();
