/**
 * Which laptops an export is for. The signed manifest lists a fingerprint of every recipient
 * (`age1…` X25519 public key) the payload is encrypted to, so an install — which has no
 * passphrase and cannot try to decrypt — can still refuse an export not addressed to this
 * laptop (issue 15, M1) instead of letting it push this laptop's own exports out.
 *
 * A fingerprint, not the key itself: the manifest is public and need not publish every
 * enrolled laptop's key; 128 bits of SHA-256 cannot be matched by another key by chance.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AppError } from '../errors.ts';
import { parseX25519Recipient } from '../crypto/age.ts';

const FINGERPRINT_DOMAIN = 'downtime-viewer recipient v1\0';
export const RECIPIENT_FINGERPRINT = /^[0-9a-f]{32}$/;

/** The fingerprint of an `age1…` recipient; null when it is not one. */
export function recipientFingerprint(recipient: string): string | null {
  const raw = parseX25519Recipient(recipient.trim().toLowerCase());
  if (!raw) return null;
  return createHash('sha256').update(FINGERPRINT_DOMAIN).update(raw).digest('hex').slice(0, 32);
}

/** Whether a manifest's recipient list names `recipient`. */
export function isAddressedTo(recipients: readonly string[], recipient: string): boolean {
  const fingerprint = recipientFingerprint(recipient);
  return fingerprint !== null && recipients.includes(fingerprint);
}

/**
 * `age1…` as given, or the first `age1…` line of a file (a laptop's `device-recipient.txt`,
 * keygen's `*.recipient.txt`). `invalid-config` naming what was wrong.
 */
export function readRecipientArgument(value: string): string {
  const inline = value.trim();
  if (inline.startsWith('age1')) {
    if (recipientFingerprint(inline)) return inline;
    throw new AppError(
      'invalid-config',
      `"${inline.slice(0, 16)}…" is not an age1… recipient — copy it again from the laptop's enrolment screen.`,
    );
  }
  let text: string;
  try {
    text = readFileSync(value, 'utf8');
  } catch {
    throw new AppError(
      'invalid-config',
      `The recipient file ${value} cannot be read — give the laptop's age1… recipient or its device-recipient.txt.`,
    );
  }
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith('age1'));
  if (line && recipientFingerprint(line)) return line;
  throw new AppError(
    'invalid-config',
    `The recipient file ${value} holds no age1… recipient — give the laptop's device-recipient.txt.`,
  );
}
