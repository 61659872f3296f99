/**
 * The fallback printer path of the app: when the system print dialog cannot be shown, the PDF
 * goes to the OS spooler by the same path as `downtime print --printer` (core/print/spool.ts).
 */
import { execFile } from 'node:child_process';
import { sendToSpooler } from '../core/print/spool.ts';

export function spoolPdf(
  pdf: Uint8Array,
  printer: string | null,
): Promise<{ jobId: string | null }> {
  return sendToSpooler(pdf, { printer }, execFile);
}
