/**
 * A walking network from street LineStrings, in the local frame: nodes are line vertices (lines
 * connect only where they share a vertex — the input must be noded, as OSM ways are), edges are
 * the segments between consecutive vertices. Points join the network at the nearest point of the
 * nearest segment (a straight access leg); multi-source Dijkstra from the facilities gives every
 * node's walking distance to the nearest facility.
 */
import Flatbush from 'flatbush';
import FlatQueue from 'flatqueue';
import type { Position } from 'geojson';
import { project, type LocalFrame } from './local-frame.ts';

export interface StreetNetwork {
  nodeCount: number;
  /** Segment s: nodes segA[s] → segB[s], coordinates, length (m). */
  segA: Int32Array;
  segB: Int32Array;
  ax: Float64Array;
  ay: Float64Array;
  bx: Float64Array;
  by: Float64Array;
  lenM: Float64Array;
  /** Adjacency (CSR): node n's segments are adj[adjStart[n] … adjStart[n + 1]). */
  adjStart: Int32Array;
  adj: Int32Array;
  index: Flatbush | null;
}

export interface Snap {
  segment: number;
  /** Position along the segment, 0 at A, 1 at B. */
  t: number;
  /** Straight access leg from the point to the network (m). */
  legM: number;
}

/** Build the network; vertices equal to 1e-7° (≈ 1 cm) are the same node. */
export function buildStreetNetwork(lines: Position[][], frame: LocalFrame): StreetNetwork {
  const nodeOf = new Map<string, number>();
  const nx: number[] = [];
  const ny: number[] = [];
  const node = (p: Position) => {
    const key = `${Math.round(p[0] * 1e7)},${Math.round(p[1] * 1e7)}`;
    let n = nodeOf.get(key);
    if (n === undefined) {
      n = nx.length;
      nodeOf.set(key, n);
      const [x, y] = project(frame, p);
      nx.push(x);
      ny.push(y);
    }
    return n;
  };
  const sa: number[] = [];
  const sb: number[] = [];
  for (const line of lines) {
    for (let k = 1; k < line.length; k++) {
      const a = node(line[k - 1]);
      const b = node(line[k]);
      if (a !== b) {
        sa.push(a);
        sb.push(b);
      }
    }
  }
  const m = sa.length;
  const net: StreetNetwork = {
    nodeCount: nx.length,
    segA: Int32Array.from(sa),
    segB: Int32Array.from(sb),
    ax: Float64Array.from(sa, (a) => nx[a]),
    ay: Float64Array.from(sa, (a) => ny[a]),
    bx: Float64Array.from(sb, (b) => nx[b]),
    by: Float64Array.from(sb, (b) => ny[b]),
    lenM: new Float64Array(m),
    adjStart: new Int32Array(nx.length + 1),
    adj: new Int32Array(2 * m),
    index: null,
  };
  for (let s = 0; s < m; s++) {
    net.lenM[s] = Math.hypot(net.bx[s] - net.ax[s], net.by[s] - net.ay[s]);
    net.adjStart[sa[s] + 1]++;
    net.adjStart[sb[s] + 1]++;
  }
  for (let n = 0; n < nx.length; n++) net.adjStart[n + 1] += net.adjStart[n];
  const fill = net.adjStart.slice(0, nx.length);
  for (let s = 0; s < m; s++) {
    net.adj[fill[sa[s]]++] = s;
    net.adj[fill[sb[s]]++] = s;
  }
  if (m > 0) {
    const index = new Flatbush(m);
    for (let s = 0; s < m; s++) index.add(Math.min(net.ax[s], net.bx[s]), Math.min(net.ay[s], net.by[s]), Math.max(net.ax[s], net.bx[s]), Math.max(net.ay[s], net.by[s]));
    index.finish();
    net.index = index;
  }
  return net;
}

function snapTo(net: StreetNetwork, s: number, x: number, y: number): Snap {
  const dx = net.bx[s] - net.ax[s];
  const dy = net.by[s] - net.ay[s];
  const l2 = dx * dx + dy * dy;
  const t = l2 > 0 ? Math.max(0, Math.min(1, ((x - net.ax[s]) * dx + (y - net.ay[s]) * dy) / l2)) : 0;
  return { segment: s, t, legM: Math.hypot(net.ax[s] + t * dx - x, net.ay[s] + t * dy - y) };
}

/** The nearest point of the network to (x, y) within maxM (exact: every segment whose box is near enough is measured), or null. */
export function snapPoint(net: StreetNetwork, x: number, y: number, maxM: number): Snap | null {
  if (!net.index) return null;
  const first = net.index.neighbors(x, y, 1, maxM);
  if (first.length === 0) return null;
  let best = snapTo(net, first[0], x, y);
  const d = best.legM;
  for (const s of net.index.search(x - d, y - d, x + d, y + d)) {
    const c = snapTo(net, s, x, y);
    if (c.legM < best.legM) best = c;
  }
  return best.legM <= maxM ? best : null;
}

export interface NetworkDistances {
  /** Walking distance (m) from each node to the nearest facility; Infinity beyond maxM. */
  nodeM: Float64Array;
  /** Facility snaps per segment, for points on a facility's own segment. */
  onSegment: Map<number, Snap[]>;
}

/** Multi-source Dijkstra from the facilities' snap points, stopping at maxM. */
export function networkDistances(net: StreetNetwork, sources: [number, number][], maxM: number): NetworkDistances {
  const nodeM = new Float64Array(net.nodeCount).fill(Infinity);
  const onSegment = new Map<number, Snap[]>();
  const queue = new FlatQueue<number>();
  const relax = (n: number, d: number) => {
    if (d < nodeM[n] && d <= maxM) {
      nodeM[n] = d;
      queue.push(n, d);
    }
  };
  for (const [x, y] of sources) {
    const s = snapPoint(net, x, y, maxM);
    if (!s) continue;
    const list = onSegment.get(s.segment);
    if (list) list.push(s);
    else onSegment.set(s.segment, [s]);
    relax(net.segA[s.segment], s.legM + s.t * net.lenM[s.segment]);
    relax(net.segB[s.segment], s.legM + (1 - s.t) * net.lenM[s.segment]);
  }
  while (queue.length) {
    const d = queue.peekValue()!;
    const n = queue.pop()!;
    if (d > nodeM[n]) continue;
    for (let k = net.adjStart[n]; k < net.adjStart[n + 1]; k++) {
      const s = net.adj[k];
      relax(net.segA[s] === n ? net.segB[s] : net.segA[s], d + net.lenM[s]);
    }
  }
  return { nodeM, onSegment };
}

/** Walking distance (m) from (x, y) to the nearest facility: access leg + network; Infinity if beyond maxM. */
export function pointNetworkDistance(net: StreetNetwork, dist: NetworkDistances, x: number, y: number, maxM: number): number {
  const s = snapPoint(net, x, y, maxM);
  if (!s) return Infinity;
  const len = net.lenM[s.segment];
  let d = s.legM + Math.min(dist.nodeM[net.segA[s.segment]] + s.t * len, dist.nodeM[net.segB[s.segment]] + (1 - s.t) * len);
  for (const f of dist.onSegment.get(s.segment) ?? []) d = Math.min(d, s.legM + Math.abs(s.t - f.t) * len + f.legM);
  return d;
}
