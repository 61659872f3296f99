/**
 * The small kit every `downtime` command is written with: argument parsing on `node:util`,
 * one usage error type (exit 2), and output streams passed in so tests can capture them.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export interface Command {
  /** As typed: `verify`, `keygen`, `audit` … (sub-commands are the command's own business). */
  readonly name: string;
  readonly summary: string;
  /** The full `--help` text. */
  readonly usage: string;
  /** Returns the exit code: 0 ok, 1 refused or failed, 2 usage. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** Wrong or missing arguments: the command prints its usage and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `parseArgs` with `--help` built in and unknown flags reported as `UsageError`. */
export function parseCommandArgs<O extends Options>(argv: readonly string[], options: O) {
  try {
    return parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

/** A required string option, or a `UsageError` naming it. */
export function requireOption(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new UsageError(`missing ${flag}`);
  }
  return value;
}

/** Options given more than once (`--trust a.pub --trust b.pub`) as a list. */
export function optionList(value: string | boolean | (string | boolean)[] | undefined): string[] {
  if (value === undefined) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === 'string');
}
