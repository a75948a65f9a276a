/**
 * Live awareness over Server-Sent Events: each open project has a set of listening
 * streams; a save is announced to all of them (`event: saved`, `id:` = the revision, so a
 * reconnecting EventSource sends Last-Event-ID and is sent the saves it missed). A comment
 * line every HEARTBEAT_MS keeps proxies from closing idle streams. A listener whose account
 * is disabled (or whose session ended) is dropped at the next event or heartbeat.
 */
import type { ServerResponse } from 'node:http';

export const HEARTBEAT_MS = 20_000;

export interface SavedEvent {
  projectId: string;
  revision: number;
  author: string;
  at: string;
  summary: string;
  name: string;
  /** The X-Anju-Client header of the save, so a tab can recognise its own saves. */
  client: string | null;
}

/** Review events: a thread started, answered, resolved or reopened; a sign-off; a membership change; a link. */
export type ReviewEventType = 'comment' | 'signoff' | 'members' | 'links';

interface Listener {
  res: ServerResponse;
  /** Resolves false when the listener's credential is no longer valid; `force` checks now rather than at most every few seconds. */
  stillAllowed(force?: boolean): Promise<boolean>;
}

export class EventHub {
  private byProject = new Map<string, Set<Listener>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly heartbeatMs = HEARTBEAT_MS) {}

  /** Attach an open SSE response; returns a function that detaches it. */
  add(projectId: string, res: ServerResponse, stillAllowed: (force?: boolean) => Promise<boolean>): () => void {
    const l: Listener = { res, stillAllowed };
    const set = this.byProject.get(projectId) ?? new Set();
    set.add(l);
    this.byProject.set(projectId, set);
    if (!this.timer) {
      this.timer = setInterval(() => void this.heartbeat(), this.heartbeatMs);
      this.timer.unref();
    }
    const remove = () => {
      set.delete(l);
      if (!set.size) this.byProject.delete(projectId);
    };
    res.on('close', remove);
    return remove;
  }

  get listenerCount(): number {
    let n = 0;
    for (const s of this.byProject.values()) n += s.size;
    return n;
  }

  private async deliver(l: Listener, text: string, force = false): Promise<void> {
    if (!(await l.stillAllowed(force))) {
      l.res.end();
      return;
    }
    l.res.write(text);
  }

  publish(event: SavedEvent, type: 'saved' | 'deleted' = 'saved'): void {
    const text = formatEvent(type, event.revision, event);
    for (const l of this.byProject.get(event.projectId) ?? []) void this.deliver(l, text).catch(() => l.res.destroy());
  }

  /**
   * A review event (comment, sign-off, members) to everyone listening to the project. No
   * `id:` line: the stream's Last-Event-ID stays the last revision, for catching up on saves.
   */
  notify(projectId: string, type: ReviewEventType, data: unknown): void {
    const text = formatEvent(type, null, data);
    // After a membership change, everyone's access is checked before they hear of it.
    for (const l of this.byProject.get(projectId) ?? []) void this.deliver(l, text, type === 'members').catch(() => l.res.destroy());
  }

  private async heartbeat(): Promise<void> {
    for (const set of this.byProject.values()) for (const l of set) void this.deliver(l, ': ping\n\n').catch(() => l.res.destroy());
  }

  /** End every stream (server shutdown). */
  closeAll(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const set of this.byProject.values()) for (const l of set) l.res.end();
    this.byProject.clear();
  }
}

export function formatEvent(type: string, id: number | null, data: unknown): string {
  return `${id === null ? '' : `id: ${id}\n`}event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}
