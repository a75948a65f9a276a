"""
The numpy + GEOS reference for `anju coverage` (issue 14): the same figures by the obvious
shapely route, to compare CPU seconds and peak memory with /usr/bin/time -v.

  /usr/bin/python3 bench/coverage-1m/reference.py BOARDS.geojson FACILITIES.csv POPULATION.(csv|geojson) [RADII]

Per board and radius: the share of the board's area within RADIUS metres of a facility (union of
buffers, 64 segments a circle, intersected with the board) and the share of its residents there.
Points go to the first board that contains them (shapely.vectorized.contains over each board's
candidates by bounding box). Coordinates are projected to the same local metric frame as Anju's
(equirectangular about the boards' bbox centre, WGS-84 radii of curvature). Prints JSON like
`anju coverage --json`. Needs Debian's python3-numpy and python3-shapely (1.8 or 2.x); Anju's CI
does not.
"""
import json
import math
import sys

import numpy as np
from shapely.geometry import Point, shape
from shapely.ops import transform, unary_union
from shapely import vectorized
from shapely.prepared import prep

A, F = 6378137.0, 1 / 298.257223563
E2 = F * (2 - F)
RAD = math.pi / 180


def frame(west, south, east, north):
    lon0, lat0 = (west + east) / 2, (south + north) / 2
    w2 = 1 / (1 - E2 * math.sin(lat0 * RAD) ** 2)
    w = math.sqrt(w2)
    return lon0, lat0, RAD * A * w * math.cos(lat0 * RAD), RAD * A * w * w2 * (1 - E2)


def read_points(path, value_column):
    if path.endswith('.csv'):
        with open(path, encoding='utf-8') as f:
            header = f.readline().strip().split(',')
        data = np.loadtxt(path, delimiter=',', skiprows=1, usecols=(header.index('lon'), header.index('lat')) + ((header.index(value_column),) if value_column else ()), ndmin=2)
        return data[:, 0], data[:, 1], (data[:, 2] if value_column else None)
    with open(path, encoding='utf-8') as f:
        fc = json.load(f)
    n = len(fc['features'])
    xs, ys, ws = np.empty(n), np.empty(n), np.empty(n)
    for i, feat in enumerate(fc['features']):
        xs[i], ys[i] = feat['geometry']['coordinates'][:2]
        ws[i] = feat['properties'].get(value_column, 0) if value_column else 0
    return xs, ys, (ws if value_column else None)


def main():
    boards_path, facilities_path, population_path = sys.argv[1:4]
    radii = [float(r) for r in (sys.argv[4] if len(sys.argv) > 4 else '300,500,1000').split(',')]
    with open(boards_path, encoding='utf-8') as f:
        boards = json.load(f)['features']
    geoms = [shape(b['geometry']) for b in boards]
    bounds = np.array([g.bounds for g in geoms])
    lon0, lat0, kx, ky = frame(bounds[:, 0].min(), bounds[:, 1].min(), bounds[:, 2].max(), bounds[:, 3].max())
    proj = lambda x, y, z=None: ((np.asarray(x) - lon0) * kx, (np.asarray(y) - lat0) * ky)
    geoms = [transform(proj, g) for g in geoms]

    fx, fy, _ = read_points(facilities_path, None)
    fx, fy = proj(fx, fy)
    px, py, pw = read_points(population_path, 'population')
    px, py = proj(px, py)

    board_of = np.full(len(px), -1, dtype=np.int32)
    for b, g in enumerate(geoms):
        x0, y0, x1, y1 = g.bounds
        cand = np.nonzero((board_of < 0) & (px >= x0) & (px <= x1) & (py >= y0) & (py <= y1))[0]
        inside = vectorized.contains(g, px[cand], py[cand])
        board_of[cand[inside]] = b

    rows = [{'id': b['properties'].get('id'), 'radii': []} for b in boards]
    for r in radii:
        reach = unary_union([Point(x, y).buffer(r, 16) for x, y in zip(fx, fy)])
        for b, g in enumerate(geoms):
            covered = g.intersection(reach)
            mine = np.nonzero(board_of == b)[0]
            residents = pw[mine].sum()
            inside = vectorized.contains(prep(covered).context, px[mine], py[mine]) if len(mine) else np.zeros(0, bool)
            rows[b]['radii'].append({'radiusM': r, 'areaShare': round(covered.area / g.area, 6),
                                     'populationShare': round(float(pw[mine][inside].sum() / residents), 6) if residents > 0 else None})
    print(json.dumps(rows, indent=2))


main()
