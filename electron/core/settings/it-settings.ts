/**
 * Who may change what the laptop trusts (issue 15, H1). The settings split in two:
 * - **clinical** settings (language, lock timeout, data-age thresholds, paper, printer, time
 *   zone, administration times): the ward keeps them, in `settings.json`, changed in the app
 *   with the ward passphrase;
 * - **IT settings** (`IT_SETTING_KEYS`: the trust, inbox and store folders, retention, and the
 *   rollback guard's reset): they decide which exports the laptop believes and where it reads
 *   them, so they come only from `settings.signed`, a file signed by the site key
 *   (`downtime settings sign`) and verified against the trust store shipped with the app
 *   (never against a folder the file itself could name). The ward passphrase, which every nurse
 *   knows and a compromised renderer sees at unlock, cannot change them; IT fields found in the
 *   plain `settings.json` are ignored and reported.
 *
 * The signed file is JSON: `{"payload": "<JSON text>", "signer": "<hex Ed25519 key>",
 * "signature": "<base64>"}`, the signature over the payload's UTF-8 bytes; the payload is
 * `{"kind": "downtime-it-settings", "version": 1, "issuedAt": ISO, "settings": {…},
 * "rollbackReset"?: "<id>"}`.
 *
 * **An old signed file put back stays refused.** A signed file stays signed forever, so the
 * laptop keeps the one it accepted — its text and `issuedAt`, MAC'd with the laptop key — in
 * `settings.signed.mark` (`ItSettingsMark`) and refuses a file issued earlier (or a different
 * one issued at the same instant), keeping the accepted one; so does a settings.signed that is
 * deleted or garbled. `issuedAt` may not be later than the laptop's clock plus the rollback
 * guard's skew, so one mistaken date cannot shut out every later file. IT goes back to the
 * defaults by signing a newer file with no settings.
 *
 * **A mark edited or deleted is not "no record"** (else the old copy would come back with it):
 * the running app rewrites it from the one it holds; at start it becomes "none accepted,
 * nothing issued before now", so settings.signed is not used until IT signs a newer file. Each
 * problem is also a readiness fact (`findings`), red when trust is in doubt.
 */
import { createHmac, sign, timingSafeEqual, verify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../store/atomic-file.ts';
import { MAX_CLOCK_AHEAD_MS } from '../store/rollback.ts';
import { z } from 'zod';
import { readinessFact, type ReadinessFact } from '../../common/readiness.ts';
import { AppError } from '../errors.ts';
import { ed25519PublicKey, ed25519Raw, type TrustStore } from '../keys/trust-store.ts';
import type { SiteKey } from '../keys/site-key.ts';
import {
  DEFAULT_SETTINGS,
  IT_FIELD_SCHEMAS,
  IT_SETTING_KEYS,
  isItSettingKey,
  type ItSettingKey,
  type LoadedSettings,
  type Settings,
} from './settings.ts';

export type ItSettings = Pick<Settings, ItSettingKey>;

const MAX_SIGNED_BYTES = 64 * 1024;

export const ItSettingsPayloadSchema = z
  .object({
    kind: z.literal('downtime-it-settings'),
    version: z.literal(1),
    issuedAt: z.iso.datetime({ offset: true }),
    /** Only the IT fields; those left out keep their defaults. */
    settings: z.object(IT_FIELD_SCHEMAS).partial().strict(),
    /**
     * Forget the rollback guard's high-water mark (after a mistaken or forged export was
     * installed): applied once per id, recorded in the rollback state.
     */
    rollbackReset: z.string().min(1).max(100).optional(),
  })
  .strict();
export type ItSettingsPayload = z.infer<typeof ItSettingsPayloadSchema>;

const SignedFileSchema = z
  .object({
    payload: z.string().max(MAX_SIGNED_BYTES),
    signer: z.string().regex(/^[0-9a-f]{64}$/),
    signature: z.string().max(200),
  })
  .strict();

/** IT's side (`downtime settings sign`): validates the payload and signs it with the site key. */
export function signItSettings(input: unknown, siteKey: SiteKey): string {
  const parsed = ItSettingsPayloadSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'invalid-config',
      `The IT settings are invalid at "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}; only ${IT_SETTING_KEYS.join(', ')} (and rollbackReset) belong in them.`,
    );
  }
  const payload = JSON.stringify(parsed.data);
  const signature = sign(null, Buffer.from(payload, 'utf8'), siteKey.privateKey);
  return `${JSON.stringify(
    {
      payload,
      signer: ed25519Raw(siteKey.publicKey).toString('hex'),
      signature: signature.toString('base64'),
    },
    null,
    1,
  )}\n`;
}

/** The laptop's side: the payload if a key of `trust` signed exactly it; else `invalid-config`. */
export function verifyItSettings(text: string, trust: TrustStore): ItSettingsPayload {
  return verifySignedSettings(text, trust).payload;
}

/** A verified settings file: its payload and the fingerprint of the trusted key that signed it. */
export interface VerifiedItSettings {
  readonly payload: ItSettingsPayload;
  readonly signer: string;
  /** The signed payload's text, exactly (two files say the same when these are equal). */
  readonly payloadText: string;
}

function verifySignedSettings(text: string, trust: TrustStore): VerifiedItSettings {
  const refuse = (why: string) =>
    new AppError('invalid-config', `The signed IT settings file ${why}; it is not used.`);
  let file: z.infer<typeof SignedFileSchema>;
  try {
    file = SignedFileSchema.parse(JSON.parse(text));
  } catch {
    throw refuse('is not a settings file made by "downtime settings sign"');
  }
  const signerRaw = Buffer.from(file.signer, 'hex');
  const trusted = trust.signers.find((s) => ed25519Raw(s.publicKey).equals(signerRaw));
  if (!trusted) throw refuse('is signed by a key this laptop does not trust');
  const key = ed25519PublicKey(signerRaw);
  if (
    !verify(null, Buffer.from(file.payload, 'utf8'), key, Buffer.from(file.signature, 'base64'))
  ) {
    throw refuse('does not match its signature (edited after signing)');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(file.payload);
  } catch {
    throw refuse('holds a payload that is not JSON');
  }
  const parsed = ItSettingsPayloadSchema.safeParse(payload);
  if (!parsed.success) throw refuse('is signed but its settings are invalid');
  return { payload: parsed.data, signer: trusted.fingerprint, payloadText: file.payload };
}

/** Where the accepted settings file is kept (beside settings.signed) and the key that MACs it. */
export interface ItSettingsMark {
  readonly file: string;
  readonly key: Buffer;
}

/**
 * What the mark holds: the accepted settings.signed (`signed`, '' when none is) and its
 * `issuedAt` — the floor below which a file is refused. A mark found edited or deleted is
 * replaced by one with no accepted file, the floor at that moment, and `broken` saying why:
 * until IT signs a new file (issued after the floor), settings.signed is not used.
 */
export interface MarkRecord {
  readonly issuedAt: string;
  readonly signed: string;
  readonly broken?: 'damaged' | 'missing';
}

const MarkFileSchema = z
  .object({
    version: z.literal(1),
    issuedAt: z.string().max(40),
    /** The accepted settings.signed, exactly as read (it is re-verified at each use). */
    signed: z.string().max(2 * MAX_SIGNED_BYTES),
    broken: z.enum(['damaged', 'missing']).optional(),
    mac: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

const markMac = (key: Buffer, record: MarkRecord): string => {
  const hmac = createHmac('sha256', key)
    .update(`downtime-viewer it-settings mark v1\0${record.issuedAt}\0`)
    .update(record.signed, 'utf8');
  // Appended only when set, so marks written before `broken` existed still verify.
  if (record.broken) hmac.update(`\0broken:${record.broken}`);
  return hmac.digest('hex');
};

type MarkRead = { state: 'ok'; record: MarkRecord } | { state: 'none' | 'damaged' };

function readMark(mark: ItSettingsMark): MarkRead {
  if (!existsSync(mark.file)) return { state: 'none' };
  try {
    const {
      mac,
      version: _version,
      ...record
    } = MarkFileSchema.parse(JSON.parse(readFileSync(mark.file, 'utf8')));
    const expected = Buffer.from(markMac(mark.key, record), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(mac, 'hex'))) return { state: 'damaged' };
    return { state: 'ok', record };
  } catch {
    return { state: 'damaged' };
  }
}

function writeMark(mark: ItSettingsMark, record: MarkRecord): void {
  const content = { version: 1, ...record, mac: markMac(mark.key, record) };
  writeFileAtomic(mark.file, `${JSON.stringify(content)}\n`);
}

/** Whether `candidate` may replace the accepted file: issued later, or the very same payload. */
function supersedes(candidate: VerifiedItSettings, accepted: VerifiedItSettings): boolean {
  const by = Date.parse(candidate.payload.issuedAt) - Date.parse(accepted.payload.issuedAt);
  return by > 0 || (by === 0 && candidate.payloadText === accepted.payloadText);
}

/** A problem with IT's settings for the readiness check: red when trust is in doubt. */
export interface ItSettingsFinding {
  readonly level: 'amber' | 'red';
  readonly fact: ReadinessFact;
}

export interface LaptopSettings {
  readonly settings: Settings;
  /** One sentence per problem, for the log and the settings screen. */
  readonly problems: string[];
  /** The same problems about settings.signed and its mark, as readiness facts, worst first. */
  readonly findings: ItSettingsFinding[];
  /** The verified IT payload in use, or null (none accepted: IT defaults). */
  readonly it: ItSettingsPayload | null;
  /** The fingerprint of the key that signed `it`. */
  readonly itSigner: string | null;
  /** The mark as it now stands on disk (null without one): the running app remembers it. */
  readonly record: MarkRecord | null;
}

/** IT's signed rollback reset, with who signed it and when (for its audit line). */
export interface SignedReset {
  readonly id: string;
  readonly issuedAt: string;
  readonly signer: string;
}

export interface SignedSettingsSource {
  readonly file: string;
  readonly trust: () => TrustStore;
  /** The accepted file's record; null: no memory of it (an old file is not refused). */
  readonly mark?: ItSettingsMark | null;
  /**
   * The laptop ran before (its key was already there), so a missing mark was deleted, not
   * never written: the first start writes one even with no settings.signed.
   */
  readonly markExpected?: boolean;
  /** The mark the running app last saw: rewrites one edited or deleted while it runs. */
  readonly remembered?: () => MarkRecord | null;
  readonly now?: () => Date;
}

/**
 * The laptop's settings: the clinical ones from `settings.json` (IT fields there ignored), the
 * IT ones from `settings.signed` if a key of `trust` signed it and it is not older than the one
 * accepted before (`mark`), else the accepted one, else the IT defaults.
 */
export function laptopSettings(
  plain: LoadedSettings,
  source: SignedSettingsSource,
): LaptopSettings {
  const problems = [...plain.problems];
  for (const key of plain.keysInFile.filter(isItSettingKey)) {
    problems.push(
      `settings: "${key}" in settings.json is ignored: IT settings come only from a signed settings.signed (downtime settings sign)`,
    );
  }
  const findings: ItSettingsFinding[] = [];
  const { verified, record } = chooseItSettings(source, problems, findings);
  const it = verified?.payload ?? null;
  const itPart: ItSettings = {
    inboxDir: DEFAULT_SETTINGS.inboxDir,
    trustDir: DEFAULT_SETTINGS.trustDir,
    storeDir: DEFAULT_SETTINGS.storeDir,
    keep: DEFAULT_SETTINGS.keep,
    ...it?.settings,
  };
  return {
    settings: { ...plain.settings, ...itPart },
    problems,
    // Red first: the readiness line shows the worst.
    findings: [...findings].sort((a, b) => Number(b.level === 'red') - Number(a.level === 'red')),
    it,
    itSigner: verified?.signer ?? null,
    record,
  };
}

/**
 * The mark to judge settings.signed by. One edited or deleted is rewritten from what the running
 * app remembers; with no memory (at start) it cannot say which file was in use, so it becomes
 * "none accepted, nothing issued before now" — an old copy put back stays refused, and the
 * defaults apply until IT signs a new file.
 */
function trustedMark(
  source: SignedSettingsSource,
  mark: ItSettingsMark,
  now: Date,
  problems: string[],
  findings: ItSettingsFinding[],
): MarkRecord | null {
  const read = readMark(mark);
  if (read.state === 'ok') return read.record;
  if (read.state === 'none' && !source.markExpected) return null;
  const broken = read.state === 'none' ? 'missing' : 'damaged';
  const remembered = source.remembered?.() ?? null;
  if (remembered) {
    writeMark(mark, remembered);
    problems.push(
      `settings: the record of the IT settings in use (${mark.file}) was ${broken === 'missing' ? 'deleted' : 'edited or damaged'} while the app ran; it was rewritten from the settings in use.`,
    );
    findings.push({ level: 'red', fact: readinessFact('it-settings-mark-restored') });
    return remembered;
  }
  // Said (log and readiness) at each reading until IT's newer file clears it.
  const floor: MarkRecord = { issuedAt: now.toISOString(), signed: '', broken };
  writeMark(mark, floor);
  return floor;
}

/** settings.signed if it verifies and supersedes the accepted one (then it is recorded). */
function chooseItSettings(
  source: SignedSettingsSource,
  problems: string[],
  findings: ItSettingsFinding[],
): { verified: VerifiedItSettings | null; record: MarkRecord | null } {
  const trust = source.trust();
  const now = (source.now ?? (() => new Date()))();
  const refused = (level: ItSettingsFinding['level'], fact: ReadinessFact): void => {
    findings.push({ level, fact });
  };
  const verifies = (text: string, what: string): VerifiedItSettings | null => {
    try {
      return verifySignedSettings(text, trust);
    } catch (e) {
      problems.push(
        e instanceof AppError
          ? `settings: ${what}: ${e.message}`
          : `settings: ${what}: the signed IT settings cannot be read`,
      );
      return null;
    }
  };
  let text: string | null;
  try {
    text = readFileSync(source.file, 'utf8');
  } catch {
    text = null; // No signed file: the accepted one, else the IT defaults.
  }
  let candidate = text === null ? null : verifies(text, 'settings.signed');
  if (text !== null && candidate === null) refused('red', readinessFact('it-settings-unusable'));
  if (candidate && Date.parse(candidate.payload.issuedAt) > now.getTime() + MAX_CLOCK_AHEAD_MS) {
    problems.push(
      `settings: settings.signed says it was issued at ${candidate.payload.issuedAt}, later than this laptop's clock (${now.toISOString()}); it is refused — check the date on IT's computer or on this laptop.`,
    );
    refused('amber', readinessFact('it-settings-future', { issuedAt: candidate.payload.issuedAt }));
    candidate = null;
  }
  const mark = source.mark ?? null;
  const record = mark ? trustedMark(source, mark, now, problems, findings) : null;
  const accepted = record?.signed ? verifies(record.signed, 'the IT settings in use') : null;
  // Nothing issued at or before the floor replaces it, even when the accepted file no longer
  // verifies (its key left the trust store) or the mark was found broken.
  const floor = record?.issuedAt ? Date.parse(record.issuedAt) : Number.NEGATIVE_INFINITY;
  const acceptable =
    candidate !== null &&
    (accepted ? supersedes(candidate, accepted) : Date.parse(candidate.payload.issuedAt) > floor);
  if (candidate && acceptable) {
    const next: MarkRecord = { issuedAt: candidate.payload.issuedAt, signed: text ?? '' };
    if (mark && (record?.signed !== next.signed || record.broken)) writeMark(mark, next);
    return { verified: candidate, record: mark ? next : null };
  }
  if (mark && record === null) {
    // The first start with nothing accepted: written so that deleting it later shows.
    const none: MarkRecord = { issuedAt: '', signed: '' };
    writeMark(mark, none);
    return { verified: null, record: none };
  }
  if (record?.broken) {
    problems.push(
      `settings: the record of the IT settings in use (${mark?.file ?? ''}) was ${record.broken === 'missing' ? 'deleted' : 'edited or damaged'} (found at ${record.issuedAt}); settings.signed is not used and the IT settings stay at their defaults until IT signs a file issued after that.`,
    );
    const code =
      record.broken === 'missing' ? 'it-settings-mark-missing' : 'it-settings-mark-damaged';
    refused('red', readinessFact(code, { floor: record.issuedAt }));
  }
  if (!accepted) {
    if (candidate && record?.issuedAt && !record.broken) {
      refused(
        'red',
        readinessFact('it-settings-older', {
          issuedAt: candidate.payload.issuedAt,
          inUseAt: record.issuedAt,
        }),
      );
    }
    if (text !== null) problems.push('settings: the IT settings stay at their defaults.');
    return { verified: null, record };
  }
  if (candidate) {
    problems.push(
      `settings: settings.signed was issued at ${candidate.payload.issuedAt}, not after the IT settings in use (issued at ${accepted.payload.issuedAt}): it is refused (an old copy put back?) and the IT settings issued at ${accepted.payload.issuedAt} stay. IT: sign a new file.`,
    );
    const sameInstant = candidate.payload.issuedAt === accepted.payload.issuedAt;
    refused(
      'red',
      sameInstant
        ? readinessFact('it-settings-same-instant', { issuedAt: candidate.payload.issuedAt })
        : readinessFact('it-settings-older', {
            issuedAt: candidate.payload.issuedAt,
            inUseAt: accepted.payload.issuedAt,
          }),
    );
  } else {
    problems.push(
      `settings: settings.signed is ${text === null ? 'missing' : 'not usable'}; the IT settings issued at ${accepted.payload.issuedAt} stay in use.`,
    );
    if (text === null) {
      refused(
        'amber',
        readinessFact('it-settings-missing', { inUseAt: accepted.payload.issuedAt }),
      );
    }
  }
  return { verified: accepted, record };
}

/**
 * Refuses a change of IT settings through the app: the ward passphrase is not IT's authority.
 * Returns the keys that changed.
 */
export function checkClinicalChange(before: Settings, after: Settings): (keyof Settings)[] {
  const changed = (Object.keys(after) as (keyof Settings)[]).filter(
    (key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]),
  );
  const itChanged = changed.filter(isItSettingKey);
  if (itChanged.length > 0) {
    throw new AppError(
      'invalid-config',
      `${itChanged.join(', ')} can be changed only by IT, with a settings file signed by the site key (downtime settings sign), not with the ward passphrase; nothing was saved.`,
    );
  }
  return changed;
}
