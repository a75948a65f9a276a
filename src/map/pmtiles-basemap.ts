/**
 * A PMTiles basemap (a file from disk now, a URL from the team server later), read by range
 * through the `pmtiles://` protocol, never loaded whole. Loaded on first use (basemap-controller.ts
 * imports it dynamically), so `pmtiles` and `@protomaps/basemaps` stay out of the main chunk.
 */
import * as maplibregl from 'maplibre-gl';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { FileSource, PMTiles, Protocol, TileType } from 'pmtiles';
import type { PmtilesInput } from '../state/basemap-spec.ts';
import { protomapsLayers } from './protomaps-layers.ts';

let protocol: Protocol | null = null;
function pmtilesProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol({ metadata: true });
    maplibregl.addProtocol('pmtiles', protocol.tile);
  }
  return protocol;
}

/** A File/Blob read by range under a fixed key (the file's name may hold any characters). */
class KeyedBlobSource extends FileSource {
  constructor(blob: Blob, private readonly key: string) {
    super(blob as File);
  }
  override getKey(): string {
    return this.key;
  }
}

export interface PmtilesBasemap {
  source: SourceSpecification;
  layers: LayerSpecification[];
  raster: boolean;
  minZoom: number;
  maxZoom: number;
}

/**
 * Opens the archive, registers it with the protocol under `key` and says how to draw it; null
 * when `stale()` turns true meanwhile (another basemap was chosen). Throws for an archive that
 * is neither raster nor Protomaps-schema vector tiles.
 */
export async function openPmtilesBasemap(input: PmtilesInput, key: string, sourceId: string, layerPrefix: string, stale: () => boolean): Promise<PmtilesBasemap | null> {
  const archive = new PMTiles(input.kind === 'file' ? new KeyedBlobSource(input.file, key) : input.url);
  const header = await archive.getHeader();
  if (stale()) return null;
  pmtilesProtocol().add(archive);
  const url = `pmtiles://${key}`;
  const zooms = { minZoom: header.minZoom, maxZoom: header.maxZoom };
  if (header.tileType === TileType.Mvt) {
    // Only the style's layers whose source layer the archive has (an extract may hold a few).
    const meta = (await archive.getMetadata()) as { vector_layers?: { id: string }[] } | null;
    const has = new Set((meta?.vector_layers ?? []).map((l) => l.id));
    if (stale()) return null;
    const layers = protomapsLayers(sourceId).filter((l) => !has.size || has.has((l as { 'source-layer'?: string })['source-layer'] ?? ''));
    if (!layers.length) throw new Error('no layer of the Protomaps basemap schema (earth, water, roads, places …)');
    return { source: { type: 'vector', url }, layers, raster: false, ...zooms };
  }
  if (header.tileType === TileType.Png || header.tileType === TileType.Jpeg || header.tileType === TileType.Webp) {
    return { source: { type: 'raster', url, tileSize: 256 }, layers: [{ id: `${layerPrefix}raster`, type: 'raster', source: sourceId }], raster: true, ...zooms };
  }
  throw new Error(`tile type ${TileType[header.tileType] ?? header.tileType}`);
}
