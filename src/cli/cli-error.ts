import type { Checked, Problem } from '../domain/problem.ts';
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

/** A wrong command line: exit 2, and main prints the command's usage after the message. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/**
 * Thrown by an output function when the reader has gone (`anju check F | head -1`): the command
 * stops and `main` returns 0 without a word, as closing the pipe was the reader's choice.
 */
export class OutputClosed extends Error {
  constructor() {
    super('output closed');
    this.name = 'OutputClosed';
  }
}

/** At most this many problems are printed one per line; the rest are summarised by kind. */
export const MAX_LISTED_PROBLEMS = 20;

/**
 * Problems in English, one per line: the first `max`, then one line counting the rest by
 * code, so a file with a million bad cells prints a screenful, not 150 MB.
 */
export function formatProblemList(problems: readonly Problem[], max = MAX_LISTED_PROBLEMS): string {
  const lines = problems.slice(0, max).map((p) => formatProblem(p, 'en'));
  const byCode = new Map<string, number>();
  let more = 0;
  for (const p of problems.slice(max)) {
    // The importer's own cap ends its list with a `more-problems` note counting what it left out.
    if (p.code === 'more-problems') more += Number(p.params?.count) || 0;
    else byCode.set(p.code, (byCode.get(p.code) ?? 0) + 1);
  }
  const rest = more + [...byCode.values()].reduce((a, b) => a + b, 0);
  if (rest) {
    const kinds = [...byCode].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${n} × ${code}`);
    lines.push(`… and ${rest} more problem${rest === 1 ? '' : 's'} not listed${kinds.length ? ` (${kinds.join(', ')}${more ? ', …' : ''})` : ''}`);
  }
  return lines.join('\n');
}

/** Exit with the problems (capped, see formatProblemList). */
export function problemsError(problems: readonly Problem[], exitCode = 1): CliError {
  return new CliError(formatProblemList(problems), exitCode);
}

/** The value of a check, or exit 1 with its problems in English, one per line. */
export function valueOrExit<T>(c: Checked<T>): T {
  if (!c.ok) throw problemsError(c.problems, 1);
  return c.value;
}
