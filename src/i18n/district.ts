import { COUNTY_NAMES_EN } from '../domain/county.ts';
import type { Lang } from './lang.ts';

/** `鹿城区、瓯海区` in Chinese; `Lucheng, Ouhai (鹿城区、瓯海区)` in English. */
export function districtLabel(district: string, lang: Lang): string {
  if (lang === 'zh') return district;
  const names = district.split('、').map((d) => COUNTY_NAMES_EN[d] ?? d);
  return `${names.join(', ')} (${district})`;
}
