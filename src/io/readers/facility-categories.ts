/**
 * A facility's category as planners write it → Anju's GB 50180-2018 category slug (附录B tables,
 * geodata/standards/gb50180.json) or a tier id. Accepts the slug, the table's Chinese and English
 * names (those the app's "在地图上添加" list shows), common Chinese variants, and POI type paths
 * such as Amap's `科教文化服务;学校;小学` (the most specific part that is recognised wins).
 */
import type { FacilityCategoryStandard, LifeCircleTier } from '../../domain/life-circle.ts';
import { isLifeCircleTier } from '../../domain/life-circle.ts';

/** Category of a facility file row without any category: counts for "all facilities" only. */
export const UNCATEGORISED = 'uncategorised';

/**
 * Variants seen in Chinese planning and POI data beyond the standard's own names. Ambiguous words
 * (中学: junior or senior; 医院; 学校) are deliberately absent: they are reported, not guessed.
 */
const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  'junior-middle-school': ['初中', '初级中学', '初中学校', '九年一贯制学校'],
  'community-health-centre': ['社区卫生服务中心', '卫生服务中心', '社区医院', '街道卫生院', '乡镇卫生院', '卫生院'],
  'outpatient-clinic': ['门诊部', '门诊'],
  'elderly-care-home': ['养老院', '养老机构', '敬老院', '养老服务中心'],
  'nursing-home': ['老年养护院', '护理院', '养护院'],
  'cultural-centre': ['文化活动中心', '文化中心', '社区文化中心'],
  'sports-centre': ['体育馆', '体育场', '全民健身中心', '体育中心'],
  'large-sports-ground': ['大型多功能运动场地', '大型运动场地', '大型运动场'],
  'community-service-centre': ['社区服务中心', '街道社区服务中心', '便民服务中心'],
  'sub-district-office': ['街道办事处', '街道办'],
  'shopping-mall': ['商场', '购物中心', '百货商场'],
  'primary-school': ['小学', '完全小学', '中心小学'],
  'fresh-market': ['菜市场', '农贸市场', '生鲜超市', '菜场', '生鲜市场'],
  'medium-sports-ground': ['中型多功能运动场地', '中型运动场地'],
  kindergarten: ['幼儿园', '幼稚园'],
  nursery: ['托儿所', '托育机构', '托育中心', '托育园'],
  'community-service-station': ['社区服务站', '社区综合服务站', '社区服务点'],
  'elderly-day-care': ['老年人日间照料中心', '日间照料中心', '托老所', '居家养老服务照料中心', '居家养老服务中心', '居家养老服务站'],
  'community-health-station': ['社区卫生服务站', '卫生服务站', '卫生站', '卫生室'],
  'cultural-station': ['文化活动站', '文化站', '文化礼堂'],
  'small-sports-ground': ['小型多功能运动场地', '小型多功能运动（球类）场地', '小型运动场地'],
  'outdoor-fitness': ['室外综合健身场地', '健身场地', '健身广场', '健身点'],
  'community-shops': ['社区商业网点', '社区商业'],
  'property-management': ['物业管理与服务', '物业管理', '物业服务中心'],
  'children-elderly-playground': ['儿童、老年人活动场地', '儿童活动场地', '老年人活动场地'],
  'convenience-store': ['便利店'],
};

/** Tier names as written in Chinese. */
const TIER_NAMES: Readonly<Record<string, LifeCircleTier>> = {
  '15分钟生活圈': '15-min', 十五分钟生活圈: '15-min', '15分钟': '15-min',
  '10分钟生活圈': '10-min', 十分钟生活圈: '10-min', '10分钟': '10-min',
  '5分钟生活圈': '5-min', 五分钟生活圈: '5-min', '5分钟': '5-min',
  居住街坊: 'block',
};

/** Full-width → ASCII, no spaces, lower case; brackets kept (a name may hold them). */
export const normaliseCategory = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
/** The name with any bracketed part removed: 卫生服务中心（社区医院） → 卫生服务中心. */
const withoutBrackets = (s: string) => s.replace(/\([^)]*\)/g, '');

export type CategoryLookup = (raw: string) => string | null;

/** A lookup from the standard's facility table: raw text → slug or tier id, null when not recognised. */
export function categoryLookup(table: readonly FacilityCategoryStandard[]): CategoryLookup {
  const names = new Map<string, string>();
  const add = (name: string, slug: string) => {
    const n = normaliseCategory(name);
    if (!names.has(n)) names.set(n, slug);
    const short = withoutBrackets(n);
    if (short && !names.has(short)) names.set(short, slug);
  };
  for (const c of table) {
    add(c.category, c.category);
    add(c.name, c.category);
    add(c.nameEn, c.category);
  }
  for (const [slug, vs] of Object.entries(VARIANTS)) if (table.some((c) => c.category === slug)) for (const v of vs) add(v, slug);
  for (const [name, tier] of Object.entries(TIER_NAMES)) add(name, tier);
  return (raw) => {
    const n = normaliseCategory(raw);
    if (isLifeCircleTier(n)) return n;
    const hit = names.get(n) ?? names.get(withoutBrackets(n));
    if (hit) return hit;
    // A type path (Amap: 大类;中类;小类; others use | or /): the most specific recognised part.
    const parts = n.split(/[;；|/>]/).filter(Boolean);
    if (parts.length < 2) return null;
    for (let i = parts.length - 1; i >= 0; i--) {
      const p = names.get(parts[i]) ?? names.get(withoutBrackets(parts[i]));
      if (p) return p;
    }
    return null;
  };
}
