/** A built page served by the team server's static file handler (src/server/http/static-files.ts), on a free port. */
import { createServer, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
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

/**
 * `each` on a cold load of every built page in `dirs`, `runs` times, one after another: each page served
 * as above, each load in a new browser context (nothing cached) at the app's window size, Chinese locale.
 */
export async function coldLoads(browser: Browser, dirs: string[], runs: number, each: (page: Page, url: string, dir: string, run: number) => Promise<void>): Promise<void> {
  for (const dir of dirs) {
    const { server, url } = await serve(dir);
    try {
      for (let run = 1; run <= runs; run++) {
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
        try {
          await each(await context.newPage(), url, dir, run);
        } finally {
          await context.close();
        }
      }
    } finally {
      server.close();
    }
  }
}
