/**
 * /api/basemap: the team's basemap file (`anju serve --basemap FILE`), for every signed-in user
 * (whoever may read projects). GET /api/basemap says what there is (`{ basemap: null }` when
 * nothing); /api/basemap/file is a PMTiles file by HTTP range; /api/basemap/tiles/{z}/{x}/{y}
 * are an MBTiles file's tiles (gzip-compressed vector tiles keep their compression and say so
 * in Content-Encoding; a tile the file lacks is 204).
 */
import { createReadStream } from 'node:fs';
import type { Route } from '../router.ts';
import type { TeamBasemapFile } from '../../basemap/team-basemap-file.ts';
import { HttpError, sendJson } from '../http-error.ts';
import { parseRange } from '../byte-range.ts';

const TYPES = { pbf: 'application/x-protobuf', png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' } as const;
const FILE_HEADERS = { 'Cache-Control': 'private, no-cache', 'X-Content-Type-Options': 'nosniff', 'Accept-Ranges': 'bytes' };
const none = () => new HttpError(404, 'no-basemap', 'this server has no basemap file of that kind (anju serve --basemap FILE)');

export function basemapRoutes(basemap: TeamBasemapFile | null): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/basemap',
      access: 'signed-in',
      async handler(ctx) {
        const b = basemap;
        const about = !b ? null
          : b.format === 'pmtiles' ? { name: b.name, sizeBytes: b.sizeBytes, format: 'pmtiles', url: 'basemap/file' }
          : { name: b.name, sizeBytes: b.sizeBytes, format: 'mbtiles', tiles: 'basemap/tiles/{z}/{x}/{y}', info: b.info };
        sendJson(ctx.res, 200, { basemap: about });
      },
    },
    {
      method: 'GET',
      path: '/api/basemap/file',
      access: 'signed-in',
      async handler({ req, res }) {
        if (basemap?.format !== 'pmtiles') throw none();
        const size = basemap.sizeBytes;
        const range = parseRange(req.headers.range, size);
        const headers = { ...FILE_HEADERS, 'Content-Type': 'application/octet-stream', ETag: basemap.etag };
        if (range.kind === 'unsatisfiable') {
          res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` });
          return void res.end();
        }
        const [start, end] = range.kind === 'part' ? [range.start, range.end] : [0, size - 1];
        res.writeHead(range.kind === 'part' ? 206 : 200, { ...headers, 'Content-Length': String(end - start + 1), ...(range.kind === 'part' ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}) });
        if (req.method === 'HEAD' || size === 0) return void res.end();
        await new Promise<void>((resolve) => {
          const s = createReadStream(basemap.path, { start, end });
          s.on('error', () => res.destroy());
          res.on('close', () => (s.destroy(), resolve()));
          s.pipe(res);
        });
      },
    },
    {
      method: 'GET',
      path: '/api/basemap/tiles/:z/:x/:y',
      access: 'signed-in',
      async handler({ params, res, req }) {
        if (basemap?.format !== 'mbtiles') throw none();
        const [z, x, y] = [params.z, params.x, params.y].map((v) => (/^\d{1,9}$/.test(v) ? Number(v) : NaN));
        if ([z, x, y].some(Number.isNaN)) throw new HttpError(400, 'bad-tile', 'tile address must be /{z}/{x}/{y} in whole numbers');
        const bytes = basemap.tiles.get(z, x, y);
        const headers: Record<string, string> = { 'Cache-Control': 'private, max-age=3600', 'X-Content-Type-Options': 'nosniff', ETag: basemap.etag };
        if (!bytes) {
          res.writeHead(204, headers);
          return void res.end();
        }
        const encoding = bytes[0] === 0x1f && bytes[1] === 0x8b ? 'gzip' : basemap.info.format === 'pbf' && bytes[0] === 0x78 ? 'deflate' : null;
        res.writeHead(200, { ...headers, 'Content-Type': TYPES[basemap.info.format], 'Content-Length': String(bytes.length), ...(encoding ? { 'Content-Encoding': encoding } : {}) });
        res.end(req.method === 'HEAD' ? undefined : bytes);
      },
    },
  ];
}
