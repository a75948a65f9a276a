/**
 * 一主一副两极 as polygons: unions of county units (规划 第十章第二节), clipped to land.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { intersectAreal, unionAreal, type Areal } from '../../src/geo/polygon-ops.ts';
import type { StructureProperties } from '../../src/domain/structure.ts';
import type { CountyProps } from './counties.ts';
import { roundAreal } from './clean-rings.ts';

type Part = StructureProperties;

/** The parts the plan names. 洞头区 is part of 温州市区 (since 2015), which the plan's "鹿城、龙湾、瓯海等" covers. */
export const STRUCTURE_PARTS: readonly Part[] = [
  { id: 'main-core', role: 'main-core', name: '温州市区', nameEn: 'Wenzhou urban districts', counties: ['鹿城区', '龙湾区', '瓯海区', '洞头区'], note: '规划原文为“由鹿城、龙湾、瓯海等组成的温州市区”；洞头区按市区范围计入。' },
  { id: 'main-integration-ruian', role: 'main-integration', name: '瑞安', nameEn: "Rui'an", counties: ['瑞安市'] },
  { id: 'main-integration-yueqing', role: 'main-integration', name: '乐清', nameEn: 'Yueqing', counties: ['乐清市'] },
  { id: 'main-integration-yongjia', role: 'main-integration', name: '永嘉', nameEn: 'Yongjia', counties: ['永嘉县'] },
  { id: 'sub-centre-pingyang', role: 'sub-centre', name: '平阳', nameEn: 'Pingyang', counties: ['平阳县'] },
  { id: 'sub-centre-cangnan-longgang', role: 'sub-centre', name: '苍南、龙港', nameEn: 'Cangnan & Longgang', counties: ['苍南县'], note: '源数据早于2019年龙港设市，苍南县轮廓含龙港市，二者无法分开显示。' },
  { id: 'pole-wencheng', role: 'pole', name: '文成', nameEn: 'Wencheng', counties: ['文成县'] },
  { id: 'pole-taishun', role: 'pole', name: '泰顺', nameEn: 'Taishun', counties: ['泰顺县'] },
];

export function buildStructure(
  counties: FeatureCollection<Areal, CountyProps>,
  landUnion: Areal,
): FeatureCollection<Areal, StructureProperties> {
  const features: Feature<Areal, StructureProperties>[] = [];
  for (const part of STRUCTURE_PARTS) {
    const geoms = part.counties.map((name) => {
      const c = counties.features.find((f) => f.properties.name === name);
      if (!c) throw new Error(`structure ${part.id}: county ${name} not found`);
      return c.geometry;
    });
    const merged = unionAreal(geoms);
    if (!merged) throw new Error(`structure ${part.id}: empty union`);
    const onLand = intersectAreal(merged, landUnion);
    if (!onLand) throw new Error(`structure ${part.id}: no land`);
    const { id, role, name, nameEn, counties: cs, note } = part;
    features.push({ type: 'Feature', properties: { id, role, name, nameEn, counties: cs, ...(note ? { note } : {}) }, geometry: roundAreal(onLand) });
  }
  return { type: 'FeatureCollection', features };
}
