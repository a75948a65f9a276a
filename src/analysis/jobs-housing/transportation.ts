/**
 * The (Hitchcock) transportation problem: ship supply_i from origins to demand_j at
 * destinations at least total cost Σ c_ij·x_ij. Solved as a min-cost flow by successive
 * shortest paths (Bellman–Ford on the residual network, so negative costs — used for the
 * maximum commute — are fine): repeatedly send as much as possible along the cheapest
 * residual path from the super-source to the super-sink. Each augmentation saturates an
 * origin, a destination or a reverse arc, so it ends after a finite number of steps; with
 * the optimal flow the residual network has no negative cycle (tested). Sizes here are tiny
 * (21 boards × a handful of parks): O(augmentations × V × E) is well under a millisecond.
 */

export interface TransportationSolution {
  /** flows[i][j] ≥ 0: amount sent from origin i to destination j. */
  flows: number[][];
  /** Σ c_ij · flows[i][j]. */
  totalCost: number;
}

/**
 * Solve a balanced transportation problem. `supply` and `demand` are non-negative with equal
 * totals (relative tolerance 1e-9); `cost[i][j]` is finite. Throws on a malformed problem.
 */
export function solveTransportation(supply: readonly number[], demand: readonly number[], cost: readonly (readonly number[])[]): TransportationSolution {
  const m = supply.length;
  const n = demand.length;
  const total = supply.reduce((s, x) => s + x, 0);
  const totalDemand = demand.reduce((s, x) => s + x, 0);
  if ([...supply, ...demand].some((x) => !(x >= 0) || !Number.isFinite(x))) throw new Error('solveTransportation: supplies and demands must be finite and ≥ 0');
  if (Math.abs(total - totalDemand) > 1e-9 * Math.max(1, total)) throw new Error(`solveTransportation: unbalanced (supply ${total}, demand ${totalDemand})`);
  if (cost.length !== m || cost.some((row) => row.length !== n || row.some((c) => !Number.isFinite(c)))) throw new Error('solveTransportation: cost must be a finite supply.length × demand.length matrix');
  const flows = supply.map(() => new Array<number>(n).fill(0));
  const sent = new Array<number>(m).fill(0);
  const received = new Array<number>(n).fill(0);
  const eps = 1e-12 * Math.max(1, total);
  // Nodes: 0 = source, 1..m origins, m+1..m+n destinations, m+n+1 = sink.
  const S = 0;
  const T = m + n + 1;
  const N = m + n + 2;
  let shipped = 0;
  while (total - shipped > eps) {
    const dist = new Array<number>(N).fill(Infinity);
    const prev = new Array<number>(N).fill(-1);
    dist[S] = 0;
    const relax = (a: number, b: number, c: number): boolean => {
      if (dist[a] + c < dist[b] - 1e-12) {
        dist[b] = dist[a] + c;
        prev[b] = a;
        return true;
      }
      return false;
    };
    for (let round = 0; round < N; round++) {
      let changed = false;
      for (let i = 0; i < m; i++) {
        if (supply[i] - sent[i] > eps) changed = relax(S, 1 + i, 0) || changed;
        if (sent[i] > eps) changed = relax(1 + i, S, 0) || changed;
        for (let j = 0; j < n; j++) {
          if (dist[1 + i] < Infinity) changed = relax(1 + i, 1 + m + j, cost[i][j]) || changed;
          if (flows[i][j] > eps && dist[1 + m + j] < Infinity) changed = relax(1 + m + j, 1 + i, -cost[i][j]) || changed;
        }
      }
      for (let j = 0; j < n; j++) {
        if (demand[j] - received[j] > eps) changed = relax(1 + m + j, T, 0) || changed;
        if (received[j] > eps) changed = relax(T, 1 + m + j, 0) || changed;
      }
      if (!changed) break;
    }
    if (dist[T] === Infinity) throw new Error('solveTransportation: no augmenting path (internal error)');
    // Walk the path back from the sink to find the bottleneck, then augment.
    const path: number[] = [];
    for (let v = T; v !== S; v = prev[v]) path.push(v);
    path.push(S);
    path.reverse();
    let amount = Infinity;
    for (let k = 0; k + 1 < path.length; k++) amount = Math.min(amount, residual(path[k], path[k + 1]));
    for (let k = 0; k + 1 < path.length; k++) push(path[k], path[k + 1], amount);
    shipped += amount;
  }
  let totalCost = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) totalCost += flows[i][j] * cost[i][j];
  return { flows, totalCost };

  function residual(a: number, b: number): number {
    if (a === S) return supply[b - 1] - sent[b - 1];
    if (b === S) return sent[a - 1];
    if (b === T) return demand[a - 1 - m] - received[a - 1 - m];
    if (a === T) return received[b - 1 - m];
    if (a <= m) return Infinity; // origin → destination: uncapacitated
    return flows[b - 1][a - 1 - m]; // destination → origin: undo flow
  }
  function push(a: number, b: number, x: number): void {
    if (a === S) sent[b - 1] += x;
    else if (b === S) sent[a - 1] -= x;
    else if (b === T) received[a - 1 - m] += x;
    else if (a === T) received[b - 1 - m] -= x;
    else if (a <= m) flows[a - 1][b - 1 - m] += x;
    else flows[b - 1][a - 1 - m] -= x;
  }
}
