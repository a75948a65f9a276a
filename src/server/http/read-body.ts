/**
 * Read a request body up to a limit: a declared Content-Length over the limit is refused
 * before reading; a body that grows past it is refused as soon as it does (413).
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.ts';

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, 'body-too-large', `the request body is larger than ${limitBytes} bytes`, { limitBytes }, { Connection: 'close' });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The body parsed as JSON, or 400 `not-json`. */
export async function readJson(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'unsupported-media-type', 'send the body as Content-Type: application/json');
  const body = await readBody(req, limitBytes);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new HttpError(400, 'not-json', `the body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}
