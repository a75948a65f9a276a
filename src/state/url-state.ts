/**
 * The current view as a URL hash, so a link reopens the same picture:
 *
 *   #map=10.20/27.9600/120.7200&layers=boards,structure&board=jingxin&tab=plan&compare=a,b&drawer=table
 *     &hide=coverage-gaps&type=rental&year=2023&sname=方案二&scenario=s1
 *   #present/3                     (a presentation chapter, 1-based; other params may follow after `?`)
 *
 * `type`, `year` and other short keys belong to features (src/ui/feature.ts `viewParams`): they
 * are kept as `params` here, each key and value checked, and only the feature interprets them.
 * `map=` is zoom/lat/lon[/bearing[/pitch]] like MapLibre's own hash. Parsing is lenient: a link
 * typed or truncated by a person yields the parts that are valid and drops the rest.
 */
import type { Camera } from './map-view.ts';

export interface ViewState {
  camera?: Camera;
  /** Layer groups that are visible (the others are hidden). */
  layers?: string[];
  /** Selected board id. */
  board?: string;
  tab?: string;
  /** Boards in the compare set, in order. */
  compare?: string[];
  /** Presentation chapter, 1-based. */
  chapter?: number;
  scenario?: string;
  /** The scenario's name, so a browser without it can say which scenario the link meant. */
  scenarioName?: string;
  /** The compare drawer, open on cards or on the table of all boards (absent: closed). */
  drawer?: 'cards' | 'table';
  /** Overlays hidden in the layer list (their ids). */
  hidden?: string[];
  /** Features' own view parameters (housing type and year shown …), by key. */
  params?: Record<string, string>;
}

const CORE_KEYS = new Set(['map', 'layers', 'board', 'tab', 'compare', 'scenario', 'sname', 'drawer', 'hide']);
/** A feature's parameter key: short, lower-case, not one of the core keys. */
const PARAM_KEY = /^[a-z][a-z0-9-]{0,15}$/;
const MAX_NAME = 80;
/** A name from a link is shown as text; control characters (C0, DEL, C1) are refused outright. */
const hasControl = (s: string) => [...s].some((ch) => ch.charCodeAt(0) < 0x20 || (ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) <= 0x9f));

const ID = /^[A-Za-z0-9_.:-]{1,80}$/;
const MAX_COMPARE = 4;

function ids(v: string): string[] {
  return v.split(',').filter((s) => ID.test(s));
}

function num(s: string | undefined): number | null {
  if (s === undefined || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function parseCamera(v: string): Camera | undefined {
  const [z, lat, lon, bearing, pitch] = v.split('/').map(num);
  if (z === null || lat === null || lon === null) return undefined;
  if (z < 0 || z > 24 || lat < -85 || lat > 85 || lon < -180 || lon > 180) return undefined;
  return { center: [lon, lat], zoom: z, bearingDeg: bearing ?? 0, pitchDeg: pitch ?? 0 };
}

/** The view encoded in a hash (with or without the leading `#`). */
export function parseViewHash(hash: string): ViewState {
  const h = hash.replace(/^#/, '');
  const out: ViewState = {};
  let query = h;
  const m = /^present\/(\d{1,3})(?:\?(.*))?$/.exec(h);
  if (m) {
    const n = Number(m[1]);
    if (n >= 1) out.chapter = n;
    query = m[2] ?? '';
  }
  const params = new URLSearchParams(query);
  const map = params.get('map');
  if (map) {
    const camera = parseCamera(map);
    if (camera) out.camera = camera;
  }
  const layers = params.get('layers');
  if (layers !== null) out.layers = ids(layers);
  const board = params.get('board');
  if (board && ID.test(board)) out.board = board;
  const tab = params.get('tab');
  if (tab && ID.test(tab)) out.tab = tab;
  const compare = params.get('compare');
  if (compare) out.compare = [...new Set(ids(compare))].slice(0, MAX_COMPARE);
  const scenario = params.get('scenario');
  if (scenario && ID.test(scenario)) out.scenario = scenario;
  const name = params.get('sname')?.trim();
  if (name && name.length <= MAX_NAME && !hasControl(name)) out.scenarioName = name;
  const drawer = params.get('drawer');
  if (drawer === 'cards' || drawer === 'table') out.drawer = drawer;
  const hide = params.get('hide');
  if (hide) out.hidden = [...new Set(ids(hide))];
  const extra: Record<string, string> = {};
  for (const [k, v] of params) if (!CORE_KEYS.has(k) && PARAM_KEY.test(k) && ID.test(v)) extra[k] = v;
  if (Object.keys(extra).length) out.params = extra;
  return out;
}

function formatCamera(c: Camera): string {
  const parts = [c.zoom.toFixed(2), c.center[1].toFixed(4), c.center[0].toFixed(4)];
  if (Math.abs(c.bearingDeg) > 0.05 || Math.abs(c.pitchDeg) > 0.05) parts.push(c.bearingDeg.toFixed(1), c.pitchDeg.toFixed(1));
  return parts.join('/');
}

/**
 * The hash (without `#`) for a view. In a presentation the chapter decides the map, so the
 * camera, layers, selection, drawer and hidden overlays are left out.
 */
export function formatViewHash(v: ViewState): string {
  const params: [string, string][] = [];
  if (v.chapter === undefined) {
    if (v.camera) params.push(['map', formatCamera(v.camera)]);
    if (v.layers) params.push(['layers', v.layers.join(',')]);
    if (v.board) params.push(['board', v.board]);
    if (v.tab) params.push(['tab', v.tab]);
  }
  if (v.compare && v.compare.length > 0) params.push(['compare', v.compare.join(',')]);
  if (v.chapter === undefined) {
    if (v.drawer) params.push(['drawer', v.drawer]);
    if (v.hidden && v.hidden.length > 0) params.push(['hide', v.hidden.join(',')]);
  }
  for (const [k, val] of Object.entries(v.params ?? {})) if (!CORE_KEYS.has(k) && PARAM_KEY.test(k) && ID.test(val)) params.push([k, val]);
  if (v.scenarioName) params.push(['sname', v.scenarioName]);
  if (v.scenario) params.push(['scenario', v.scenario]);
  // Keep `/` and `,` readable in links: they are legal in a fragment.
  const query = params.map(([k, val]) => `${k}=${encodeURIComponent(val).replace(/%2F/g, '/').replace(/%2C/g, ',')}`).join('&');
  if (v.chapter !== undefined) return `present/${v.chapter}` + (query ? `?${query}` : '');
  return query;
}
