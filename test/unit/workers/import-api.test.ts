/**
 * The import worker's API over the one worker protocol (a real MessageChannel): progress then
 * the result; cancel stops the job; and the app's ImportClient ends an import whose worker died
 * with a problem saying so, in both languages (never an endless spinner).
 */
import { describe, expect, it } from 'vitest';
import { importApi, type ImportProgress } from '../../../src/workers/import-api.ts';
import { WorkerClient } from '../../../src/workers/worker-client.ts';
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
});
