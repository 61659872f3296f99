/** The spooler fallback: argument arrays for execFile, never a shell string. */
import { describe, expect, it } from 'vitest';
import { spoolerCommand } from '../../../electron/main/spooler.ts';

describe('the spooler command', () => {
  it('sends the PDF to lp on standard input, with the chosen printer', () => {
    expect(spoolerCommand('linux', 'Ward 3B')).toEqual({
      file: 'lp',
      args: ['-d', 'Ward 3B', '-t', 'Downtime Viewer', '--', '-'],
    });
  });

  it('uses the default printer when none is chosen', () => {
    expect(spoolerCommand('darwin', null)?.args).toEqual(['-t', 'Downtime Viewer', '--', '-']);
  });

  it('keeps a hostile printer name a single argument', () => {
    const args = spoolerCommand('linux', 'x; rm -rf / #')?.args ?? [];
    expect(args[1]).toBe('x; rm -rf / #');
  });

  it('has no spooler command on Windows (the print dialog is used there)', () => {
    expect(spoolerCommand('win32', null)).toBeNull();
  });
});
