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
 */
import { sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
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
  const refuse = (why: string) =>
    new AppError(
      'invalid-config',
      `The signed IT settings file ${why}; the IT settings stay at their defaults.`,
    );
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
  return parsed.data;
}

export interface LaptopSettings {
  readonly settings: Settings;
  /** One sentence per problem, for the log and the settings screen. */
  readonly problems: string[];
  /** The verified IT payload, or null (no file, or refused: IT defaults). */
  readonly it: ItSettingsPayload | null;
}

/**
 * The laptop's settings: the clinical ones from `settings.json` (IT fields there ignored), the
 * IT ones from `settings.signed` if a key of `trust` signed it (else the IT defaults).
 */
export function laptopSettings(
  plain: LoadedSettings,
  signedFile: string,
  trust: () => TrustStore,
): LaptopSettings {
  const problems = [...plain.problems];
  for (const key of plain.keysInFile.filter(isItSettingKey)) {
    problems.push(
      `settings: "${key}" in settings.json is ignored: IT settings come only from a signed settings.signed (downtime settings sign)`,
    );
  }
  let it: ItSettingsPayload | null = null;
  let text: string | null;
  try {
    text = readFileSync(signedFile, 'utf8');
  } catch {
    text = null; // No signed file: the IT defaults.
  }
  if (text !== null) {
    try {
      it = verifyItSettings(text, trust());
    } catch (e) {
      problems.push(
        e instanceof AppError
          ? `settings: ${e.message}`
          : 'settings: the signed IT settings cannot be read',
      );
    }
  }
  const itPart: ItSettings = {
    inboxDir: DEFAULT_SETTINGS.inboxDir,
    trustDir: DEFAULT_SETTINGS.trustDir,
    storeDir: DEFAULT_SETTINGS.storeDir,
    keep: DEFAULT_SETTINGS.keep,
    ...it?.settings,
  };
  return { settings: { ...plain.settings, ...itPart }, problems, it };
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
