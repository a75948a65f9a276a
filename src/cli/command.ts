/**
 * The command line's plumbing types. A command is described by a `CommandSpec` (light: text
 * only, listed in main.ts) and implemented by a module loaded on demand that exports `run`.
 */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /**
   * Resolves once written output has gone to the reader (backpressure): a command writing much
   * (check --json on many scenarios) awaits it between parts, so memory stays bounded by one part.
   */
  drain?(): Promise<void>;
}

/** Run a command; returns the exit code. User errors throw CliError (or UsageError). */
export type CommandRun = (argv: string[], io: CliIO) => number | Promise<number>;

export interface CommandSpec {
  name: string;
  /** One line for `anju --help`. */
  summary: string;
  usage: string;
  /** `--help` lines describing the options and arguments, e.g. `--json   print JSON`. */
  options: readonly string[];
  /** The command's module, imported only when the command runs (keeps start-up fast). */
  load(): Promise<{ run: CommandRun }>;
}
