import { describe, expect, it } from 'vitest';
import { isBlock, parseTsvBlock } from '../../../src/io/tsv-block.ts';

describe('parseTsvBlock: what spreadsheets put on the clipboard', () => {
  it('reads Excel rows (CRLF, trailing line break) and LibreOffice rows (LF)', () => {
    expect(parseTsvBlock('10\t20\t30\r\n1,200\t\t3万\r\n')).toEqual([['10', '20', '30'], ['1,200', '', '3万']]);
    expect(parseTsvBlock('1\t2\n3\t4\n')).toEqual([['1', '2'], ['3', '4']]);
    expect(parseTsvBlock('5')).toEqual([['5']]);
    expect(parseTsvBlock('')).toEqual([]);
  });

  it('keeps empty cells at either end of a row and empty rows inside the block', () => {
    expect(parseTsvBlock('\t7\t\n\n8\n')).toEqual([['', '7', ''], [''], ['8']]);
  });

  it('unquotes cells Excel quoted (tab, line break or quote inside), and leaves a stray quote as text', () => {
    expect(parseTsvBlock('"1,2\n00"\t"say ""hi"""\r\n9\t5"\r\n')).toEqual([['1,2\n00', 'say "hi"'], ['9', '5"']]);
    expect(parseTsvBlock('"12" units\t4')).toEqual([['"12" units', '4']]);
  });

  it('tells a block from one value (a single cell copied from Excel ends in a line break)', () => {
    expect(['10\t20', '1\n2', '1,200\r\n', '1,200', '3万\n'].map(isBlock)).toEqual([true, true, false, false, false]);
  });
});
