/**
 * The .dtx container: write → verify → decrypt, and each refusal the format promises (wrong
 * identity, unknown signer, schema too new, damaged payload …), each with its error kind.
 */
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, test } from 'vitest';
import { isAddressedTo, recipientFingerprint } from '../../../electron/core/keys/recipient.ts';
import { SCHEMA_VERSION } from '../../../electron/core/schema-version.ts';
import { MANIFEST_FORMAT } from '../../../electron/core/model.ts';
import { AppError } from '../../../electron/core/errors.ts';
import { generateDeviceIdentity } from '../../../electron/core/keys/device-identity.ts';
import {
  decryptExport,
  dtxRegions,
  verifyExport,
  writeExport,
} from '../../../electron/core/format/dtx.ts';
import { generateSiteKey } from '../../../electron/core/keys/site-key.ts';
import {
  agePayload,
  type Fixture,
  fullManifest,
  kindOf,
  kindOfSync,
  makeFixture,
  manifestInput,
  PATIENT_NAMES,
  signedContainer,
  sqliteImage,
  trustOf,
} from './helpers.ts';

let f: Fixture;
beforeAll(async () => {
  f = await makeFixture();
});

describe('a good export', () => {
  test('verifies without a device key and shows its manifest', () => {
    const { manifest, signer } = verifyExport(f.bytes, f.trust);
    expect(signer).toBe(f.siteKey.fingerprint);
    expect(signer).toMatch(/^SHA256:[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
    expect(manifest).toMatchObject({
      format: MANIFEST_FORMAT,
      schemaVersion: SCHEMA_VERSION,
      exportId: 'exp-0001',
      sequence: 7,
      site: { id: 'site-1', name: 'St Elsewhere General' },
      scope: {
        wards: [
          { id: 'W4', name: 'Ward 4', siteId: 'site-1', siteName: 'St Elsewhere General' },
          { id: 'ICU', name: 'Intensive care', siteId: 'site-1', siteName: 'St Elsewhere General' },
        ],
      },
      demo: false,
    });
    const regions = dtxRegions(f.bytes);
    expect(manifest.payload.size).toBe(regions.payload[1] - regions.payload[0]);
  });

  test('decrypts to exactly the SQLite image, which opens read-only', async () => {
    const { sqlite, manifest, signer } = await decryptExport(f.bytes, f.trust, f.device.identity);
    expect(sqlite.equals(f.image)).toBe(true);
    expect(manifest.exportId).toBe('exp-0001');
    expect(signer).toBe(f.siteKey.fingerprint);
    const db = new Database(sqlite, { readonly: true });
    expect(db.prepare('SELECT name FROM patient ORDER BY id').pluck().all()).toEqual(PATIENT_NAMES);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  test('in place: the same image, written over the caller’s buffer', async () => {
    const input = Buffer.from(f.bytes);
    const { sqlite } = await decryptExport(input, f.trust, f.device.identity, { inPlace: true });
    expect(sqlite.equals(f.image)).toBe(true);
    expect(sqlite.buffer).toBe(input.buffer);
    sqlite.fill(0);
    expect(input.includes(Buffer.from(PATIENT_NAMES[1] ?? ''))).toBe(false);
    // The default never touches its input.
    const untouched = Buffer.from(f.bytes);
    await decryptExport(untouched, f.trust, f.device.identity);
    expect(untouched.equals(Buffer.from(f.bytes))).toBe(true);
  });

  test('every recipient can open it (a break-glass identity is just another recipient)', async () => {
    const breakGlass = f.other;
    const bytes = await writeExport({
      manifest: manifestInput(),
      sqlite: f.image,
      recipients: [f.device.recipient, breakGlass.recipient],
      siteKey: f.siteKey,
    });
    for (const id of [f.device.identity, breakGlass.identity]) {
      expect((await decryptExport(bytes, f.trust, id)).sqlite.equals(f.image)).toBe(true);
    }
    // Several identities may be offered at once; the first that opens it wins.
    const stranger = await generateDeviceIdentity();
    expect(
      (await decryptExport(bytes, f.trust, [stranger.identity, breakGlass.identity])).sqlite.equals(
        f.image,
      ),
    ).toBe(true);
  });

  test('nothing readable: no patient name or note from the database appears in the file', () => {
    const file = Buffer.from(f.bytes);
    for (const name of PATIENT_NAMES) {
      for (const encoding of ['utf8', 'utf16le', 'latin1'] as const) {
        expect(file.includes(Buffer.from(name, encoding))).toBe(false);
      }
      expect(file.includes(Buffer.from(name.split(' ')[0] ?? name))).toBe(false);
    }
    expect(file.includes(Buffer.from('penicillin'))).toBe(false);
    expect(file.includes(Buffer.from('SQLite format 3'))).toBe(false);
    // …while the image itself does contain them (so the check is meaningful).
    expect(f.image.includes(Buffer.from(PATIENT_NAMES[1] ?? ''))).toBe(true);
  });

  test('the trust store may hold several keys', () => {
    const trust = trustOf(generateSiteKey(), f.siteKey, generateSiteKey());
    expect(verifyExport(f.bytes, trust).signer).toBe(f.siteKey.fingerprint);
  });
});

describe('refusals', () => {
  test('another device’s identity: no-matching-identity, naming this laptop’s recipient', async () => {
    const error = await decryptExport(f.bytes, f.trust, f.other.identity).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('no-matching-identity');
    expect((error as AppError).message).toContain(f.other.recipient);
  });

  test('unknown signer: the key is named by fingerprint; an empty trust store says so', () => {
    const stranger = generateSiteKey();
    const error = (() => {
      try {
        verifyExport(f.bytes, trustOf(stranger));
      } catch (e) {
        return e as AppError;
      }
      throw new Error('verified');
    })();
    expect(error.kind).toBe('unknown-signer');
    expect(error.message).toContain(f.siteKey.fingerprint);
    expect(kindOfSync(() => verifyExport(f.bytes, { signers: [] }))).toBe('unknown-signer');
  });

  test('a file signed by a stranger with our key named in it is bad-signature', () => {
    const stranger = generateSiteKey();
    const forged = signedContainer(fullManifest(), stranger, Buffer.from('payload'));
    // Put OUR public key in the signer field: the stranger's signature cannot verify under it.
    forged.set(
      Buffer.from(f.bytes.subarray(dtxRegions(f.bytes).signer[0], dtxRegions(f.bytes).signer[1])),
      dtxRegions(forged).signer[0],
    );
    expect(kindOfSync(() => verifyExport(forged, f.trust))).toBe('bad-signature');
  });

  test('schema too new is refused before decrypting (even with the wrong key)', async () => {
    const payload = await agePayload(
      sqliteImage(PATIENT_NAMES, { userVersion: SCHEMA_VERSION + 1 }),
      f.device.recipient,
    );
    const bytes = signedContainer(
      fullManifest({ schemaVersion: SCHEMA_VERSION + 1 }),
      f.siteKey,
      payload,
    );
    expect(verifyExport(bytes, f.trust).manifest.schemaVersion).toBe(SCHEMA_VERSION + 1);
    expect(await kindOf(() => decryptExport(bytes, f.trust, f.device.identity))).toBe(
      'schema-too-new',
    );
    expect(await kindOf(() => decryptExport(bytes, f.trust, f.other.identity))).toBe(
      'schema-too-new',
    );
  });

  test('a signed manifest of another format is unsupported-version; a malformed one not-an-export', () => {
    const payload = Buffer.from('x');
    expect(
      kindOfSync(() =>
        verifyExport(
          signedContainer(fullManifest({ format: MANIFEST_FORMAT + 1 }), f.siteKey, payload),
          f.trust,
        ),
      ),
    ).toBe('unsupported-version');
    expect(
      kindOfSync(() =>
        verifyExport(signedContainer(fullManifest({ sequence: -1 }), f.siteKey, payload), f.trust),
      ),
    ).toBe('not-an-export');
    expect(
      kindOfSync(() =>
        verifyExport(signedContainer(Buffer.from('{"format":1'), f.siteKey, payload), f.trust),
      ),
    ).toBe('not-an-export');
    expect(
      kindOfSync(() =>
        verifyExport(signedContainer(Buffer.from([0xff, 0xfe]), f.siteKey, payload), f.trust),
      ),
    ).toBe('not-an-export');
  });

  test('a format 1 manifest (no recipients: made before exports were bound to laptops) is refused as too old', () => {
    const old = fullManifest({ format: 1 });
    delete old['recipients'];
    const error = (() => {
      try {
        verifyExport(signedContainer(old, f.siteKey, Buffer.from('x')), f.trust);
        return null;
      } catch (e) {
        return e as { kind: string; message: string };
      }
    })();
    expect(error?.kind).toBe('unsupported-version');
    expect(error?.message).toMatch(/older than this viewer.*fresh export/);
  });

  test('the signed manifest lists a fingerprint of each recipient, this laptop among them', () => {
    const { manifest } = verifyExport(f.bytes, f.trust);
    expect(manifest.recipients).toEqual([recipientFingerprint(f.device.recipient)]);
    expect(isAddressedTo(manifest.recipients, f.device.recipient)).toBe(true);
  });

  test('a newer container format is unsupported-version', () => {
    const bytes = Buffer.from(f.bytes);
    bytes.write('DTX2\n', 0, 'latin1');
    expect(kindOfSync(() => verifyExport(bytes, f.trust))).toBe('unsupported-version');
  });

  test('a signed payload that is not a working age file is payload-mismatch at decrypt', async () => {
    const garbage = signedContainer(
      fullManifest(),
      f.siteKey,
      Buffer.from('age-encryption.org/v1\nnot really\n'),
    );
    expect(verifyExport(garbage, f.trust).manifest.exportId).toBe('exp-0001');
    expect(await kindOf(() => decryptExport(garbage, f.trust, f.device.identity))).toBe(
      'payload-mismatch',
    );
  });

  test('a signed, decryptable payload that is not SQLite (or not the manifest’s schema) is payload-mismatch', async () => {
    const notSqlite = signedContainer(
      fullManifest(),
      f.siteKey,
      await agePayload(Buffer.alloc(4096, 7), f.device.recipient),
    );
    expect(await kindOf(() => decryptExport(notSqlite, f.trust, f.device.identity))).toBe(
      'payload-mismatch',
    );
    const older = sqliteImage(PATIENT_NAMES, { userVersion: 0 });
    const mismatched = signedContainer(
      fullManifest(),
      f.siteKey,
      await agePayload(older, f.device.recipient),
    );
    expect(await kindOf(() => decryptExport(mismatched, f.trust, f.device.identity))).toBe(
      'payload-mismatch',
    );
  });

  test('an identity that is not an age identity is invalid-config', async () => {
    expect(await kindOf(() => decryptExport(f.bytes, f.trust, 'AGE-SECRET-KEY-1XYZ'))).toBe(
      'invalid-config',
    );
    expect(await kindOf(() => decryptExport(f.bytes, f.trust, []))).toBe('invalid-config');
  });
});

describe('the writer refuses what must not be exported', () => {
  const base = () => ({
    manifest: manifestInput(),
    recipients: [f.device.recipient],
    siteKey: f.siteKey,
  });

  test('a WAL-mode image', async () => {
    const wal = Buffer.from(f.image);
    wal[18] = 2;
    wal[19] = 2;
    expect(await kindOf(() => writeExport({ ...base(), sqlite: wal }))).toBe('invalid-argument');
  });

  test('another schema version, or not SQLite at all', async () => {
    const image = sqliteImage(PATIENT_NAMES, { userVersion: SCHEMA_VERSION + 1 });
    expect(await kindOf(() => writeExport({ ...base(), sqlite: image }))).toBe('invalid-argument');
    expect(await kindOf(() => writeExport({ ...base(), sqlite: Buffer.alloc(200) }))).toBe(
      'invalid-argument',
    );
  });

  test('no recipients, or a malformed one', async () => {
    expect(await kindOf(() => writeExport({ ...base(), sqlite: f.image, recipients: [] }))).toBe(
      'invalid-config',
    );
    expect(
      await kindOf(() => writeExport({ ...base(), sqlite: f.image, recipients: ['age1nope'] })),
    ).toBe('invalid-config');
    expect(
      await kindOf(() =>
        writeExport({ ...base(), sqlite: f.image, recipients: [f.device.identity] }),
      ),
    ).toBe('invalid-config');
  });

  test('a manifest that fails the schema', async () => {
    expect(
      await kindOf(() =>
        writeExport({ ...base(), sqlite: f.image, manifest: manifestInput({ exportId: '' }) }),
      ),
    ).toBe('invalid-argument');
  });
});
