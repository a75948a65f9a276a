/** The field a valibot issue is about, as Anju's problems name fields: `scenarios[0].allocations[3].units`. */
import type * as v from 'valibot';

export function issueField(issue: v.BaseIssue<unknown>): string {
  let s = '';
  for (const item of issue.path ?? []) {
    const key = item.key as string | number;
    s += typeof key === 'number' ? `[${key}]` : s ? `.${key}` : key;
  }
  return s;
}
