import { describe, expect, it } from 'vitest';
import { checkFileSize } from '../../../../src/ui/import/file-limit.ts';
import { formatProblem } from '../../../../src/i18n/problems.ts';
import { MAX_IMPORT_BYTES } from '../../../../src/io/limits.ts';

describe('checkFileSize', () => {
  it('accepts a file at the limit and refuses one byte more, stating the limit', () => {
    expect(checkFileSize({ name: 'a.geojson', size: MAX_IMPORT_BYTES })).toBeNull();
    const p = checkFileSize({ name: 'huge.geojson', size: MAX_IMPORT_BYTES + 1 });
    expect(p && formatProblem(p, 'zh')).toBe('huge.geojson: 文件过大（200.0 MB），上限为 200 MB');
    expect(p && formatProblem(p, 'en')).toBe('huge.geojson: the file is too large (200.0 MB); the limit is 200 MB');
  });

  it('uses a lower limit when given one', () => {
    const p = checkFileSize({ name: 'b.csv', size: 3 * 1048576 }, 2 * 1048576);
    expect(p && formatProblem(p, 'en')).toBe('b.csv: the file is too large (3.0 MB); the limit is 2 MB');
  });
});
