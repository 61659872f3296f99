/**
 * The fallback printer path: hand the PDF to the OS spooler with `execFile` (never a shell
 * string). CUPS `lp` reads the PDF from standard input, so no copy is written to disk.
 */
import type { execFile as ExecFile } from 'node:child_process';
import { AppError } from '../core/errors.ts';

/** The command line for a platform; exported for its unit test. */
export function spoolerCommand(
  platform: NodeJS.Platform,
  printer: string | null,
): { file: string; args: string[] } | null {
  switch (platform) {
    case 'linux':
    case 'darwin':
    case 'freebsd':
      return {
        file: 'lp',
        args: [...(printer ? ['-d', printer] : []), '-t', 'Downtime Viewer', '--', '-'],
      };
    default:
      // Windows has no spooler command that reads a PDF; the system dialog is the way there.
      return null;
  }
}

export function spoolPdf(
  pdf: Uint8Array,
  printer: string | null,
  execFile: typeof ExecFile,
): Promise<void> {
  const command = spoolerCommand(process.platform, printer);
  if (!command) {
    return Promise.reject(
      new AppError(
        'io',
        'The print dialog could not be opened and this system has no print spooler command. Save the report as PDF and print it from another program.',
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const child = execFile(command.file, command.args, { timeout: 60_000 }, (error) => {
      if (error)
        reject(
          new AppError(
            'io',
            `The printer did not accept the document (${command.file} failed). Check the printer, or save the report as PDF.`,
          ),
        );
      else resolve();
    });
    child.stdin?.end(Buffer.from(pdf));
  });
}
