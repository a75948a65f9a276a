/** Plain HTTP requests over a real socket (node:http), with full control of every header. */
import { request } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience
}

export function httpRequest(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { ...(body !== undefined ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}), ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = undefined;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Open an SSE stream and collect its events until `close()`. */
export function openEvents(port: number, path: string, headers: Record<string, string>) {
  const events: { event: string; id?: string; data: any }[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  let status = 0;
  let ended = false;
  let buffer = '';
  const req = request({ host: '127.0.0.1', port, method: 'GET', path, headers: { Accept: 'text/event-stream', ...headers }, agent: false }, (res) => {
    status = res.statusCode ?? 0;
    res.setEncoding('utf8');
    res.on('end', () => (ended = true));
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let i: number;
      while ((i = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const ev: { event: string; id?: string; data: any } = { event: 'message', data: undefined }; // eslint-disable-line @typescript-eslint/no-explicit-any
        let isEvent = false;
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) {
            ev.event = line.slice(7);
            isEvent = true;
          }
          else if (line.startsWith('id: ')) ev.id = line.slice(4);
          else if (line.startsWith('data: ')) ev.data = JSON.parse(line.slice(6));
        }
        if (isEvent) events.push(ev);
      }
    });
  });
  req.on('error', () => {});
  req.end();
  return {
    events,
    status: () => status,
    /** The server ended the stream. */
    ended: () => ended,
    async waitFor(pred: (e: (typeof events)[number]) => boolean, timeoutMs = 10_000) {
      const t0 = Date.now();
      for (;;) {
        const hit = events.find(pred);
        if (hit) return hit;
        if (Date.now() - t0 > timeoutMs) throw new Error(`no matching event in ${timeoutMs} ms; got ${JSON.stringify(events)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () => req.destroy(),
  };
}
