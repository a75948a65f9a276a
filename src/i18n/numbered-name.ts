/**
 * Default names that never repeat: 地块1, 地块2 … continue after the highest number already in
 * use (in either language's form of the message), so deleting 地块2 of three and adding one
 * gives 地块4, not a second 地块3. Never below the count + 1, so "方案一" and "方案2" are followed by 方案3.
 */
import type { Lang } from './lang.ts';
import { LANGS } from './lang.ts';
import { translate } from './messages/index.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The message `key` (a template with `{n}`) filled with one more than the highest `n` any of
 * `existing` names uses in Chinese or English, or than the number of names if that is more.
 */
export function nextNumberedName(key: string, existing: readonly string[], lang: Lang): string {
  let max = existing.length;
  for (const l of LANGS) {
    const [before, after = ''] = translate(l, key, { n: '\u0000' }).split('\u0000');
    const re = new RegExp(`^${escape(before)}(\\d+)${escape(after)}$`);
    for (const name of existing) {
      const m = re.exec(name.trim());
      if (m) max = Math.max(max, Number(m[1]));
    }
  }
  return translate(lang, key, { n: max + 1 });
}
