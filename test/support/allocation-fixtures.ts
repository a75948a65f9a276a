/** Small synthetic boards and scenarios for allocation tests (not Wenzhou's real boards). */
import type { Polygon } from 'geojson';
import type { BoardCollection, Category } from '../../src/domain/board.ts';
import type { Scenario } from '../../src/state/scenario.ts';
import { DEFAULT_RULE_SETTINGS } from '../../src/data/allocation-data.ts';

/** A square of side 2·half degrees centred on (lon, lat). */
export function square(lon: number, lat: number, half: number): Polygon {
  return { type: 'Polygon', coordinates: [[[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half], [lon - half, lat - half]]] };
}

/** Four 0.1°-wide boards in a row along latitude 28°: s1, s2 (stock-upgrade), k1 (key-expansion), m1 (moderate). */
export function testBoards(): BoardCollection {
  const mk = (id: string, category: Category, lon: number) => ({
    type: 'Feature' as const,
    geometry: square(lon, 28, 0.05),
    properties: { id, name: id, nameEn: id, category, district: '', planDistrict: '', streets: [], geometrySource: 'test', confidence: 'high' as const, schematic: true },
  });
  return { type: 'FeatureCollection', features: [mk('s1', 'stock-upgrade', 120.05), mk('s2', 'stock-upgrade', 120.15), mk('k1', 'key-expansion', 120.25), mk('m1', 'moderate-development', 120.35)] };
}

export function testScenario(over: Partial<Scenario> = {}): Scenario {
  return { id: 'a', name: 'A', createdAt: '2026-01-01T00:00:00.000Z', allocations: [], sites: [], ruleSettings: DEFAULT_RULE_SETTINGS, ...over };
}
