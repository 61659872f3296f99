/**
 * Downtime registrations: the charge nurse issues the next reserved downtime number to a new
 * arrival, and the laptop remembers it. One append-only JSON-lines file in the store folder,
 * beside the audit trail and outside `exports/`, so installing (and pruning) exports never
 * touches it:
 *
 *   DIR/registrations.jsonl   one line per number issued: seq, number, when, by whom, ward, export
 *
 * The rule that matters: a number is never issued twice on this laptop. The next number is the
 * first of the current export's reserved list that this file does not already hold — so after a
 * restart, or once a newer export (with the same list, or a longer one) is installed, numbers go
 * on after those issued. Issuing reads the file and appends under the same lock the audit uses,
 * so two windows (or the app and the CLI) cannot hand out the same number at once.
 */
import { closeSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { appendAudit } from '../audit/audit-log.ts';
import { withFileLock } from '../audit/file-lock.ts';
import { AppError } from '../errors.ts';

export const REGISTRATIONS_FILE = 'registrations.jsonl';

export const RegistrationSchema = z
  .object({
    seq: z.number().int().positive(),
    number: z.string().min(1),
    issuedAt: z.iso.datetime({ offset: true }),
    issuedBy: z.string(),
    device: z.string(),
    wardId: z.string().nullable(),
    wardName: z.string().nullable(),
    /** The export whose reserved list the number came from. */
    exportId: z.string(),
  })
  .strict();
export type Registration = z.infer<typeof RegistrationSchema>;

export interface IssueRequest {
  /** The store folder (its audit trail gets a `registration-issued` line). */
  readonly storeDir: string;
  readonly auditFile: string;
  /** The current export's reserved numbers, in the order IT gave them. */
  readonly reserved: readonly string[];
  readonly exportId: string;
  readonly wardId: string | null;
  readonly wardName: string | null;
  readonly user: string;
  readonly device: string;
  readonly now?: Date;
}

const fileOf = (storeDir: string): string => join(storeDir, REGISTRATIONS_FILE);

/**
 * Every number issued on this laptop, oldest first. A damaged line is refused by position, not
 * skipped: skipping it could hand out its number again.
 */
export function readRegistrations(storeDir: string): Registration[] {
  return readFile(fileOf(storeDir)).registrations;
}

/**
 * The file's confirmed lines, and how many bytes they take. A line cut short by a power cut is
 * the last one, without its newline: its number was never shown to anyone (issuing returns only
 * after the fsync), so it does not count and the next append replaces it.
 */
function readFile(file: string): { registrations: Registration[]; confirmedBytes: number } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      return { registrations: [], confirmedBytes: 0 };
    throw new AppError('io', `Cannot read ${file}; check the disk and its permissions.`);
  }
  const confirmed = text.slice(0, text.lastIndexOf('\n') + 1);
  const lines = confirmed.split('\n').slice(0, -1);
  const registrations = lines.map((line, i) => {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      json = null;
    }
    const parsed = RegistrationSchema.safeParse(json);
    if (!parsed.success || parsed.data.seq !== i + 1) {
      throw new AppError(
        'invalid-config',
        `${file}, line ${i + 1}, is damaged; no number is issued until IT restores the file (the audit trail lists every number issued).`,
      );
    }
    return parsed.data;
  });
  return { registrations, confirmedBytes: Buffer.byteLength(confirmed, 'utf8') };
}

/** The first reserved number not yet issued, or null when the list is used up. */
export function nextDowntimeId(
  reserved: readonly string[],
  issued: readonly Pick<Registration, 'number'>[],
): string | null {
  const taken = new Set(issued.map((r) => r.number));
  return reserved.find((number) => !taken.has(number)) ?? null;
}

/** What is left of the current list: how many numbers can still be issued. */
export function remainingDowntimeIds(
  reserved: readonly string[],
  issued: readonly Pick<Registration, 'number'>[],
): number {
  const taken = new Set(issued.map((r) => r.number));
  return reserved.filter((number) => !taken.has(number)).length;
}

/**
 * Issues the next number: chooses it, appends it durably (fsync) and audits it, all under the
 * registrations lock. Throws when the export carries no numbers or they are all issued.
 */
export function issueRegistration(request: IssueRequest): Registration {
  const file = fileOf(request.storeDir);
  const now = request.now ?? new Date();
  return withFileLock(`${file}.lock`, () => {
    const { registrations: issued, confirmedBytes } = readFile(file);
    if (request.reserved.length === 0) {
      throw new AppError(
        'not-found',
        'This export carries no downtime numbers; ask IT for an export made with --downtime-ids.',
      );
    }
    const number = nextDowntimeId(request.reserved, issued);
    if (number === null) {
      throw new AppError(
        'not-found',
        `All ${request.reserved.length} downtime numbers of this export have been issued; ask IT for an export with more.`,
      );
    }
    const registration: Registration = {
      seq: issued.length + 1,
      number,
      issuedAt: now.toISOString(),
      issuedBy: request.user,
      device: request.device,
      wardId: request.wardId,
      wardName: request.wardName,
      exportId: request.exportId,
    };
    appendLine(file, confirmedBytes, `${JSON.stringify(registration)}\n`);
    appendAudit(
      request.auditFile,
      {
        event: 'registration-issued',
        device: request.device,
        user: request.user,
        detail: {
          number,
          exportId: request.exportId,
          ...(request.wardId === null ? {} : { ward: request.wardId }),
        },
      },
      now,
    );
    return registration;
  });
}

/** Writes `line` at `offset` (the end of the confirmed lines) and fsyncs it. */
function appendLine(file: string, offset: number, line: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'a+', 0o600);
    ftruncateSync(fd, offset);
    writeSync(fd, line);
    fsyncSync(fd);
  } catch {
    throw new AppError(
      'io',
      `Cannot write ${file}; no number was issued. Check the disk, then try again.`,
    );
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
