/**
 * The two online raster basemaps offered by name, off by default (basemap-spec.ts lists all kinds).
 * Both are WGS-84/CGCS2000 web-Mercator tiles, so no coordinate shift is needed.
 * (Amap/Baidu tiles are GCJ-02/BD-09 and would misplace every WGS-84 layer; not offered.)
 */
import type { RasterSourceSpecification } from 'maplibre-gl';
import { ATTRIBUTION } from './base-style.ts';

export function osmSource(): RasterSourceSpecification {
  return { type: 'raster', tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'], tileSize: 256, maxzoom: 19, attribution: ATTRIBUTION.osm };
}

/** 天地图 vector base (vec_w) or its annotation (cva_w), web Mercator, with the user's key. */
export function tiandituSource(layer: 'vec' | 'cva', key: string): RasterSourceSpecification {
  const k = encodeURIComponent(key);
  return {
    type: 'raster',
    tiles: [0, 1, 2, 3].map((i) => `https://t${i}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${k}`),
    tileSize: 256,
    maxzoom: 18,
    attribution: ATTRIBUTION.tianditu,
  };
}
