/**
 * `downtime`: the command-line interface for hospital IT (DESIGN.md section 5). Dispatches to
 * one module per command; turns `AppError` into exit 1 with one line naming the cause, and
 * `UsageError` into exit 2 with the command's usage.
 */
import { isAppError } from '../core/errors.ts';
import { versionInfo } from '../core/version.ts';
import { type CliIo, type Command, UsageError } from './cli-kit.ts';
import { auditCommand } from './commands/audit.ts';
import { demoCommand } from './commands/demo.ts';
import { exportCommand } from './commands/export.ts';
import { inspectCommand } from './commands/inspect.ts';
import { installCommand } from './commands/install.ts';
import { keygenCommand } from './commands/keygen.ts';
import { printCommand } from './commands/print.ts';
import { registrationsCommand } from './commands/registrations.ts';
import { settingsCommand } from './commands/settings.ts';
import { statusCommand } from './commands/status.ts';
import { verifyCommand } from './commands/verify.ts';

export const COMMANDS: readonly Command[] = [
  keygenCommand,
  demoCommand,
  exportCommand,
  verifyCommand,
  inspectCommand,
  printCommand,
  installCommand,
  statusCommand,
  registrationsCommand,
  settingsCommand,
  auditCommand,
];

const stdio: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'downtime — Downtime Viewer command line',
    '',
    'Usage: downtime <command> [options]    (downtime <command> --help for details)',
    '       downtime --version',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

function versionText(): string {
  const v = versionInfo();
  return [
    `downtime ${v.app}`,
    `commit ${v.commit}`,
    `export format ${v.exportFormat}, data schema ${v.schema}`,
    `node ${process.versions.node}`,
  ].join('\n');
}

export async function main(argv: readonly string[], io: CliIo = stdio): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.out(versionText());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`downtime: unknown command "${name}"\n\n${overview()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`downtime ${command.name}: ${e.message}\n\n${command.usage}`);
      return 2;
    }
    if (isAppError(e)) {
      io.err(`downtime ${command.name}: ${e.message}`);
      return 1;
    }
    // Unexpected: one line, no stack (a stack could carry data from the input).
    io.err(
      `downtime ${command.name}: unexpected failure (${e instanceof Error ? e.name : 'error'}); please report this to IT.`,
    );
    return 1;
  }
}
