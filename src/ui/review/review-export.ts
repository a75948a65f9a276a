/** The review's targets table downloaded with the board table's exporters (CSV with BOM, formula-safe; XLSX). */
import type { TargetReview } from '../../analysis/actuals/review-types.ts';
import { tableToCsv } from '../../export/csv.ts';
import { tableToXlsx } from '../../export/xlsx.ts';
import { dateStamp, downloadBlob, downloadText } from '../../export/download.ts';
import type { Lang } from '../../i18n/lang.ts';
import { reviewTable } from './review-table.ts';

export async function exportReview(targets: readonly TargetReview[], lang: Lang, format: 'csv' | 'xlsx'): Promise<string> {
  const table = reviewTable(targets, lang);
  const file = `anju-review-${dateStamp(new Date())}.${format}`;
  if (format === 'csv') downloadText(tableToCsv(table), file, 'text/csv;charset=utf-8');
  else downloadBlob(await tableToXlsx(table, lang === 'zh' ? '实施评估' : 'Review'), file);
  return file;
}
