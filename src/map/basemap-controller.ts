/**
 * Puts the chosen basemap (basemap-spec.ts) on the map, under the plan's layers and above the
 * built-in land, which always stays: a basemap that fails leaves the offline map readable.
 *
 * Online and custom tile services are probed with one tile before MapLibre asks for dozens, so an
 * unreachable service costs one failed request and one message, not a console flood; tiles that
 * fail later are counted, reported once, and the service is taken off after a few failures with
 * nothing loaded. PMTiles archives (a file from disk now, a URL from the team server later) are
 * read by range through the `pmtiles` protocol, never loaded whole.
 */
import type { Map as MlMap, ErrorEvent, LayerSpecification, MapSourceDataEvent, RasterSourceSpecification } from 'maplibre-gl';
import { fillTemplate, tileAt, tileUrl, type BasemapSpec, type BasemapStatus, type PmtilesInput, type TeamBasemap } from '../state/basemap-spec.ts';
import { BasemapRefusal } from './basemap-refusal.ts';
import { registerMessages } from '../i18n/messages/index.ts';
import type { PmtilesBasemap } from './pmtiles-basemap.ts';
import { osmSource, tiandituSource } from './online-basemaps.ts';
import { BASEMAP_LAYER_PREFIX, LAYERS } from './layer-ids.ts';
import { setVisibility } from './visibility.ts';

export const BASEMAP_SOURCE = 'basemap';
const LABEL_SOURCE = 'basemap-labels';

export type { BasemapStatus };

/** Failed tiles, with none loaded, after which a service is taken off the map. */
const GIVE_UP_AFTER = 3;
const PROBE_TIMEOUT_MS = 8000;

export class BasemapController {
  #gen = 0;
  #errors = 0;
  #loaded = 0;
  #reported = false;

  constructor(private readonly map: MlMap, private readonly onStatus: (s: BasemapStatus) => void) {
    map.on('error', (e: ErrorEvent & { sourceId?: string }) => {
      const ours = e.sourceId === BASEMAP_SOURCE || e.sourceId === LABEL_SOURCE;
      if (ours && 'tile' in e) this.#tileFailed();
      else console.error(e.error); // what MapLibre prints when nobody listens
    });
    map.on('sourcedata', (e: MapSourceDataEvent) => {
      if (e.sourceId === BASEMAP_SOURCE && e.tile) this.#loaded++;
    });
  }

  /** Shows `spec` (replacing what was there). Resolves when it is on the map or refused. */
  async set(spec: BasemapSpec): Promise<void> {
    const gen = ++this.#gen;
    this.#clear();
    this.#errors = 0;
    this.#loaded = 0;
    this.#reported = false;
    if (spec.kind === 'offline') return this.onStatus({ state: 'idle', key: 'basemap.status.offline' });
    this.onStatus({ state: 'loading', key: 'basemap.status.loading' });
    try {
      // The messages about basemap files come with the first file (basemap-files.ts).
      if (spec.kind === 'pmtiles' || spec.kind === 'team') registerMessages('zh', (await import('../i18n/messages/basemap-files.ts')).basemapFiles.zh);
      if (spec.kind === 'pmtiles') await this.#addFile(spec.input, gen);
      else if (spec.kind === 'team') await this.#addTeam(spec.basemap, gen);
      else await this.#addRaster(spec, gen);
    } catch (err) {
      if (gen !== this.#gen) return;
      this.#clear();
      if (err instanceof BasemapRefusal) {
        const p = err.problem;
        const params: Record<string, string | number> = { name: spec.kind === 'pmtiles' ? spec.input.name : spec.kind === 'team' ? spec.basemap.name : '' };
        for (const [k, v] of Object.entries(p)) if (k !== 'reason' && (typeof v === 'string' || typeof v === 'number')) params[k] = v;
        return this.onStatus({ state: 'failed', key: p.reason === 'crs' ? `basemap.mbtiles.crs.${p.crs}` : `basemap.mbtiles.${p.reason}`, params });
      }
      const detail = err instanceof TypeError ? 'network' : err instanceof DOMException && err.name === 'TimeoutError' ? 'timeout' : err instanceof Error ? err.message : String(err);
      const file = spec.kind === 'pmtiles' || spec.kind === 'team';
      this.onStatus({ state: 'failed', key: file ? 'basemap.status.failed.file' : 'basemap.status.failed.online', params: { detail, name: spec.kind === 'pmtiles' ? spec.input.name : spec.kind === 'team' ? spec.basemap.name : '' } });
    }
  }

  #clear(): void {
    // The built-in inland water is drawn above the structure's tint; a basemap brings its own water.
    if (this.map.getLayer(LAYERS.inlandWater)) setVisibility(this.map, LAYERS.inlandWater, true);
    for (const l of this.map.getStyle().layers) if (l.id.startsWith(BASEMAP_LAYER_PREFIX)) this.map.removeLayer(l.id);
    for (const s of [BASEMAP_SOURCE, LABEL_SOURCE]) if (this.map.getSource(s)) this.map.removeSource(s);
  }

  #tileFailed(): void {
    this.#errors++;
    if (this.#loaded === 0 && this.#errors >= GIVE_UP_AFTER) {
      this.#gen++; // stale any pending set()
      this.#clear();
      this.onStatus({ state: 'failed', key: 'basemap.status.failed.tiles', params: { count: this.#errors } });
      return;
    }
    if (!this.#reported) {
      this.#reported = true;
      this.onStatus({ state: 'degraded', key: 'basemap.status.tile-errors' });
    }
  }

  #addLayers(layers: LayerSpecification[]): void {
    if (this.map.getLayer(LAYERS.inlandWater)) setVisibility(this.map, LAYERS.inlandWater, false);
    for (const l of layers) this.map.addLayer(l, LAYERS.structureFill);
  }

  async #addRaster(spec: Exclude<BasemapSpec, { kind: 'offline' } | { kind: 'pmtiles' } | { kind: 'team' }>, gen: number): Promise<void> {
    const sources: RasterSourceSpecification[] =
      spec.kind === 'osm' ? [osmSource()]
      : spec.kind === 'tianditu' ? [tiandituSource('vec', spec.key), tiandituSource('cva', spec.key)]
      : [{ type: 'raster', tiles: [tileUrl(spec.service)], tileSize: 256, maxzoom: 18, scheme: spec.service.scheme === 'tms' ? 'tms' : 'xyz' }];
    // One tile under the map's centre first: an unreachable service fails here, once.
    const c = this.map.getCenter();
    const first = sources[0].tiles![0];
    const z = Math.min(Math.round(this.map.getZoom()), sources[0].maxzoom ?? 18);
    const url = fillTemplate(first, spec.kind === 'custom' ? spec.service.scheme : 'xyz', tileAt(c.lng, c.lat, z));
    const res = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const type = res.headers.get('content-type') ?? '';
    if (!type.startsWith('image/')) throw new Error(`not an image (${type || 'no content type'})`);
    if (gen !== this.#gen) return;
    this.map.addSource(BASEMAP_SOURCE, sources[0]);
    const layers: LayerSpecification[] = [{ id: `${BASEMAP_LAYER_PREFIX}raster`, type: 'raster', source: BASEMAP_SOURCE }];
    if (sources[1]) {
      this.map.addSource(LABEL_SOURCE, sources[1]);
      layers.push({ id: `${BASEMAP_LAYER_PREFIX}labels`, type: 'raster', source: LABEL_SOURCE });
    }
    this.#addLayers(layers);
    this.onStatus({ state: 'ok', key: `basemap.status.ok.${spec.kind}` });
  }

  /** A file from disk: MBTiles when it is SQLite, else PMTiles. */
  async #addFile(input: PmtilesInput, gen: number): Promise<void> {
    const key = input.kind === 'file' ? `basemap-file-${gen}` : input.url;
    let b: PmtilesBasemap | null;
    // The file's first bytes say what it is (src/io/mbtiles.ts checks SQLite again, in its own chunk).
    const head = input.kind === 'file' ? new TextDecoder('latin1').decode(await input.file.slice(0, 16).arrayBuffer()) : null;
    const sqlite = head === 'SQLite format 3\u0000';
    if (head !== null && !sqlite && !head.startsWith('PMTiles')) throw new BasemapRefusal({ reason: 'not-sqlite' });
    if (input.kind === 'file' && sqlite) {
      const { openMbtilesFile } = await import('./mbtiles-basemap.ts');
      b = await openMbtilesFile(input.file, key, BASEMAP_SOURCE, BASEMAP_LAYER_PREFIX, () => gen !== this.#gen);
    } else {
      const { openPmtilesBasemap } = await import('./pmtiles-basemap.ts');
      b = await openPmtilesBasemap(input, key, BASEMAP_SOURCE, BASEMAP_LAYER_PREFIX, () => gen !== this.#gen);
    }
    if (b) this.#show(b, 'basemap.status.ok.pmtiles', input.name);
  }

  /** The team server's basemap: a PMTiles file read by range, or MBTiles tiles by URL. */
  async #addTeam(t: TeamBasemap, gen: number): Promise<void> {
    let b: PmtilesBasemap | null;
    if (t.format === 'pmtiles') {
      const { openPmtilesBasemap } = await import('./pmtiles-basemap.ts');
      b = await openPmtilesBasemap({ kind: 'url', url: t.url, name: t.name }, t.url, BASEMAP_SOURCE, BASEMAP_LAYER_PREFIX, () => gen !== this.#gen);
    } else {
      const { mbtilesBasemap } = await import('./mbtiles-basemap.ts');
      b = gen === this.#gen ? mbtilesBasemap(t.info, t.tiles, BASEMAP_SOURCE, BASEMAP_LAYER_PREFIX) : null;
    }
    if (b) this.#show(b, 'basemap.status.ok.team', t.name);
  }

  #show(b: PmtilesBasemap, key: string, name: string): void {
    this.map.addSource(BASEMAP_SOURCE, b.source);
    this.#addLayers(b.layers);
    this.onStatus({ state: 'ok', key, params: { name, type: b.raster ? 'raster' : b.schema === 'generic' ? 'generic' : 'vector', minZoom: b.minZoom, maxZoom: b.maxZoom } });
  }
}
