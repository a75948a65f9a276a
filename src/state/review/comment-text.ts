/**
 * Review comment text: plain text (never HTML; the app shows it as text), at most
 * COMMENT_MAX_CHARS characters, line breaks and tabs allowed, other control characters not.
 * `@name` mentions a project member by their exact user name.
 */

/** The longest comment or reply, in characters (code points). */
export const COMMENT_MAX_CHARS = 4000;

/** A sign-off note's limit, in characters. */
export const NOTE_MAX_CHARS = 1000;

export type TextCheck = { ok: true; text: string } | { ok: false; reason: 'empty' | 'too-long' | 'control-characters'; maxChars: number };

/** Trimmed text, or why it is refused. `allowEmpty` for optional notes. */
export function checkPlainText(raw: unknown, maxChars = COMMENT_MAX_CHARS, allowEmpty = false): TextCheck {
  if (typeof raw !== 'string') return { ok: false, reason: 'empty', maxChars };
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (!text && !allowEmpty) return { ok: false, reason: 'empty', maxChars };
  if ([...text].length > maxChars) return { ok: false, reason: 'too-long', maxChars };
  // Terminal escapes, NUL and bidi overrides have no place in a remark (the CLI prints comments too).
  // eslint-disable-next-line no-control-regex -- control characters are refused on purpose
  if (/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(text)) return { ok: false, reason: 'control-characters', maxChars };
  return { ok: true, text };
}

/**
 * The members a text mentions: `@` followed by a member's exact name. Chinese has no spaces
 * between words (`@王工请看`), so the longest member name that follows the `@` wins: with
 * members 王工 and 王工程, `@王工程…` mentions 王工程 and `@王工请看` mentions 王工.
 * Each name once, in the order of `memberNames`.
 */
export function findMentions(text: string, memberNames: readonly string[]): string[] {
  const found = new Set<string>();
  const names = [...memberNames].sort((a, b) => b.length - a.length);
  for (let i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i + 1)) {
    const rest = text.slice(i + 1);
    const name = names.find((n) => n && rest.startsWith(n));
    if (name) found.add(name);
  }
  return memberNames.filter((n) => found.has(n));
}
