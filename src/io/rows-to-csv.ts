/**
 * The one CSV writer (the board table export, the audit log, …): for Excel, UTF-8 with a
 * byte-order mark so Excel reads Chinese correctly, CRLF line ends, RFC 4180 quoting, and
 * text a spreadsheet would run as a formula neutralised (CSV injection).
 */
import Papa from 'papaparse';

/** U+FEFF: Excel takes a CSV without it for the local code page (GBK on Chinese Windows). */
export const UTF8_BOM = '\uFEFF';

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @) or that starts with a tab or a
 * carriage return (which some strip before the formula check): OWASP's CSV-injection list.
 * Papaparse's own pattern misses a formula with a line break in it, hence this one.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | null;

/**
 * CSV text starting with the BOM, a header row then the rows. Text cells that a spreadsheet
 * would evaluate (a board or site named `=HYPERLINK(…)`) get a leading `'`, as Excel and
 * LibreOffice expect for text; numbers (negative ones too) stay numbers; null is empty.
 */
export function rowsToCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const data = [[...header], ...rows.map((r) => r.map((c) => (c === null ? '' : c)))];
  return UTF8_BOM + Papa.unparse(data, { newline: '\r\n', escapeFormulae: FORMULA_START });
}
