/** Wenzhou's county-level units (区/县/县级市) and their English names. */
export const COUNTY_NAMES_EN: Readonly<Record<string, string>> = {
  鹿城区: 'Lucheng',
  龙湾区: 'Longwan',
  瓯海区: 'Ouhai',
  洞头区: 'Dongtou',
  永嘉县: 'Yongjia',
  平阳县: 'Pingyang',
  苍南县: 'Cangnan',
  文成县: 'Wencheng',
  泰顺县: 'Taishun',
  瑞安市: "Rui'an",
  乐清市: 'Yueqing',
  龙港市: 'Longgang',
};

/** County adcodes (GB/T 2260) keyed by name. 龙港市 (330383) was split from 苍南县 in 2019. */
export const COUNTY_ADCODES: Readonly<Record<string, string>> = {
  鹿城区: '330302',
  龙湾区: '330303',
  瓯海区: '330304',
  洞头区: '330305',
  永嘉县: '330324',
  平阳县: '330326',
  苍南县: '330327',
  文成县: '330328',
  泰顺县: '330329',
  瑞安市: '330381',
  乐清市: '330382',
  龙港市: '330383',
};

/** Properties of a county outline (geodata/counties.geojson). */
export interface CountyProperties {
  name: string;
  nameEn: string;
  adcode: string;
  note?: string;
}
