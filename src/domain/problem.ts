/**
 * A problem found in user input: what is wrong (code), where (file, feature, row, field),
 * and the values that explain it. The UI and CLI render it in Chinese or English with
 * src/i18n/problems.ts; the core never builds user-facing sentences itself.
 */
export interface Problem {
  code: string;
  severity: 'error' | 'warning';
  file?: string;
  /** 0-based index of the feature in the file. */
  featureIndex?: number;
  /** 1-based line/row in a text file. */
  row?: number;
  field?: string;
  params?: Record<string, string | number>;
}

/** Result of checking user input: the value, or the problems that stop it. */
export type Checked<T> = { ok: true; value: T; warnings: Problem[] } | { ok: false; problems: Problem[] };

export function problem(code: string, where: Omit<Problem, 'code' | 'severity'> = {}, severity: Problem['severity'] = 'error'): Problem {
  return { code, severity, ...where };
}
