/** A basemap file refused for a reason the picker explains (message keys `basemap.mbtiles.*`), not a failure to read it. */
import type { MbtilesProblem } from '../io/mbtiles.ts';

export class BasemapRefusal extends Error {
  constructor(readonly problem: MbtilesProblem) {
    super(problem.reason);
    this.name = 'BasemapRefusal';
  }
}
