import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, point } from '@turf/turf';
import { isValidAreal } from '../../src/geo/valid-areal.ts';
import { defaultBoards, counties, structure, land } from '../../src/data/embedded.ts';
import { CATEGORIES, CATEGORY_COUNTS, CONFIDENCES } from '../../src/domain/board.ts';
import { areaKm2, bboxOf } from '../../src/geo/measure.ts';
import { intersectAreal, differenceAreal, unionAreal, type Areal } from '../../src/geo/polygon-ops.ts';
import { planSection } from '../support/plan-text.ts';

const boards = defaultBoards.features;
const byName = (n: string) => boards.find((b) => b.properties.name === n)!;
const county = (n: string) => counties.features.find((c) => c.properties.name === n)!.geometry as Areal;

describe('geodata/boards.geojson', () => {
  it('has the 21 boards, 5/7/9 by category', () => {
    expect(boards).toHaveLength(21);
    for (const c of CATEGORIES) expect(boards.filter((b) => b.properties.category === c)).toHaveLength(CATEGORY_COUNTS[c]);
  });

  it('names every board as 第十章第三节 does, under the category the plan gives it', () => {
    const text = planSection('第十章', '第三节');
    const paragraphs = {
      'stock-upgrade': text.slice(text.indexOf('1.存量提升板块'), text.indexOf('2.重点拓展板块')),
      'key-expansion': text.slice(text.indexOf('2.重点拓展板块'), text.indexOf('3.适度发展板块')),
      'moderate-development': text.slice(text.indexOf('3.适度发展板块')),
    } as const;
    for (const b of boards) {
      const para = paragraphs[b.properties.category];
      // The plan writes 滨江 CBD with a space; whitespace is normalised away.
      expect(para, b.properties.name).toContain(`${b.properties.name}板块`);
    }
  });

  it('has every property of the data contract', () => {
    const ids = new Set<string>();
    for (const b of boards) {
      const p = b.properties;
      expect(p.id).toMatch(/^[a-z0-9-]+$/);
      ids.add(p.id);
      expect(CATEGORIES).toContain(p.category);
      expect(CONFIDENCES).toContain(p.confidence);
      expect(p.district).toMatch(/^(鹿城区|龙湾区|瓯海区|洞头区|永嘉县)(、(鹿城区|龙湾区|瓯海区|洞头区|永嘉县))*$/);
      expect(p.planDistrict).toMatch(/区|县$/);
      expect(p.streets.length).toBeGreaterThan(0);
      expect(p.geometrySource).toMatch(/schematic/);
      expect(p.schematic).toBe(true);
      expect(['Polygon', 'MultiPolygon']).toContain(b.geometry.type);
    }
    expect(ids.size).toBe(21);
  });

  it('records where the plan and the administrative codes disagree', () => {
    for (const n of ['状蒲', '瑶南', '空港']) {
      expect(byName(n).properties.planDistrict).toBe('鹿城区');
      expect(byName(n).properties.district).toBe('龙湾区');
    }
    expect(byName('藤桥-泽雅').properties.district).toBe('鹿城区、瓯海区');
  });

  it('has valid, non-empty geometry', () => {
    for (const b of boards) {
      expect(isValidAreal(b.geometry), b.properties.name).toBe(true);
      expect(areaKm2(b.geometry), b.properties.name).toBeGreaterThan(1);
    }
  });

  it('has no two boards overlapping', () => {
    for (let i = 0; i < boards.length; i++) {
      for (let j = i + 1; j < boards.length; j++) {
        const x = intersectAreal(boards[i].geometry, boards[j].geometry);
        const overlapKm2 = x ? areaKm2(x) : 0;
        expect(overlapKm2, `${boards[i].properties.name} × ${boards[j].properties.name}`).toBeLessThan(0.001);
      }
    }
  });

  it('lies inside its own district(s), hence inside the county union', () => {
    for (const b of boards) {
      const districts = unionAreal(b.properties.district.split('、').map(county))!;
      const outside = differenceAreal(b.geometry, districts);
      expect(outside ? areaKm2(outside) : 0, b.properties.name).toBeLessThan(0.01);
    }
  }, 30_000);

  it('lies on land', () => {
    for (const b of boards) {
      const [w, so, e, n] = bboxOf(b.geometry);
      const near = land.features.filter((f) => {
        const [fw, fs, fe, fn] = bboxOf(f.geometry);
        return fw <= e && fe >= w && fs <= n && fn >= so;
      });
      const wet = differenceAreal(b.geometry, unionAreal(near.map((f) => f.geometry))!);
      expect(wet ? areaKm2(wet) : 0, b.properties.name).toBeLessThan(0.01);
    }
  }, 60_000);

  it('puts 七都 on its island: apart from every other board, in 鹿城 east of the channel', () => {
    const qidu = byName('七都');
    for (const b of boards) {
      if (b === qidu) continue;
      const touch = intersectAreal(qidu.geometry, b.geometry);
      expect(touch, b.properties.name).toBeNull();
    }
    expect(qidu.properties.district).toBe('鹿城区');
    // 七都岛 lies in the 瓯江 east of the old city (五马街 is at about 120.656 E).
    const west = Math.min(...(qidu.geometry.type === 'Polygon' ? qidu.geometry.coordinates[0] : qidu.geometry.coordinates.flat(2)).map((p) => p[0]));
    expect(west).toBeGreaterThan(120.74);
  });

  it('puts 洞头岛 and 瓯江口 on islands, each apart from the mainland', () => {
    const mainland = land.features.find((f) => booleanPointInPolygon(point([120.583, 27.972]), f))!; // 温州南站, on the mainland
    for (const n of ['洞头岛', '瓯江口']) {
      const b = byName(n);
      expect(intersectAreal(b.geometry, mainland.geometry), n).toBeNull();
      expect(b.properties.district).toBe('洞头区');
    }
  });
});

describe('geodata/counties.geojson', () => {
  it('has the 11 county units of the source, with names and adcodes', () => {
    expect(counties.features).toHaveLength(11);
    for (const c of counties.features) expect(c.properties.adcode).toMatch(/^3303\d\d$/);
    expect(counties.features.find((c) => c.properties.name === '苍南县')!.properties.note).toMatch(/龙港/);
  });

  it('is in WGS-84: islands outlined in both it and the OpenStreetMap coastline agree within 150 m', () => {
    // County outlines (converted from GCJ-02) and OSM land are independent sources. Where both
    // outline the same small island (areas within 25 %; larger county parts include tidal flats),
    // the systematic offset between them is the datum error: GCJ-02 would put it at ~500 m
    // (430 m E, 280 m S here). Shape noise from the source's 1/1024° quantisation is random, so
    // the mean offset must be small and no single island may be off by more than 250 m.
    const offsets: [number, number][] = [];
    for (const c of counties.features) {
      const g = c.geometry;
      for (const p of g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates]) {
        const poly = { type: 'Polygon' as const, coordinates: p };
        const a = areaKm2(poly);
        if (a < 0.3 || a > 50) continue;
        const cc = centroidM(poly);
        const osm = land.features.find((f) => booleanPointInPolygon(point(fromM(cc)), f));
        if (!osm) continue;
        const ratio = areaKm2(osm.geometry) / a;
        if (ratio < 0.8 || ratio > 1.25) continue;
        const co = centroidM(osm.geometry);
        offsets.push([cc[0] - co[0], cc[1] - co[1]]);
      }
    }
    expect(offsets.length).toBeGreaterThanOrEqual(6);
    const meanX = offsets.reduce((s, o) => s + o[0], 0) / offsets.length;
    const meanY = offsets.reduce((s, o) => s + o[1], 0) / offsets.length;
    expect(Math.hypot(meanX, meanY)).toBeLessThan(150);
    for (const [dx, dy] of offsets) expect(Math.hypot(dx, dy)).toBeLessThan(250);
  });
});

describe('geodata/plan/structure.json (outlines derived from the counties)', () => {
  it('has the parts of 一主一副两极 the plan names, and no invented nodes', () => {
    const roles = structure.features.map((f) => f.properties.role);
    expect(roles.filter((r) => r === 'main-core')).toHaveLength(1);
    expect(roles.filter((r) => r === 'main-integration')).toHaveLength(3);
    expect(roles.filter((r) => r === 'sub-centre')).toHaveLength(2);
    expect(roles.filter((r) => r === 'pole')).toHaveLength(2);
    expect(roles).not.toContain('node');
    const names = structure.features.map((f) => f.properties.name);
    for (const n of ['温州市区', '瑞安', '乐清', '永嘉', '平阳', '苍南、龙港', '文成', '泰顺']) expect(names).toContain(n);
  });
});

function fromM([x, y]: [number, number]): [number, number] {
  const lat = y / 110574;
  return [x / (111320 * Math.cos((lat * Math.PI) / 180)), lat];
}

/** Area-weighted centroid in a local metric frame (m), good enough to compare two outlines. */
function centroidM(g: Areal): [number, number] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let ax = 0, ay = 0, at = 0;
  for (const poly of polys) {
    const ring = poly[0];
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i], [x1, y1] = ring[i + 1];
      const cross = x0 * y1 - x1 * y0;
      at += cross; ax += (x0 + x1) * cross; ay += (y0 + y1) * cross;
    }
  }
  const cx = ax / (3 * at), cy = ay / (3 * at);
  return [cx * 111320 * Math.cos((cy * Math.PI) / 180), cy * 110574];
}
