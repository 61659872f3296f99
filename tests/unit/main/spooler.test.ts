/**
 * The spooler path shared by `downtime print --printer` and the app's fallback: argument arrays
 * for execFile (never a shell string), the PDF on standard input, the job id read back.
 */
import type { execFile as ExecFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jobIdFromLp, sendToSpooler, spoolerCommand } from '../../../electron/core/print/spool.ts';

describe('the spooler command', () => {
  it('sends the PDF to lp on standard input, with the chosen printer and copies', () => {
    expect(spoolerCommand('linux', { printer: 'Ward 3B', copies: 3 })).toEqual({
      file: 'lp',
      args: ['-d', 'Ward 3B', '-n', '3', '-t', 'Downtime Viewer', '--', '-'],
    });
  });

  it('uses the default printer when none is chosen', () => {
    expect(spoolerCommand('darwin', { printer: null })?.args).toEqual([
      '-t',
      'Downtime Viewer',
      '--',
      '-',
    ]);
  });

  it('keeps a hostile printer name a single argument', () => {
    const args = spoolerCommand('linux', { printer: 'x; rm -rf / #' })?.args ?? [];
    expect(args[1]).toBe('x; rm -rf / #');
  });

  it('has no spooler command on Windows (the print dialog is used there)', () => {
    expect(spoolerCommand('win32', { printer: null })).toBeNull();
  });

  it("reads the job id from lp's answer", () => {
    expect(jobIdFromLp('request id is Ward-3B-42 (1 file(s))\n')).toBe('Ward-3B-42');
    expect(jobIdFromLp('')).toBeNull();
  });
});

/** A fake execFile that records what it was given and answers like lp. */
function fakeLp(answer: { error?: Error; stdout?: string; stderr?: string }) {
  const seen: { file: string; args: readonly string[]; stdin: Buffer[] } = {
    file: '',
    args: [],
    stdin: [],
  };
  const execFile = ((
    file: string,
    args: readonly string[],
    _options: unknown,
    callback: (error: Error | null, stdout: string, stderr: string) => void,
  ) => {
    seen.file = file;
    seen.args = args;
    const stdin = new PassThrough();
    stdin.on('data', (c: Buffer) => seen.stdin.push(c));
    stdin.on('end', () => callback(answer.error ?? null, answer.stdout ?? '', answer.stderr ?? ''));
    return { stdin };
  }) as unknown as typeof ExecFile;
  return { execFile, seen };
}

describe('sending to the spooler', () => {
  it('pipes the whole PDF to lp and resolves with the job id', async () => {
    const { execFile, seen } = fakeLp({ stdout: 'request id is Ward-3B-7 (1 file(s))\n' });
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2, 3]);
    await expect(
      sendToSpooler(pdf, { printer: 'Ward-3B', copies: 2 }, execFile, 'linux'),
    ).resolves.toEqual({
      jobId: 'Ward-3B-7',
    });
    expect(seen.file).toBe('lp');
    expect(seen.args).toContain('-n');
    expect(Buffer.concat(seen.stdin)).toEqual(Buffer.from(pdf));
  });

  it("refuses with lp's reason when the printer does not accept the job", async () => {
    const { execFile } = fakeLp({
      error: new Error('exit 1'),
      stderr: 'lp: The printer or class does not exist.\n',
    });
    await expect(
      sendToSpooler(new Uint8Array([1]), { printer: 'Nope' }, execFile, 'linux'),
    ).rejects.toThrow(/lp: The printer or class does not exist\..*save the report as PDF/);
  });

  it('refuses a copy count out of range before starting lp', async () => {
    const { execFile, seen } = fakeLp({});
    await expect(
      sendToSpooler(new Uint8Array([1]), { printer: null, copies: 0 }, execFile, 'linux'),
    ).rejects.toThrow(/Copies must be a whole number/);
    expect(seen.file).toBe('');
  });
});
