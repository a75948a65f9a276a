/**
 * Problems as one line, with the problem texts (problem-text.ts and its Chinese templates) loaded
 * on first use: for the error views (ViewError.svelte, fatal-page.ts), which show a problem only
 * when a project file the user picked cannot be opened, so the first load does not carry them.
 * Should the texts fail to load (the server went away), the line still names each problem's code
 * and where it is: never an empty note.
 */
import type { Problem } from '../domain/problem.ts';
import type { Lang } from './lang.ts';

export async function problemsLine(problems: readonly Problem[], lang: Lang, separator: string): Promise<string> {
  try {
    const { formatProblem } = await import('./problem-text.ts');
    return problems.map((p) => formatProblem(p, lang)).join(separator);
  } catch {
    const where = (p: Problem) => [p.file, p.featureIndex === undefined ? '' : `#${p.featureIndex + 1}`, p.row === undefined ? '' : `:${p.row}`, p.field].filter(Boolean).join(' ');
    return problems.map((p) => `${p.code} ${where(p)}`.trim()).join(separator);
  }
}
