/**
 * A PMTiles basemap (a file from disk now, a URL from the team server later), read by range
 * through the `pmtiles://` protocol, never loaded whole. Loaded on first use (basemap-controller.ts
 * imports it dynamically), so `pmtiles` and `@protomaps/basemaps` stay out of the main chunk.
 */
import * as maplibregl from 'maplibre-gl';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { FileSource, PMTiles, Protocol, TileType } from 'pmtiles';
import type { PmtilesInput } from '../state/basemap-spec.ts';
import { tileCrsHint } from '../io/tile-crs-hint.ts';
import { vectorBasemapLayers, type VectorSchema } from './vector-basemap-layers.ts';
import { BasemapRefusal } from './basemap-refusal.ts';

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
  /** For vector files: drawn with the Protomaps style, or the generic one (vector-basemap-layers.ts). */
  schema?: VectorSchema;
  minZoom: number;
  maxZoom: number;
}

/**
 * Opens the archive, registers it with the protocol under `key` and says how to draw it; null
 * when `stale()` turns true meanwhile (another basemap was chosen). Throws BasemapRefusal for an
 * archive whose metadata names a coordinate system other than web Mercator on WGS-84 (tile-crs-hint.ts).
 */
export async function openPmtilesBasemap(input: PmtilesInput, key: string, sourceId: string, layerPrefix: string, stale: () => boolean): Promise<PmtilesBasemap | null> {
  const archive = new PMTiles(input.kind === 'file' ? new KeyedBlobSource(input.file, key) : input.url);
  const header = await archive.getHeader();
  if (stale()) return null;
  pmtilesProtocol().add(archive);
  const url = `pmtiles://${key}`;
  const zooms = { minZoom: header.minZoom, maxZoom: header.maxZoom };
  const meta = ((await archive.getMetadata()) ?? {}) as { vector_layers?: { id: string }[] } & Record<string, unknown>;
  if (stale()) return null;
  const crs = tileCrsHint(meta);
  if (crs) throw new BasemapRefusal({ reason: 'crs', ...crs });
  if (header.tileType === TileType.Mvt) {
    // Only the style's layers whose source layer the archive has (an extract may hold a few).
    const { layers, schema } = vectorBasemapLayers((meta.vector_layers ?? []).map((l) => l.id), sourceId, layerPrefix);
    return { source: { type: 'vector', url }, layers, raster: false, schema, ...zooms };
  }
  if (header.tileType === TileType.Png || header.tileType === TileType.Jpeg || header.tileType === TileType.Webp) {
    return { source: { type: 'raster', url, tileSize: 256 }, layers: [{ id: `${layerPrefix}raster`, type: 'raster', source: sourceId }], raster: true, ...zooms };
  }
  throw new Error(`tile type ${TileType[header.tileType] ?? header.tileType}`);
}
