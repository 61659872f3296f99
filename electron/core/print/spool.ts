/**
 * Sending a PDF to a printer through the operating system's spooler: CUPS `lp` reading the PDF
 * on standard input, so no copy of the document is ever written to disk, started with
 * `execFile` and an argument array (never a shell string, so a printer name is only ever a
 * name). One path for `downtime print --printer` and the app's spooler fallback; both report
 * the job id CUPS gives (`request id is Ward-3B-42 (1 file(s))`), which IT and the nurse can
 * look up with `lpstat`.
 */
import type { execFile as ExecFile } from 'node:child_process';
import { AppError } from '../errors.ts';

export interface SpoolOptions {
  /** Null: the system's default printer. */
  readonly printer: string | null;
  /** 1 by default. */
  readonly copies?: number;
}

/** The job title the spooler shows: never a patient's name (print queues are visible to all). */
const JOB_TITLE = 'Downtime Viewer';
export const MAX_COPIES = 99;

/** The command line for a platform, or null where there is no spooler command that reads a PDF. */
export function spoolerCommand(
  platform: NodeJS.Platform,
  options: SpoolOptions,
): { file: string; args: string[] } | null {
  switch (platform) {
    case 'linux':
    case 'darwin':
    case 'freebsd':
      return {
        file: 'lp',
        args: [
          ...(options.printer ? ['-d', options.printer] : []),
          ...(options.copies !== undefined && options.copies !== 1
            ? ['-n', String(options.copies)]
            : []),
          '-t',
          JOB_TITLE,
          '--',
          '-',
        ],
      };
    default:
      // Windows has no spooler command that reads a PDF; the system dialog is the way there.
      return null;
  }
}

/** The job id in `lp`'s answer, or null when it printed none (some spoolers are silent). */
export function jobIdFromLp(stdout: string): string | null {
  return /request id is (\S+)/.exec(stdout)?.[1] ?? null;
}

/** Pipes `pdf` to the spooler and resolves with the job id once the spooler has taken it. */
export function sendToSpooler(
  pdf: Uint8Array,
  options: SpoolOptions,
  execFile: typeof ExecFile,
  platform: NodeJS.Platform = process.platform,
): Promise<{ jobId: string | null }> {
  const copies = options.copies ?? 1;
  if (!Number.isInteger(copies) || copies < 1 || copies > MAX_COPIES) {
    return Promise.reject(
      new AppError('invalid-argument', `Copies must be a whole number from 1 to ${MAX_COPIES}.`),
    );
  }
  const command = spoolerCommand(platform, options);
  if (!command) {
    return Promise.reject(
      new AppError(
        'io',
        'This system has no print spooler command that reads a PDF. Save the report as PDF and print it from another program.',
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const child = execFile(
      command.file,
      command.args,
      { timeout: 60_000, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) {
          // lp's own words name the printer problem ("The printer or class does not exist").
          const why = String(stderr).trim().split('\n')[0]?.slice(0, 200) ?? '';
          reject(
            new AppError(
              'io',
              `The printer did not accept the document (${command.file}${why ? `: ${why}` : ' failed'}). Check the printer name and that it is on, or save the report as PDF.`,
            ),
          );
        } else resolve({ jobId: jobIdFromLp(String(stdout)) });
      },
    );
    // A spooler that exits before reading everything closes the pipe: its exit code decides.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  });
}
