/**
 * The tile worker's texts travel as UTF-8 bytes (src/geo/packed-points.ts), transferred: odd texts
 * (Chinese, emoji, empty, quotes, a lone surrogate, null) come out of the worker's decoding and of
 * its tiles as they went in, whatever step size cut the encoding.
 */
import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { POINT_TILE_LAYER, decodeColumns, packedTransfer, utf8Steps, type PackedPoints } from '../../../src/geo/packed-points.ts';
import { runSteps } from '../../../src/analysis/coverage/packed-facilities.ts';
import { packFacilityPoints } from '../../../src/ui/coverage/facility-points.ts';
import { pointTilesApi, type PointTilesApi } from '../../../src/workers/point-tiles-api.ts';
import { WorkerClient } from '../../../src/workers/worker-client.ts';
import { channelWorker } from '../../support/channel-worker.ts';

const ODD = ['温州·鹿城区 幼儿园', '🏫🏥', '', 'a"b\\c\n', 'x\ud800y', '𠀀' /* a supplementary CJK ideograph */, 'plain'];

describe('texts as UTF-8 bytes for the tile worker', () => {
  it('encodes in steps exactly as one TextEncoder call, never splitting a surrogate pair', () => {
    const text = JSON.stringify({ id: ODD, name: ODD.map((s) => s.repeat(3)) }) + '🏫'.repeat(5) + '末';
    const want = new TextEncoder().encode(text);
    for (const step of [1, 2, 3, 7, 64, 1 << 18]) {
      const got = runSteps(utf8Steps(text, step));
      expect(Buffer.from(got).equals(Buffer.from(want)), `step ${step}`).toBe(true);
      expect(got.byteLength).toBe(got.buffer.byteLength); // a buffer of its own, exactly sized, to transfer
    }
    expect(runSteps(utf8Steps('')).byteLength).toBe(0);
    // JSON escapes a lone surrogate, so the decoded columns give it back exactly.
    expect(decodeColumns({ columnsUtf8: runSteps(utf8Steps(JSON.stringify({ id: ODD }), 3)) }).id).toEqual(ODD);
  });

  it('the worker gets the texts transferred and its tiles carry them; a null leaves the property out', async () => {
    const client = new WorkerClient<PointTilesApi>(() => channelWorker(pointTilesApi()));
    // A tile stores UTF-8: no lone surrogate. 𠀀 (U+20000) stays: pbf 5.1.2 writes it as U+10000
    // unless geo/pbf-utf8-fix.ts replaces its string writer.
    const ids = ODD.filter((s) => s !== 'x\ud800y');
    const names = ids.map((s, i) => (i === 1 ? null : `名${s}`));
    const points: PackedPoints = {
      count: ids.length,
      lonLat: new Float64Array(ids.flatMap((_, i) => [120.6 + i * 0.001, 28.0])),
      columnsUtf8: runSteps(utf8Steps(JSON.stringify({ id: ids, name: names }), 5)),
    };
    expect(await client.call('set', { overlay: 'odd', points }, { transfer: packedTransfer(points) })).toBe(ids.length);
    expect(points.columnsUtf8.byteLength, 'transferred, not copied').toBe(0);
    // The zoom-13 tile of all of them (0.001° apart: apart on the tile too, where a whole-world tile would draw one dot).
    const r = (28 * Math.PI) / 180;
    const [x, y] = [Math.floor((300.6 / 360) * 2 ** 13), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** 13)];
    const layer = new VectorTile(new PbfReader(new Uint8Array(await client.call('tile', { overlay: 'odd', z: 13, x, y })))).layers[POINT_TILE_LAYER];
    const got = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
    expect(got.map((p) => p.id).sort()).toEqual([...ids].sort());
    for (const p of got) {
      const i = ids.indexOf(String(p.id));
      if (names[i] === null) expect(p).not.toHaveProperty('name');
      else expect(p.name).toBe(names[i]);
    }
    // The facilities' packing: the same texts through the facility packer, tier worked out.
    const fs = packFacilityPoints(ODD.map((id, i) => ({ id, category: i ? '幼儿园' : 'kindergarten', lonLat: [120.6, 28] as [number, number] })));
    expect(decodeColumns(fs)).toEqual({ id: ODD, category: ['kindergarten', ...ODD.slice(1).map(() => '幼儿园')], tier: ['5-min', ...ODD.slice(1).map(() => 'other')] });
  });
});
