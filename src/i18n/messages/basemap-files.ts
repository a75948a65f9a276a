/**
 * The basemap picker's messages about basemap files (MBTiles refusals, the generic style, the
 * team basemap), Chinese: registered when a file or the team basemap is first opened
 * (basemap-controller.ts, team-basemap.svelte.ts), so they stay out of the first load.
 * English: en/basemap.ts.
 */
export const basemapFiles = {
  zh: {
    'basemap.team': '团队底图（服务器提供）',
    'basemap.team.hint': '团队服务器提供给所有成员的底图（管理员用 anju serve --basemap 文件 设置）。',
    'basemap.type.generic': '矢量，通用样式（非 Protomaps 格式：按图层名自动配色，仅供辨认位置）',
    'basemap.status.ok.team': '团队底图 {name}：{type}，{minZoom}–{maxZoom} 级。',
    'basemap.mbtiles.not-sqlite': '{name} 不是底图文件：开头既不是 PMTiles 标识，也不是 SQLite（MBTiles）数据库。仍显示内置离线底图。',
    'basemap.mbtiles.too-large': '{name} 有 {sizeMb} MB：MBTiles 需整体载入浏览器内存，上限 {maxMb} MB。请先用 pmtiles convert 转换为 PMTiles（按需读取，大小不限）。仍显示内置离线底图。',
    'basemap.mbtiles.corrupt': '{name} 无法作为 SQLite 数据库读取（{detail}）：文件可能已损坏或不完整。仍显示内置离线底图。',
    'basemap.mbtiles.no-tiles': '{name} 是 SQLite 数据库，但不是 MBTiles：没有 tiles 表。仍显示内置离线底图。',
    'basemap.mbtiles.empty': '{name} 的 tiles 表中没有瓦片。仍显示内置离线底图。',
    'basemap.mbtiles.format': '{name} 的瓦片格式为 {format}，无法绘制（支持 pbf、png、jpg、webp）。仍显示内置离线底图。',
    'basemap.mbtiles.crs.gcj02': '{name} 的元数据表明是 GCJ-02（高德、腾讯）切片（{where}）：与本应用的 WGS-84 数据会错开约 500 米，不能叠加使用。请使用 WGS-84/CGCS2000 球面墨卡托切片。',
    'basemap.mbtiles.crs.bd09': '{name} 的元数据表明是 BD-09（百度）切片（{where}）：坐标系与切片方式都不同，会错位数百米，不能叠加使用。',
    'basemap.mbtiles.crs.geographic': '{name} 的元数据表明是经纬度（EPSG:4326/4490）切片（{where}），不是球面墨卡托切片，叠加会错位。请改用球面墨卡托切片。',
  },
} as const;
