/**
 * Tabs and windows of the app on one origin tell each other when they saved the project
 * (BroadcastChannel), so the others merge it at once rather than on their next save, and know
 * how many other tabs have the project open. Without BroadcastChannel nothing is announced; the
 * conditional writes (Replica) still lose nothing.
 */
type Message = { from: string; kind: 'hello' | 'here' | 'bye' } | { from: string; kind: 'saved'; revision: number };

export interface TabChannel {
  /** Tell the other tabs this one saved `revision`. */
  announceSaved(revision: number): void;
  close(): void;
}

export interface TabChannelOptions {
  /** Another tab saved; merge what it wrote. */
  onOtherSaved(revision: number): void;
  /** The number of other tabs with the project open changed. */
  onPeers?(count: number): void;
}

/** Join the channel `name` (one per database). */
export function openTabChannel(name: string, opts: TabChannelOptions): TabChannel {
  if (typeof BroadcastChannel === 'undefined') return { announceSaved() {}, close() {} };
  const channel = new BroadcastChannel(name);
  const me = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const peers = new Set<string>();
  const post = (m: Message) => channel.postMessage(m);
  const setPeer = (id: string, present: boolean) => {
    const had = peers.has(id);
    if (present) peers.add(id);
    else peers.delete(id);
    if (had !== present) opts.onPeers?.(peers.size);
  };
  channel.onmessage = (e: MessageEvent<Message>) => {
    const m = e.data;
    if (!m || typeof m !== 'object' || m.from === me) return;
    if (m.kind === 'hello') {
      setPeer(m.from, true);
      post({ from: me, kind: 'here' });
    } else if (m.kind === 'here') setPeer(m.from, true);
    else if (m.kind === 'bye') setPeer(m.from, false);
    else if (m.kind === 'saved') {
      setPeer(m.from, true);
      opts.onOtherSaved(m.revision);
    }
  };
  const bye = () => post({ from: me, kind: 'bye' });
  const hello = () => post({ from: me, kind: 'hello' });
  // A page restored from the back-forward cache says hello again.
  globalThis.addEventListener?.('pagehide', bye);
  globalThis.addEventListener?.('pageshow', hello);
  hello();
  return {
    announceSaved: (revision) => post({ from: me, kind: 'saved', revision }),
    close() {
      globalThis.removeEventListener?.('pagehide', bye);
      globalThis.removeEventListener?.('pageshow', hello);
      bye();
      channel.close();
    },
  };
}
