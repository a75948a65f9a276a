import type { Checked } from '../domain/problem.ts';
import { formatProblem } from '../i18n/problems.ts';

/** An error the CLI reports as one line on stderr with a chosen exit code (never a stack trace). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The value of a check, or exit 1 with every problem in English, one per line. */
export function valueOrExit<T>(c: Checked<T>): T {
  if (!c.ok) throw new CliError(c.problems.map((p) => formatProblem(p, 'en')).join('\n'), 1);
  return c.value;
}
