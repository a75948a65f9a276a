/**
 * Schematic employment areas (规划 第十章第二节 1): a disc of each anchor's radius, drawn as a
 * 48-gon in a local metric frame, clipped to its county and to land, made robust on the 1e-6° grid. Jobs are illustrative:
 * area × the assumed density in the anchors file, rounded. See geodata/README.md.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { intersectAreal, unionAreal, type Areal } from '../../src/geo/polygon-ops.ts';
import { areaKm2 } from '../../src/geo/measure.ts';
import { fromFrameM, makeLocalFrame } from '../../src/geo/local-frame.ts';
import { robustAreal } from './robust-areal.ts';

export interface EmploymentAnchor {
  id: string;
  name: string;
  nameEn: string;
  county: string;
  planGroup: 'main-core' | 'main-integration';
  lon: number;
  lat: number;
  radiusKm: number;
  placement: string;
}

export interface EmploymentAnchors {
  assumedJobsPerKm2: number;
  jobsRoundTo: number;
  jobsAssumption: string;
  areas: EmploymentAnchor[];
}

const DISC_SIDES = 48;

function disc(lon: number, lat: number, radiusKm: number): Polygon {
  const f = makeLocalFrame(lon, lat);
  const ring = Array.from({ length: DISC_SIDES }, (_, i) => {
    const t = (2 * Math.PI * i) / DISC_SIDES;
    return fromFrameM(f, [radiusKm * 1000 * Math.cos(t), radiusKm * 1000 * Math.sin(t)]);
  });
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

export function buildEmploymentAreas(
  src: EmploymentAnchors,
  counties: FeatureCollection<Polygon | MultiPolygon, { name: string }>,
  land: FeatureCollection<Polygon>,
): FeatureCollection<Areal> {
  const features = src.areas.map((a): Feature<Areal> => {
    const county = counties.features.find((c) => c.properties.name === a.county);
    if (!county) throw new Error(`employment area ${a.id}: county ${a.county} not found`);
    let g = intersectAreal(disc(a.lon, a.lat, a.radiusKm), county.geometry);
    const nearLand = g ? land.features.filter((l) => intersectAreal(l.geometry, g!)) : [];
    const landUnion = unionAreal(nearLand.map((l) => l.geometry));
    g = g && landUnion ? intersectAreal(g, landUnion) : null;
    if (g) g = robustAreal(g, `employment area ${a.id}`);
    if (!g) throw new Error(`employment area ${a.id}: nothing left after clipping to ${a.county} and land`);
    const area = areaKm2(g);
    const jobs = Math.max(src.jobsRoundTo, Math.round((area * src.assumedJobsPerKm2) / src.jobsRoundTo) * src.jobsRoundTo);
    return {
      type: 'Feature',
      properties: {
        id: a.id,
        name: a.name,
        nameEn: a.nameEn,
        county: a.county,
        planGroup: a.planGroup,
        jobs,
        illustrative: true,
        geometrySource: `schematic: disc of ${a.radiusKm} km around a hand-placed anchor (${a.placement}), clipped to ${a.county} and to land; not an official boundary`,
        jobsSource: `illustrative: ${area.toFixed(1)} km² × assumed ${src.assumedJobsPerKm2} jobs/km², rounded to ${src.jobsRoundTo}; not a statistic`,
        citation: { chapter: 10, section: 2, item: 1 },
      },
      geometry: g,
    };
  });
  return { type: 'FeatureCollection', features };
}
