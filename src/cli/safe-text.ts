/**
 * Text the command line writes to a terminal comes partly from users' files (scenario names,
 * board names, file names, values in messages). Control characters in it could move the
 * cursor, recolour or clear the screen, or hide text (ESC sequences, NUL, DEL, C1 controls,
 * bidirectional overrides), so they are written as visible `\uXXXX` escapes. Newline and tab
 * are kept (messages span lines). In JSON output this changes nothing a parser sees: JSON
 * already escapes C0 controls, and the others can occur only inside strings, where `\uXXXX`
 * means the same character.
 */
// C0 except tab and newline; DEL and C1; zero-width and bidi controls; line/paragraph separators.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A user's string quoted for a text line: JSON quoting (so a newline cannot fake a line), controls escaped. */
export function quoteUserText(text: string): string {
  return escapeControls(JSON.stringify(text));
}
