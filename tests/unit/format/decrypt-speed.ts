/**
 * How fast is our decrypt, against plain node:crypto ChaCha20-Poly1305 over the same bytes?
 * Not a test (timings do not belong in assertions): run it by hand and read the table.
 *
 *   node tests/unit/format/decrypt-speed.ts [MB=75] [runs=7]
 *
 * Rows (median of the runs, interleaved so machine noise hits all alike):
 *   native-1shot   one createDecipheriv over the whole ciphertext: the floor
 *   native-chunks  the same bytes in 64 KiB chunks, one decipher each: STREAM's inherent cost
 *   age            our decryptAge on the age payload (header, X25519, HMAC, STREAM)
 *   sha+native     SHA-256 of the payload + native-1shot: what decryptExport must at least do
 *   decryptExport  our whole path: signature, manifest, payload SHA-256, decrypt (new buffer)
 *   …in-place      the same with `inPlace: true` (plaintext over the payload: no new memory)
 *   typage         the pure-JS reference decrypt, once, for scale
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Decrypter } from 'age-encryption';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../../../electron/core/schema-version.ts';
import { decryptAge, generateX25519 } from '../../../electron/core/crypto/age.ts';
import { decryptExport, dtxRegions, writeExport } from '../../../electron/core/format/dtx.ts';
import { generateSiteKey } from '../../../electron/core/keys/site-key.ts';

const mb = Number(process.argv[2] ?? 75);
const runs = Number(process.argv[3] ?? 7);
const size = Math.round(mb * 1e6);

// A plaintext the writer accepts: a real SQLite header page, then random bytes.
const db = new Database(':memory:');
db.pragma(`user_version = ${SCHEMA_VERSION}`);
const head = db.serialize();
db.close();
const plain = Buffer.concat([head, randomBytes(size - head.length)]);

const siteKey = generateSiteKey();
const device = generateX25519();
const trust = {
  signers: [{ fingerprint: siteKey.fingerprint, publicKey: siteKey.publicKey, source: 'bench' }],
};
const manifest = {
  site: { id: 's', name: 'Bench' },
  exportId: 'bench',
  sequence: 1,
  createdAt: new Date().toISOString(),
  dataAsOf: new Date().toISOString(),
  scope: { wards: [] },
  counts: {},
  demo: true,
};
const dtx = await writeExport({ manifest, sqlite: plain, recipients: [device.recipient], siteKey });
const [p0, p1] = dtxRegions(dtx).payload;
const payload = dtx.subarray(p0, p1);

// The same plaintext under plain ChaCha20-Poly1305, whole and in 64 KiB chunks.
const key = randomBytes(32);
const nonce = randomBytes(12);
const c = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
const oneShot = Buffer.concat([c.update(plain), c.final()]);
const oneShotTag = c.getAuthTag();
const CH = 64 * 1024;
const chunks: { ct: Buffer; tag: Buffer }[] = [];
for (let i = 0; i < plain.length; i += CH) {
  const cc = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  const ct = Buffer.concat([cc.update(plain.subarray(i, i + CH)), cc.final()]);
  chunks.push({ ct, tag: cc.getAuthTag() });
}

function nativeOneShot(): number {
  const d = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  d.setAuthTag(oneShotTag);
  const out = d.update(oneShot);
  d.final();
  return out.length;
}
function nativeChunks(): number {
  let n = 0;
  for (const { ct, tag } of chunks) {
    const d = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
    d.setAuthTag(tag);
    n += d.update(ct).length;
    d.final();
  }
  return n;
}

const rows: Record<string, () => unknown> = {
  'native-1shot': nativeOneShot,
  'native-chunks': nativeChunks,
  age: () => decryptAge(payload, { identities: [device.identity] }),
  'sha+native': () => {
    createHash('sha256').update(payload).digest();
    return nativeOneShot();
  },
  decryptExport: () => decryptExport(dtx, trust, device.identity),
  'age in-place': () => decryptAge(scratch(), { identities: [device.identity] }, { inPlace: true }),
  '…in-place': () => decryptExport(scratchDtx(), trust, device.identity, { inPlace: true }),
};
// In-place decrypt consumes its input: each run gets a fresh copy, made outside the timing.
let pending: Buffer | null = null;
const scratch = () => pending ?? Buffer.from(payload);
const scratchDtx = () => pending ?? Buffer.from(dtx);

const times: Record<string, number[]> = Object.fromEntries(Object.keys(rows).map((k) => [k, []]));
for (let r = 0; r < runs + 1; r++) {
  for (const [name, fn] of Object.entries(rows)) {
    pending =
      name === 'age in-place'
        ? Buffer.from(payload)
        : name === '…in-place'
          ? Buffer.from(dtx)
          : null;
    const t0 = performance.now();
    const result = await fn();
    const dt = performance.now() - t0;
    if (result && typeof result === 'object' && 'sqlite' in result)
      (result.sqlite as Buffer).fill(0);
    if (r > 0) times[name]?.push(dt); // the first round warms up
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const t0 = performance.now();
const typage = new Decrypter();
typage.addIdentity(device.identity);
const check = await typage.decrypt(payload);
const typageMs = performance.now() - t0;
if (!Buffer.from(check).equals(plain)) throw new Error('typage disagrees');
if (!(await decryptAge(payload, { identities: [device.identity] })).equals(plain))
  throw new Error('decrypt wrong');

const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) as Record<
  string,
  number
>;
const base = m['native-1shot'] ?? NaN;
console.log(
  `payload ${(payload.length / 1e6).toFixed(1)} MB, ${runs} runs, node ${process.version}`,
);
console.log('row            median ms   MB/s    × native-1shot');
for (const [k, v] of [...Object.entries(m), ['typage (1 run)', typageMs] as const]) {
  console.log(
    `${k.padEnd(15)}${v.toFixed(1).padStart(9)} ${(size / 1e6 / (v / 1000)).toFixed(0).padStart(7)} ${(v / base).toFixed(2).padStart(8)}`,
  );
}
const ipx = m['…in-place'] ?? NaN;
console.log(
  `in-place: age / native-chunks = ${((m['age in-place'] ?? NaN) / (m['native-chunks'] ?? NaN)).toFixed(2)}, ` +
    `decryptExport / (sha+native) = ${(ipx / (m['sha+native'] ?? NaN)).toFixed(2)}, decryptExport / native-1shot = ${(ipx / base).toFixed(2)}`,
);
console.log(
  `new buffer: age / native-1shot = ${((m.age ?? NaN) / base).toFixed(2)}, age / native-chunks = ${((m.age ?? NaN) / (m['native-chunks'] ?? NaN)).toFixed(2)}, ` +
    `decryptExport / (sha+native) = ${((m.decryptExport ?? NaN) / (m['sha+native'] ?? NaN)).toFixed(2)}, decryptExport / native-1shot = ${((m.decryptExport ?? NaN) / base).toFixed(2)}`,
);
