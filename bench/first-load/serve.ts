/** A built page served by the team server's static file handler (src/server/http/static-files.ts), on a free port. */
import { createServer, type Server } from 'node:http';
import { serveStatic } from '../../src/server/http/static-files.ts';

export async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (!serveStatic(dir, req, res, new URL(req.url ?? '/', 'http://x').pathname)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  return { server, url: `http://127.0.0.1:${addr.port}/` };
}
