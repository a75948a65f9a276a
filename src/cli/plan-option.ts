/**
 * `--plan FILE`, the one option every command takes: work against that plan package
 * (docs/plan-package.md) instead of the built-in 2021–2025 plan. main.ts takes it off the
 * arguments before the command parses the rest, and loads the package (plan-option-load.ts)
 * only when it is given, so commands that never see it stay as fast as they were.
 */
import { UsageError } from './cli-error.ts';

export const PLAN_OPTION_HELP = '--plan FILE        a plan package (规划包, docs/plan-package.md) to work against instead of the built-in 2021–2025 plan: its years, boards, targets, rules';

/** `--plan FILE` or `--plan=FILE` taken off `argv`: the path (null when absent) and the other arguments. */
export function takePlanOption(argv: readonly string[]): { path: string | null; rest: string[] } {
  let path: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    let value: string | undefined;
    if (a === '--plan') {
      value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError('--plan needs a file');
    } else if (a.startsWith('--plan=')) value = a.slice('--plan='.length);
    else {
      rest.push(a);
      continue;
    }
    if (path !== null) throw new UsageError('--plan given twice');
    if (!value) throw new UsageError('--plan needs a file');
    path = value;
  }
  return { path, rest };
}
