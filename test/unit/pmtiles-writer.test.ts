import { describe, expect, it } from 'vitest';
import { PMTiles, TileType, type Source, type RangeResponse } from 'pmtiles';
import { vectorFixture, rasterFixture, FIXTURE_BOUNDS } from '../support/basemap-fixtures.ts';
import { tileAt } from '../../src/state/basemap-spec.ts';

class BytesSource implements Source {
  constructor(private readonly bytes: Uint8Array) {}
  getKey() { return 'bytes'; }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

describe('the PMTiles test writer, read back with the pmtiles library', () => {
  it('writes a vector archive whose header, metadata and tiles read back', async () => {
    const p = new PMTiles(new BytesSource(vectorFixture()));
    const h = await p.getHeader();
    expect(h.specVersion).toBe(3);
    expect(h.tileType).toBe(TileType.Mvt);
    expect([h.minZoom, h.maxZoom]).toEqual([5, 10]);
    expect(h.minLon).toBeCloseTo(FIXTURE_BOUNDS[0], 5);
    expect(((await p.getMetadata()) as { name: string }).name).toBe('anju-test-vector');
    const t = tileAt(120.65, 27.99, 10);
    const tile = await p.getZxy(t.z, t.x, t.y);
    // MVT stores layer names and string values as UTF-8; MapLibre decoding them is the browser test's job.
    const text = Buffer.from(tile!.data).toString('latin1');
    for (const name of ['earth', 'roads', 'places', 'boundaries', 'highway']) expect(text).toContain(name);
  });

  it('writes a raster archive of PNG tiles', async () => {
    const p = new PMTiles(new BytesSource(rasterFixture([200, 30, 30])));
    expect((await p.getHeader()).tileType).toBe(TileType.Png);
    const t = tileAt(120.65, 27.99, 8);
    const tile = await p.getZxy(t.z, t.x, t.y);
    expect(Buffer.from(tile!.data).subarray(1, 4).toString()).toBe('PNG');
    expect(await p.getZxy(8, 0, 0)).toBeUndefined();
  });
});
