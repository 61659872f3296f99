/**
 * A rough strength hint for the ward passphrase set at enrolment. It only nudges people away
 * from short or single-kind passphrases; the real protection is age's scrypt work factor.
 */
export type Strength = 'too-short' | 'weak' | 'fair' | 'strong';

export const MIN_PASSPHRASE_LENGTH = 10;

export function passphraseStrength(passphrase: string): Strength {
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH) return 'too-short';
  const kinds = [/[a-z]/u, /[A-Z]/u, /[0-9]/u, /[^A-Za-z0-9]/u].filter((re) =>
    re.test(passphrase),
  ).length;
  const words = passphrase.trim().split(/\s+/u).length;
  if (length >= 20 || (words >= 4 && length >= 16)) return 'strong';
  if (kinds >= 3 || length >= 14) return 'fair';
  return 'weak';
}
