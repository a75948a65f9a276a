/**
 * The import worker's API over the one worker protocol (a real MessageChannel): progress then
 * the result; cancel stops the job; and the app's ImportClient ends an import whose worker died
 * with a problem saying so, in both languages (never an endless spinner).
 */
import { describe, expect, it } from 'vitest';
import { importApi, type ImportProgress } from '../../../src/workers/import-api.ts';
import { WorkerClient } from '../../../src/workers/worker-client.ts';
import { withTransfer } from '../../../src/workers/rpc-protocol.ts';
import { ImportClient } from '../../../src/ui/import/import-client.ts';
import { formatProblem } from '../../../src/i18n/problems.ts';
import { channelWorker, type ChannelWorker } from '../../support/channel-worker.ts';

const csv = (n: number) => new TextEncoder().encode('lon,lat,name\n' + Array.from({ length: n }, (_, i) => `120.6${i % 10},28.0${i % 10},p${i}`).join('\n') + '\n');

describe('import worker API', () => {
  it('reports progress by stage, then the result', async () => {
    const client = new WorkerClient<typeof importApi>(() => channelWorker(importApi));
    const progress: ImportProgress[] = [];
    const bytes = csv(10).buffer as ArrayBuffer;
    const r = await client.call('importLayer', { bytes, fileName: 'p.csv', options: {} }, { transfer: [bytes], onProgress: (p) => progress.push(p as ImportProgress) });
    expect(r.ok && r.value.features).toHaveLength(10);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.fraction >= 0 && p.fraction <= 1 && typeof p.stage === 'string')).toBe(true);
  });

  it('a cancelled import settles as cancelled (null) and changes nothing', async () => {
    const client = new ImportClient(() => channelWorker(importApi));
    const job = client.run(new Blob([csv(20_000)]), 'big.csv', {}, () => {});
    job.cancel();
    expect(await job.done).toBeNull();
  });

  it('an import whose worker dies ends with a problem naming the file, not a spinner', async () => {
    let worker: ChannelWorker | null = null;
    const dying = { importLayer: () => (worker?.crash('out of memory'), new Promise<never>(() => {})) };
    const client = new ImportClient(() => (worker = channelWorker(dying)));
    const r = await client.run(new Blob([csv(3)]), 'huge.geojson', {}, () => {}).done;
    expect(r?.ok).toBe(false);
    if (!r || r.ok) return;
    expect(r.problems.map((p) => formatProblem(p, 'zh'))).toEqual(['huge.geojson: 读取文件的后台任务意外终止，未做任何更改：the worker stopped: out of memory']);
    expect(formatProblem(r.problems[0], 'en')).toBe('huge.geojson: the background task reading the file stopped unexpectedly; nothing was changed: the worker stopped: out of memory');
  });

  it('reads a population CSV from a Blob as columns, and hands back a file the ordinary import must read', async () => {
    const client = new WorkerClient<typeof importApi>(() => channelWorker(importApi));
    const n = 30_000;
    const rows = Array.from({ length: n / 1000 }, (_, k) => Array.from({ length: 1000 }, (_, j) => `${(120.6 + (k * 1000 + j) * 1e-6).toFixed(6)},28.01,${j % 7}\n`).join(''));
    const file = new Blob(['lon,lat,population\n', ...rows]);
    const r = await client.call('importPopulationColumns', { file, fileName: 'pop.csv', options: { fallbackCrs: 'wgs84' } });
    if (!r?.ok) throw new Error(`not read as columns: ${JSON.stringify(r)}`);
    expect(r.value.lon).toBeInstanceOf(Float64Array);
    expect([r.value.lon.length, r.value.lat.length, r.value.population.length, r.summary.featuresImported]).toEqual([n, n, n, n]);
    // The last row, j = 999 of its block, on line n + 1 (the header is line 1).
    expect([r.value.lon[n - 1], r.value.lat[n - 1], r.value.population[n - 1], r.value.rows?.[n - 1]]).toEqual([Number((120.6 + (n - 1) * 1e-6).toFixed(6)), 28.01, 999 % 7, n + 1]);
    const bad = new Blob(['lon,lat,population\n120.6,28.0,many\n']);
    expect(await client.call('importPopulationColumns', { file: bad, fileName: 'bad.csv', options: { fallbackCrs: 'wgs84' } })).toBeNull();
  });

  it('moves the buffers a method returns withTransfer instead of copying them', async () => {
    const column = new Float64Array([1, 2, 3]);
    const client = new WorkerClient(() => channelWorker({ columns: () => withTransfer({ column }, [column.buffer]) }));
    const r = (await client.call('columns', null)) as { column: Float64Array };
    expect(Array.from(r.column)).toEqual([1, 2, 3]);
    expect(column.byteLength).toBe(0);
  });
});
