/**
 * Union of polygons that form an exact coverage (they meet only along edges made of the same
 * vertices on both sides, as the shipped counties do): every edge used by two polygons in
 * opposite directions is interior and cancels; what is left is the union's boundary. Linear in
 * the number of vertices, where a general polygon union (polyclip) takes ~0.3–0.7 s for 温州市区.
 * Precondition, not checked here: an exact coverage (test/unit/geodata-validity.test.ts checks the
 * shipped counties and that each derived part has the area of its counties). Throws when left-over
 * edges do not close into rings.
 */
import type { Position } from 'geojson';
import type { Areal } from './polygon-ops.ts';
import { polygonsOf } from './polygon-ops.ts';
import { pointInAreal } from './point-polygon.ts';

const key = (p: Position) => `${p[0]},${p[1]}`;

function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

interface Edge {
  from: Position;
  to: Position;
  used: boolean;
}

export function dissolveCoverage(geoms: readonly Areal[]): Areal {
  // Directed edges with the interior on the left: shells counter-clockwise, holes clockwise.
  const edges = new Map<string, Edge>();
  for (const g of geoms) {
    for (const poly of polygonsOf(g)) {
      poly.forEach((ring, i) => {
        const ccw = signedArea(ring) > 0;
        const r = ccw === (i === 0) ? ring : [...ring].reverse();
        for (let k = 1; k < r.length; k++) {
          const back = `${key(r[k])}|${key(r[k - 1])}`;
          if (edges.has(back)) edges.delete(back);
          else edges.set(`${key(r[k - 1])}|${key(r[k])}`, { from: r[k - 1], to: r[k], used: false });
        }
      });
    }
  }
  const outgoing = new Map<string, Edge[]>();
  for (const e of edges.values()) outgoing.set(key(e.from), [...(outgoing.get(key(e.from)) ?? []), e]);

  // Trace rings. Where several edges leave a vertex (the union touches itself there), take the
  // first one clockwise from the way we came, which keeps to the sector we are walking around.
  const rings: Position[][] = [];
  for (const start of edges.values()) {
    if (start.used) continue;
    const ring: Position[] = [start.from];
    let e: Edge = start;
    for (;;) {
      e.used = true;
      ring.push(e.to);
      if (key(e.to) === key(start.from)) break;
      const options = (outgoing.get(key(e.to)) ?? []).filter((o) => !o.used || o === start);
      if (!options.length) throw new Error(`dissolveCoverage: not an exact coverage (open boundary at ${key(e.to)})`);
      e = options.length === 1 ? options[0] : clockwiseFirst(e, options);
    }
    rings.push(ring);
  }

  const shells = rings.filter((r) => signedArea(r) > 0).map((r) => [r]);
  for (const hole of rings.filter((r) => signedArea(r) < 0)) {
    const probe = interiorPoint(hole);
    const owner = shells
      .filter((s) => pointInAreal(probe, { type: 'Polygon', coordinates: [s[0]] }))
      .sort((a, b) => signedArea(a[0]) - signedArea(b[0]))[0];
    if (!owner) throw new Error('dissolveCoverage: a hole outside every shell');
    owner.push(hole);
  }
  if (!shells.length) throw new Error('dissolveCoverage: empty');
  return shells.length === 1 ? { type: 'Polygon', coordinates: shells[0] } : { type: 'MultiPolygon', coordinates: shells };
}

function clockwiseFirst(incoming: Edge, options: Edge[]): Edge {
  const back = Math.atan2(incoming.from[1] - incoming.to[1], incoming.from[0] - incoming.to[0]);
  let best = options[0];
  let bestTurn = Infinity;
  for (const o of options) {
    const out = Math.atan2(o.to[1] - o.from[1], o.to[0] - o.from[0]);
    let cw = back - out;
    while (cw <= 0) cw += 2 * Math.PI;
    while (cw > 2 * Math.PI) cw -= 2 * Math.PI;
    if (cw < bestTurn) { bestTurn = cw; best = o; }
  }
  return best;
}

/** A point just inside a clockwise ring (the hole), next to the middle of its longest edge. */
function interiorPoint(ring: Position[]): Position {
  let i = 0, len = -1;
  for (let k = 1; k < ring.length; k++) {
    const l = Math.hypot(ring[k][0] - ring[k - 1][0], ring[k][1] - ring[k - 1][1]);
    if (l > len) { len = l; i = k; }
  }
  const [a, b] = [ring[i - 1], ring[i]];
  const mx = (a[0] + b[0]) / 2, my = (a[1] + b[1]) / 2;
  // The hole's inside is on the right of a clockwise ring's travel; step a tiny way that side.
  const dx = (b[0] - a[0]) / len, dy = (b[1] - a[1]) / len;
  const step = Math.min(len / 4, 1e-7);
  return [mx + dy * step, my - dx * step];
}
