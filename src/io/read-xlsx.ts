/**
 * XLSX (Office Open XML workbook) → the rows of its first worksheet as text (the other sheets
 * are named in a warning, never silently left out), for the same
 * table reading as CSV (src/io/read-csv.ts). Only what a table of figures needs: shared and
 * inline strings, numbers, booleans and cached formula results, placed by their cell
 * reference (`C7`), so empty cells keep their column. Unzipped with fflate and parsed with
 * @xmldom/xmldom (both already used for Shapefiles and KML; Web Workers have no DOMParser).
 * Numbers are written back as JavaScript prints them (`12500`, `0.68`); dates stay serial numbers.
 */
import { unzipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import { problem, type Checked } from '../domain/problem.ts';
import { MAX_IMPORT_BYTES } from './limits.ts';

/** A worksheet's rows: `rows[k]` is the text of each cell of sheet row `rowNumbers[k]` (1-based). */
export interface SheetRows {
  sheetName: string;
  rows: string[][];
  rowNumbers: number[];
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function parseXml(text: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(text, 'text/xml');
  if (errors.length) throw new Error(errors[0]);
  return doc as unknown as Document;
}

const byTag = (node: Document | Element, tag: string): Element[] => Array.from(node.getElementsByTagNameNS(MAIN_NS, tag));

/** The text of a string item (`<si>` or `<is>`): its `<t>` runs joined, phonetic runs (`<rPh>`) left out. */
function itemText(si: Element): string {
  return byTag(si, 't')
    .filter((t) => (t.parentNode as Element | null)?.localName !== 'rPh')
    .map((t) => t.textContent ?? '')
    .join('');
}

/** `BC12` → 54 (0-based column index); -1 when the reference has no letters. */
function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/i.exec(ref)?.[0].toUpperCase() ?? '';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The path of the workbook's first sheet, from workbook.xml and its relationships, and the other sheets' names. */
function firstSheetPath(files: Record<string, Uint8Array>, dec: TextDecoder): { path: string; name: string; others: string[] } {
  const fallback = { path: 'xl/worksheets/sheet1.xml', name: 'Sheet1', others: [] };
  const wb = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (!wb || !rels) return fallback;
  const sheets = byTag(parseXml(dec.decode(wb)), 'sheet');
  const sheet = sheets[0];
  if (!sheet) return fallback;
  const others = sheets.slice(1).map((s, i) => s.getAttribute('name') ?? `#${i + 2}`);
  const rid = sheet.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id') ?? sheet.getAttribute('r:id');
  const rel = Array.from(parseXml(dec.decode(rels)).getElementsByTagName('Relationship')).find((r) => r.getAttribute('Id') === rid);
  const target = rel?.getAttribute('Target');
  if (!target) return { ...fallback, others };
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
  return { path, name: sheet.getAttribute('name') ?? fallback.name, others };
}

/** Read the first worksheet of an .xlsx file, or `xlsx-invalid` saying why it cannot be. */
export function readXlsxRows(bytes: Uint8Array, file: string): Checked<SheetRows> {
  const fail = (detail: string): Checked<SheetRows> => ({ ok: false, problems: [problem('xlsx-invalid', { file, params: { detail: detail.slice(0, 200) } })] });
  let files: Record<string, Uint8Array>;
  try {
    // Only the parts a table needs, each within the import limit (a zip bomb stops here).
    files = unzipSync(bytes, { filter: (f) => (f.name.startsWith('xl/') || f.name.endsWith('.rels')) && f.originalSize <= MAX_IMPORT_BYTES });
  } catch (e) {
    return fail(`not a zip archive (${e instanceof Error ? e.message : String(e)})`);
  }
  const dec = new TextDecoder('utf-8');
  try {
    const { path, name, others } = firstSheetPath(files, dec);
    const sheetBytes = files[path];
    if (!sheetBytes) return fail(`no worksheet (${path}) in the workbook`);
    const shared = files['xl/sharedStrings.xml'] ? byTag(parseXml(dec.decode(files['xl/sharedStrings.xml'])), 'si').map(itemText) : [];
    const sheet = parseXml(dec.decode(sheetBytes));
    const rows: string[][] = [];
    const rowNumbers: number[] = [];
    let lastRow = 0;
    for (const rowEl of byTag(sheet, 'row')) {
      const rowNumber = Number(rowEl.getAttribute('r')) || lastRow + 1;
      lastRow = rowNumber;
      const cells: string[] = [];
      let next = 0;
      for (const c of byTag(rowEl, 'c')) {
        const ref = c.getAttribute('r');
        const col = ref ? columnIndex(ref) : next;
        next = col + 1;
        if (col < 0 || col > 16383) continue;
        const t = c.getAttribute('t');
        const v = byTag(c, 'v')[0]?.textContent ?? '';
        let text: string;
        if (t === 's') text = shared[Number(v)] ?? '';
        else if (t === 'inlineStr') text = byTag(c, 'is')[0] ? itemText(byTag(c, 'is')[0]) : '';
        else if (t === 'b') text = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : v;
        else if (t === 'e') text = v; // #DIV/0! and friends: kept as text, so a number column refuses them by row
        else if (t === 'str' || v === '') text = v;
        else text = Number.isFinite(Number(v)) ? String(Number(v)) : v;
        while (cells.length < col) cells.push('');
        cells[col] = text;
      }
      rows.push(cells);
      rowNumbers.push(rowNumber);
    }
    const warnings = others.length ? [problem('xlsx-other-sheets', { file, params: { sheet: name, count: others.length, others: others.slice(0, 8).join('、') + (others.length > 8 ? ' …' : '') } }, 'warning')] : [];
    return { ok: true, value: { sheetName: name, rows, rowNumbers }, warnings };
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
}
