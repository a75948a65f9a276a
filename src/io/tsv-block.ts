/**
 * A block of cells copied from a spreadsheet (Excel, WPS, LibreOffice, Google Sheets): the
 * clipboard's text/plain is tab-separated, rows end in CRLF or LF, the block ends with one
 * line break, and a cell holding a tab, a line break or a quote is quoted with "…" (inner
 * quotes doubled). Pure; tested in Node.
 */

/** Rows of cell texts, as copied. A trailing line break does not make an empty last row. */
export function parseTsvBlock(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  const endCell = () => {
    row.push(cell);
    cell = '';
    atCellStart = true;
  };
  while (i < text.length) {
    const ch = text[i];
    if (atCellStart && ch === '"') {
      // A quoted cell: read to the closing quote; "" is a literal quote.
      const start = i;
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < text.length) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        value += text[j++];
      }
      // Only a quote that closes right before a separator is quoting; else the quote is text.
      if (closed && (j === text.length || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) {
        cell = value;
        i = j;
        atCellStart = false;
        continue;
      }
      i = start;
    }
    atCellStart = false;
    if (ch === '\t') endCell();
    else if (ch === '\r' || ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    } else cell += ch;
    i++;
  }
  if (!atCellStart || cell !== '' || row.length) endCell();
  if (row.length) rows.push(row);
  return rows;
}

/** True when pasted text is more than one cell (it holds a tab or a line break before its end). */
export function isBlock(text: string): boolean {
  return /[\t\r\n]/.test(text.replace(/(\r\n|\r|\n)$/, ''));
}
