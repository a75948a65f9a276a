/**
 * Problem messages in Chinese and English. Templates use {name} placeholders filled from
 * Problem.params; the location (file, feature, row, field) is prefixed by formatProblem.
 */
import type { Problem, ProblemCode } from '../domain/problem.ts';
import type { Lang } from './lang.ts';

type Templates = Record<ProblemCode, { zh: string; en: string }>;

export const PROBLEM_TEMPLATES: Templates = {
  'file-unreadable': { zh: '无法读取文件：{detail}', en: 'cannot read the file: {detail}' },
  'not-json': { zh: '不是有效的 JSON：{detail}', en: 'not valid JSON: {detail}' },
  'json-too-deep': { zh: 'JSON 嵌套超过 {max} 层，不是可读的 GeoJSON（可能是损坏或恶意的文件）', en: 'the JSON is nested more than {max} levels deep: not readable GeoJSON (a damaged or hostile file?)' },
  'not-geojson': { zh: '不是 GeoJSON（缺少 type 为 FeatureCollection/Feature/几何的对象）', en: 'not GeoJSON (no FeatureCollection, Feature or geometry object)' },
  'invalid-geojson': { zh: 'GeoJSON 结构无效：{detail}', en: 'invalid GeoJSON structure: {detail}' },
  'no-features': { zh: '文件中没有要素', en: 'the file has no features' },
  'coord-out-of-range': { zh: '坐标超出经纬度范围：{coord}', en: 'coordinate outside longitude/latitude range: {coord}' },
  'projected-coords': { zh: '坐标看似投影坐标（米），而非经纬度：{coord}；请先转换为 WGS-84/CGCS2000 经纬度', en: 'coordinates look projected (metres), not longitude/latitude: {coord}; convert to WGS-84/CGCS2000 degrees first' },
  'swapped-coords': { zh: '经纬度顺序似乎颠倒：{coord}（应为 经度, 纬度）', en: 'longitude and latitude seem swapped: {coord} (expected lon, lat)' },
  'unsupported-crs': { zh: '文件声明的坐标系“{crs}”无法识别；请选择文件实际使用的坐标系（命令行：--crs）', en: 'the file declares a coordinate system Anju cannot read ("{crs}"); choose the system the file is in (command line: --crs)' },
  'unsupported-crs-overridden': { zh: '文件声明的坐标系“{crs}”无法识别，已按所选的 {chosen} 读取', en: 'the file declares a coordinate system Anju cannot read ("{crs}"); read as {chosen}, as chosen' },
  'crs-needs-towgs84': {
    zh: '文件的坐标系是 {crs}：西安 1980、北京 1954 与 CGCS2000 相差数十至上百米，只有用当地测绘部门提供的七参数（或三参数）才能转换。请在“转换参数”中填写 dx,dy,dz,rx,ry,rz,s（命令行：--towgs84）；未填写不导入，不会当作 CGCS2000 读取',
    en: 'the file is in {crs}: Xian 1980 and Beijing 1954 differ from CGCS2000 by tens of metres or more and convert only with the seven- (or three-) parameter transformation your surveying department uses. Give dx,dy,dz,rx,ry,rz,s under "transformation parameters" (command line: --towgs84); without them nothing is imported, and the file is never read as if it were CGCS2000',
  },
  'towgs84-unused': { zh: '转换参数未使用：文件的坐标系是 {crs}，不需要七参数', en: 'the transformation parameters were not used: the file is in {crs}, which needs none' },
  'gk-central-meridian-needed': { zh: '{nameZh}坐标（{crs}）需要中央经线：东坐标不带带号，请选择中央经线（温州：120°E；命令行：--cm）', en: '{nameEn} coordinates ({crs}) need a central meridian: the eastings carry no zone number; choose one (Wenzhou: 120°E; command line: --cm)' },
  'gk-zone-mismatch': { zh: '东坐标带有带号 {zone}（中央经线 {zoneCm}°E），与所选的中央经线 {cm}°E 不符', en: 'the eastings carry zone {zone} (central meridian {zoneCm}°E), not the chosen central meridian {cm}°E' },
  'outside-wenzhou': { zh: '要素不在温州范围内（范围中心 {coord}）', en: 'feature lies outside Wenzhou (centre {coord})' },
  'wrong-geometry-type': { zh: '几何类型为 {actual}，应为 {expected}', en: 'geometry type is {actual}, expected {expected}' },
  'empty-geometry': { zh: '几何为空', en: 'empty geometry' },
  'geometry-empty-skipped': { zh: '没有几何（null 或空），已跳过', en: 'no geometry (null or empty); skipped' },
  'geometries-empty-skipped': { zh: '{count} 个要素没有几何，已跳过，其余照常导入', en: '{count} features have no geometry and were skipped; the rest are imported' },
  'missing-board-key': { zh: '缺少板块名称或编号（可用属性：{fields}）', en: 'no board name or id (accepted properties: {fields})' },
  'unknown-board': { zh: '“{value}”不是{count}个板块之一', en: '"{value}" is not one of the {count} boards' },
  'boards-overlap': { zh: '板块“{a}”与“{b}”重叠 {km2} 平方公里：重叠部分会在两个板块中重复计算，请检查边界', en: 'boards "{a}" and "{b}" overlap by {km2} km²: the overlap is counted in both boards; check the boundaries' },
  'boards-partly-replaced': { zh: '已替换 {total} 个板块中的 {replaced} 个；其余 {kept} 个保留原有范围（其中 {schematic} 个为示意范围）', en: '{replaced} of {total} boards replaced; {kept} keep their current extent ({schematic} of them schematic)' },
  'duplicate-board': { zh: '板块“{value}”出现多次（另见要素 #{other}）', en: 'board "{value}" appears more than once (see also feature #{other})' },
  'csv-no-coordinates': { zh: '找不到坐标列（表头：{headers}）；请将列命名为 lon/lat、经度/纬度、x/y、POINT_X/POINT_Y、X坐标/Y坐标，或用 WKT 几何列，也可在导入时指定（命令行：--x/--y 或 --wkt）', en: 'no coordinate columns (headers: {headers}); name them lon/lat, 经度/纬度, x/y, POINT_X/POINT_Y, X坐标/Y坐标, or give a WKT geometry column, or name them (command line: --x/--y or --wkt)' },
  'csv-bad-coordinate': { zh: '坐标不是数字：{value}', en: 'coordinate is not a number: {value}' },
  'csv-bad-wkt': { zh: 'WKT 几何无法解析（{detail}）：{value}', en: 'the WKT geometry cannot be read ({detail}): {value}' },
  'unsupported-format': { zh: '不支持的文件类型“.{ext}”', en: 'unsupported file type ".{ext}"' },
  'unknown-category': { zh: '类别“{value}”未能对应 GB 50180 设施类别（{count} 个要素，首见于此），仅计入“全部设施”', en: 'category "{value}" is not a GB 50180 facility category ({count} features, first here); counted under "all facilities" only' },
  'facilities-uncategorised': { zh: '{count} 个设施没有类别，作为“未分类设施”仅计入“全部设施”', en: '{count} facilities have no category: uncategorised, counted under "all facilities" only' },
  'facilities-no-category-field': { zh: '文件没有类别列（{fields}）：全部设施作为“未分类设施”，仅计入“全部设施”', en: 'the file has no category column ({fields}): every facility is uncategorised and counts under "all facilities" only' },
  'missing-population': { zh: '缺少人口数', en: 'no population figure' },
  'bad-population': { zh: '人口不是非负数字：“{value}”', en: 'population is not a non-negative number: "{value}"' },
  'mixed-population': { zh: '人口图层混合了点（{points} 个）和面（{cells} 个）；请只用一种', en: 'the population layer mixes points ({points}) and polygons ({cells}); use one kind' },
  'jh-missing-jobs': { zh: '就业区缺少岗位数', en: 'employment area has no jobs figure' },
  'jh-bad-jobs': { zh: '岗位数应为不小于 0 的数字，而不是“{value}”', en: 'jobs must be a number ≥ 0, not "{value}"' },
  'jh-duplicate-id': { zh: '就业区编号“{value}”出现多次（另见要素 #{other}）', en: 'employment area id "{value}" appears more than once (see also feature #{other})' },
  'jh-bad-dwellings': { zh: '住房套数应为不小于 0 的数字，而不是 {value}', en: 'dwellings must be a number ≥ 0, not {value}' },
  'jh-dwellings-not-object': { zh: '住房套数文件应为 JSON 对象：{ "板块编号或名称": 套数 }', en: 'the dwellings file must be a JSON object: { "board id or name": dwellings }' },
  // Import (src/io): file level
  'file-too-large': { zh: '文件过大（{sizeMB} MB），上限为 {limitMB} MB', en: 'the file is too large ({sizeMB} MB); the limit is {limitMB} MB' },
  'empty-file': { zh: '文件为空', en: 'the file is empty' },
  'shp-not-zipped': { zh: '请将 .shp 与同名的 .dbf、.prj、.cpg 一起压缩为 .zip 后导入', en: 'zip the .shp together with its .dbf, .prj and .cpg and import the .zip' },
  'zip-invalid': { zh: 'ZIP 压缩包已损坏或不是 ZIP 文件，无法解压（{detail}）', en: 'the zip archive is corrupt or not a zip file, and cannot be unpacked ({detail})' },
  'zip-corrupt': {
    zh: 'ZIP 压缩包已损坏：其中 {entry} 的数据与压缩包目录记录的校验和不符（文件不完整或被改动过）；请重新导出或重新下载',
    en: 'the zip archive is corrupt: the data of {entry} does not match the checksum in the archive’s directory (the file is incomplete or was altered); export or download it again',
  },
  'shp-missing': { zh: 'ZIP 中没有 .shp 文件（内容：{entries}）', en: 'the zip holds no .shp file (entries: {entries})' },
  'shp-multiple': { zh: 'ZIP 中有多个 .shp（{entries}），仅导入 {used}', en: 'the zip holds several .shp files ({entries}); only {used} is imported' },
  'shp-invalid': { zh: '.shp 文件损坏：{detail}', en: 'the .shp file is corrupt: {detail}' },
  'dbf-invalid': { zh: '.dbf 属性表损坏：{detail}', en: 'the .dbf attribute table is corrupt: {detail}' },
  'shp-unsupported-type': { zh: '不支持 {type} 类型的 Shapefile（仅支持点、线、面）', en: 'Shapefiles of {type} shapes are not supported (points, lines and polygons only)' },
  'shp-truncated': { zh: '.shp 文件不完整或已损坏：只读出 {read} 个图形（.shx 记有 {expected} 个），其后的数据无法读取', en: 'the .shp is truncated or damaged: {read} shapes read (the .shx lists {expected}); what follows cannot be read' },
  'dbf-deleted-skipped': { zh: '.dbf 中 {count} 条记录标记为已删除，已连同其图形一起跳过', en: '{count} records are marked deleted in the .dbf and were skipped with their shapes' },
  'dbf-missing': { zh: '缺少 .dbf 属性表，要素将没有属性', en: 'no .dbf attribute table; features will have no properties' },
  'dbf-count-mismatch': { zh: '.shp 有 {shapes} 个图形，而 .dbf 有 {records} 条记录', en: 'the .shp has {shapes} shapes but the .dbf has {records} records' },
  'cpg-unknown': { zh: '.cpg 中的编码“{value}”无法识别，已按内容判断编码', en: 'unknown encoding "{value}" in the .cpg; encoding detected from the content' },
  'csv-column-missing': { zh: '表中没有所选的坐标列（表头：{headers}）', en: 'the chosen coordinate column is not in the table (headers: {headers})' },
  'csv-duplicate-header': { zh: '表头重复，已改名：{headers}', en: 'duplicate headers were renamed: {headers}' },
  'kml-networklink-skipped': { zh: '跳过 {count} 个 NetworkLink（指向其他文件的链接，其 Region 不是要素）', en: '{count} NetworkLinks skipped (links to other files; their Region is not a feature)' },
  'not-kml': { zh: '不是有效的 KML：{detail}', en: 'not valid KML: {detail}' },
  'import-failed': { zh: '读取文件的后台任务意外终止，未做任何更改：{detail}', en: 'the background task reading the file stopped unexpectedly; nothing was changed: {detail}' },
  'import-cancelled': { zh: '导入已取消，未做任何更改', en: 'import cancelled; nothing was changed' },
  // Import: per feature
  'invalid-geometry': { zh: '几何无效：{detail}', en: 'invalid geometry: {detail}' },
  'ring-not-closed': { zh: '多边形的环未闭合（首点 {coord} 与末点不同）', en: 'polygon ring is not closed (first position {coord} differs from the last)' },
  'ring-too-short': { zh: '多边形的环只有 {detail} 个点，至少需要 4 个', en: 'polygon ring has {detail} positions; at least 4 are needed' },
  'ring-self-intersection': { zh: '多边形自相交（交点 {coord}）', en: 'polygon intersects itself (at {coord})' },
  'polygon-too-few-points': { zh: '多边形的环去掉重复点后不足 3 个不同的点（{coord}）', en: 'a polygon ring has fewer than 3 distinct points (at {coord})' },
  'polygon-ring-touches-itself': { zh: '多边形的环与自身相接（{coord}）', en: 'a polygon ring touches itself (at {coord})' },
  'polygon-interior-disconnected': { zh: '多边形的环相接于两点以上，内部被分割（{coord}）', en: 'polygon rings touch at more than one point, splitting its interior (at {coord})' },
  'polygon-hole-outside-shell': { zh: '多边形的洞位于外环之外（{coord}）', en: 'a polygon hole lies outside its shell (at {coord})' },
  'polygon-nested-holes': { zh: '多边形的洞位于另一个洞之内（{coord}）', en: 'a polygon hole lies inside another hole (at {coord})' },
  'polygon-nested-shells': { zh: '多面要素中一个多边形位于另一个之内（{coord}）', en: 'one polygon of a multipolygon lies inside another (at {coord})' },
  'coord-not-convertible': { zh: '坐标无法转换：{coord}', en: 'coordinate cannot be converted: {coord}' },
  'duplicate-id': { zh: '编号“{value}”重复（另见要素 #{other}）', en: 'id "{value}" is not unique (see also feature #{other})' },
  // Import: notes on the whole file
  'winding-fixed': { zh: '{count} 个要素的多边形环方向不符合 RFC 7946，已自动更正', en: 'ring winding of {count} features did not follow RFC 7946 and was corrected' },
  'swapped-coords-fixed': { zh: '经纬度顺序颠倒，已自动交换', en: 'longitude and latitude were swapped and have been exchanged' },
  'features-skipped': { zh: '已跳过 {count} 个有错误的要素，导入 {imported} 个', en: '{count} features with errors were skipped; {imported} imported' },
  'more-problems': { zh: '另有 {count} 个问题未列出', en: '{count} more problems not listed' },
  'plan-not-object': { zh: '不是规划包（顶层应为 JSON 对象）', en: 'not a plan package (the top level must be a JSON object)' },
  'plan-wrong-format': { zh: '不是安居规划包：format 为 {value}，应为 "anju-plan-package"', en: 'not an Anju plan package: format is {value}, expected "anju-plan-package"' },
  'plan-newer-version': { zh: '规划包格式版本 {found} 比本程序支持的 {supported} 新，请更新安居', en: 'plan package format version {found} is newer than this build reads ({supported}); update Anju' },
  'plan-bad-field': { zh: '规划包字段值无效：应为 {expected}，实际为 {received}', en: 'invalid value in the plan package: expected {expected}, got {received}' },
  'plan-missing-field': { zh: '规划包缺少必填字段', en: 'the plan package lacks a required field' },
  'plan-duplicate-id': { zh: '编号“{value}”重复', en: 'id "{value}" appears more than once' },
  'plan-years-not-consecutive': { zh: '规划年份应连续：此处为 {value}，应为 {expected}', en: 'the period years must be consecutive: {value} here, expected {expected}' },
  'plan-board-no-outline': { zh: '板块“{value}”没有范围（boards.geometry 中找不到）', en: 'board "{value}" has no outline (not found in boards.geometry)' },
  'plan-outline-not-listed': { zh: '范围“{value}”不在板块列表 boards.list 中', en: 'outline "{value}" is not in the board list boards.list' },
  'plan-year-outside-period': { zh: '年份 {value} 不在规划期内', en: 'year {value} is outside the plan period' },
  'plan-length-mismatch': { zh: '应有 {expected} 个值，实际 {received} 个', en: 'expected {expected} values, got {received}' },
  'plan-unknown-threshold': { zh: '“{value}”不是安居的规则阈值', en: '"{value}" is not one of Anju\'s rule thresholds' },
  'plan-unknown-county': { zh: '“{value}”不是温州的县级单位', en: '"{value}" is not a county-level unit of Wenzhou' },
  'plan-is-example': { zh: '“{title}”是示例规划包，不是正式规划', en: '"{title}" is an example plan package, not an official plan' },
  'project-other-plan': { zh: '项目按规划包 {made} 编制，当前规划包为 {active}；不一致之处如下，项目数据均已保留', en: 'the project was made against plan package {made}; the active package is {active}. What does not match is listed; all of the project\'s data is kept' },
  'project-years-outside-plan': { zh: '方案“{scenario}”有 {count} 项分配（{units} 套）在 {years} 年，不在当前规划期 {period} 内：已保留，但不计入本规划的合计', en: 'scenario "{scenario}" has {count} allocations ({units} units) in {years}, outside the active period {period}: kept, but not counted toward this plan' },
  'project-boards-not-in-plan': { zh: '项目中有 {count} 个板块不在当前规划包中：{boards}', en: '{count} boards of the project are not in the active plan package: {boards}' },
  'plan-boards-not-in-project': { zh: '当前规划包有 {count} 个板块不在项目中：{boards}', en: '{count} boards of the active plan package are not in the project: {boards}' },
  'project-targets-not-in-plan': { zh: '项目所依据规划包的 {count} 项指标在当前规划包中没有：{targets}', en: '{count} targets of the project\'s plan package are not in the active one: {targets}' },
  'project-targets-changed': { zh: '{count} 项指标的数值与项目所依据的规划包不同：{targets}', en: '{count} targets have other figures than in the project\'s plan package: {targets}' },
  'project-not-object': { zh: '不是安居项目文件（顶层应为 JSON 对象）', en: 'not an Anju project file (the top level must be a JSON object)' },
  'project-wrong-app': { zh: '不是安居项目文件：app 为 {value}，应为 "anju"', en: 'not an Anju project file: app is {value}, expected "anju"' },
  'project-newer-version': { zh: '文件的 schemaVersion 为 {found}，本版本只支持到 {supported}；请升级安居后再打开', en: 'the file has schemaVersion {found}; this version of Anju reads up to {supported}: update Anju to open it' },
  'project-missing-field': { zh: '缺少必填字段', en: 'a required field is missing' },
  'project-bad-field': { zh: '值无效：应为 {expected}，实际为 {received}', en: 'invalid value: expected {expected}, got {received}' },
  'project-duplicate-id': { zh: '编号“{value}”重复', en: 'id "{value}" is used more than once' },
  'project-duplicate-cell': { zh: '分配单元格“{value}”（板块|年份|类型）重复', en: 'allocation cell "{value}" (board|year|type) appears more than once' },
  'project-unknown-board': { zh: '“{value}”不是已知板块', en: '"{value}" is not a known board' },
  'project-too-many': { zh: '有 {count} 项，超过上限 {max} 项', en: 'has {count} items; the limit is {max}' },
  'project-text-too-long': { zh: '文字长 {length} 个字符，超过上限 {max} 个', en: 'text of {length} characters; the limit is {max}' },
  'project-too-many-positions': { zh: '几何有 {count} 个坐标点，超过上限 {max} 个', en: 'geometry with {count} positions; the limit is {max}' },
  'project-number-too-large': { zh: '数值 {value} 超出范围（绝对值上限 {max}）', en: 'the number {value} is out of range (at most {max} in size)' },
  'project-too-deep': { zh: '嵌套超过 {max} 层', en: 'nested more than {max} levels deep' },
  'storage-quota-exceeded': { zh: '浏览器存储空间已满，最近的修改未能保存。请释放存储空间后点“重试保存”，或用“保存项目文件”另存一份。', en: 'Browser storage is full, so recent edits were not saved. Free some space and choose “Retry saving”, or use “Save project file” to keep a copy.' },
  'storage-failed': { zh: '保存到浏览器存储失败，最近的修改未能保存。可点“重试保存”，或用“保存项目文件”另存一份。', en: 'Saving to browser storage failed, so recent edits were not saved. Choose “Retry saving”, or use “Save project file” to keep a copy.' },
  // Allocation UI (README: Supply allocation)
  'units-not-number': { zh: '“{value}”不是数字；请输入套数（不小于 0 的整数）', en: '"{value}" is not a number; enter units as a whole number ≥ 0' },
  'units-negative': { zh: '套数不能为负数（{value}）', en: 'units cannot be negative ({value})' },
  'units-not-integer': { zh: '套数应为整数，而不是 {value}', en: 'units must be a whole number, not {value}' },
  'units-too-large': { zh: '{value} 套超过单项上限 {max} 套（疑为输入错误）', en: '{value} units exceed the limit of {max} per entry (likely a typo)' },
  'paste-too-many-rows': { zh: '粘贴的 {rows} 行放不下：从这里到最后一行（{last}）只有 {room} 行', en: 'the {rows} pasted rows do not fit: only {room} rows from here to the last ({last})' },
  'paste-too-many-columns': { zh: '粘贴的 {cols} 列放不下：从这里到 {last} 年只有 {room} 列', en: 'the {cols} pasted columns do not fit: only {room} columns from here to {last}' },
  'site-polygon-invalid': { zh: '地块多边形自相交或面积为零；请重新绘制', en: 'the site polygon intersects itself or has no area; draw it again' },
  'xlsx-invalid': { zh: '无法读取 Excel 工作簿（.xlsx）：{detail}', en: 'cannot read the Excel workbook (.xlsx): {detail}' },
  'xlsx-other-sheets': { zh: '只读取了第一个工作表“{sheet}”；另有 {count} 个工作表未读取：{others}（如需导入，请将其另存为单独的文件）', en: 'only the first worksheet, “{sheet}”, was read; {count} more were not: {others} (save each as a file of its own to import it)' },
  'actuals-missing-place': { zh: '没有板块或县（市、区），也没有位置；请填写 {fields}，或给出坐标/几何', en: 'no board, no county and no location; fill in {fields}, or give coordinates or a geometry' },
  'actuals-unknown-county': { zh: '“{value}”不是温州的县（市、区），也不是附件2所列单位（{known}）', en: '"{value}" is not a county of Wenzhou nor a unit listed in 附件2 ({known})' },
  'actuals-total-row': { zh: '“{value}”是合计行；请删去合计行，只保留明细（否则会重复计算）', en: '"{value}" is a totals row; remove it and keep the detail rows (it would be counted twice)' },
  'actuals-missing-year': { zh: '缺少年份', en: 'no year' },
  'actuals-bad-year': { zh: '年份“{value}”不在规划期 {first}–{last} 内', en: 'year "{value}" is not in the plan period {first}–{last}' },
  'actuals-missing-type': { zh: '缺少住房类型', en: 'no housing type' },
  'actuals-unknown-type': { zh: '“{value}”不是已知的住房类型（{known}）', en: '"{value}" is not a known housing type ({known})' },
  'actuals-missing-units': { zh: '缺少套数', en: 'no units figure' },
  'actuals-bad-units': { zh: '套数应为不小于 0 的整数（万套可带小数），而不是“{value}”', en: 'units must be a whole number ≥ 0 (万套 may have decimals), not "{value}"' },
  'actuals-bad-unit': { zh: '单位“{value}”无法识别（套、万套，老旧小区改造为 个）', en: 'unit "{value}" is not recognised (套, 万套; 个 for old-community renovation)' },
  'actuals-renovation-units': { zh: '老旧小区改造按小区个数计，不能用“{value}”', en: 'old-community renovation is counted in communities (个), not "{value}"' },
  'actuals-mixed-levels': { zh: '{boardRows} 行按板块、{countyRows} 行只按县（市、区）填写：县级行计入全市合计但不计入任何板块；请确认县级行不是板块行的重复', en: '{boardRows} rows name a board and {countyRows} rows only a county: county rows count toward the city totals but toward no board; make sure they do not repeat the board rows' },
  'storage-load-invalid': { zh: '浏览器中保存的项目有 {count} 处问题（见下）', en: 'The project saved in this browser has {count} problems (listed below)' },
  'storage-tab-invalid': { zh: '另一窗口刚保存的项目有 {count} 处问题（见下）', en: 'The project another tab just saved has {count} problems (listed below)' },
  'storage-changed-meanwhile': { zh: '另一窗口在此期间又保存了数据，您的选择未执行；下面是现在保存的数据，请重新选择', en: 'Another tab saved again meanwhile, so your choice was not carried out; below is what is stored now: please choose again' },
  'storage-load-failed': { zh: '无法读取浏览器中保存的项目；已保存的数据未被改动', en: 'The project saved in this browser could not be read; the stored data has not been changed' },
  'storage-refused': { zh: '最近的修改未保存：项目中有 {count} 处数据不符合要求（见下）。撤销该修改或改正后会自动保存', en: 'Recent edits were not saved: the project has {count} problems (listed below). Undo the edit or correct it, and saving resumes' },
  'storage-unavailable': { zh: '浏览器存储不可用（例如隐私模式或已被禁用），修改不会自动保存；请用“保存项目文件”', en: 'Browser storage is unavailable (private mode, or turned off), so edits are not saved automatically; use “Save project file”' },
};

function fill(t: string, params: Problem['params']): string {
  return t.replace(/\{(\w+)\}/g, (_, k: string) => (params && k in params ? String(params[k]) : `{${k}}`));
}

/** Where the problem is, e.g. `boards.geojson 要素 #3 字段 name`. */
export function formatLocation(p: Problem, lang: Lang): string {
  const parts: string[] = [];
  if (p.file) parts.push(p.file);
  if (p.featureIndex !== undefined) parts.push(lang === 'zh' ? `要素 #${p.featureIndex + 1}` : `feature #${p.featureIndex + 1}`);
  if (p.row !== undefined) parts.push(lang === 'zh' ? `第 ${p.row} 行` : `row ${p.row}`);
  if (p.field) parts.push(lang === 'zh' ? `字段 ${p.field}` : `field ${p.field}`);
  return parts.join(' ');
}

export function formatProblem(p: Problem, lang: Lang): string {
  const msg = fill(PROBLEM_TEMPLATES[p.code][lang], p.params);
  const loc = formatLocation(p, lang);
  return loc ? `${loc}: ${msg}` : msg;
}
