/** A subcommand of `anju`. `run` returns the exit code; user errors throw CliError. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIO): number | Promise<number>;
}
