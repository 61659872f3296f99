/**
 * The store's install rules against the attacks of the security review (issue 15): each test
 * reproduces one attack on real signed exports and shows it refused.
 */
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dtxRegions } from '../../../electron/core/format/dtx.ts';
import { generateDeviceIdentity } from '../../../electron/core/keys/device-identity.ts';
import { recipientFingerprint } from '../../../electron/core/keys/recipient.ts';
import { generateSiteKey, writeSiteKeyFiles } from '../../../electron/core/keys/site-key.ts';
import { loadTrustStore, type TrustStore } from '../../../electron/core/keys/trust-store.ts';
import { MAX_CLOCK_AHEAD_MS, rollbackFilesFor } from '../../../electron/core/store/rollback.ts';
import { openStore, type Store } from '../../../electron/core/store/store.ts';
import { assertRecordMatches } from '../../../electron/core/store/store-index.ts';
import { type ExportKit, makeExportKit, resign } from './make-exports.ts';

const NOW = new Date('2026-12-01T09:00:00Z');
const CREATED = '2026-11-28T20:00:00Z';
const boundOf = (createdAt: string) => Math.floor(Date.parse(createdAt) / 1000);

let root: string;
let kit: ExportKit;
let other: { identity: string; recipient: string };
let dir: string;
let sources: string;
let testNo = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'store-security-'));
  mkdirSync(join(root, 'trust'));
  kit = await makeExportKit(join(root, 'trust'));
  other = await generateDeviceIdentity();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  testNo++;
  dir = join(root, `store-${testNo}`);
  sources = join(root, `sources-${testNo}`);
  mkdirSync(sources);
});

const open = (options: { keep?: number } = {}) => {
  const store = openStore(dir, { now: () => NOW, ...options });
  store.enrolRecipient(kit.recipient);
  return store;
};
const ctx = (trust: TrustStore = kit.trust) => ({ trust, device: 'ward-3-laptop', user: 'it' });

async function installBytes(store: Store, name: string, bytes: Buffer, trust?: TrustStore) {
  const path = join(sources, name);
  writeFileSync(path, bytes);
  return store.install(path, ctx(trust));
}

/** Export `sequence` re-signed with manifest edits (recipients, creation time…). */
async function edited(sequence: number, edit: (m: Record<string, unknown>) => void) {
  return resign(await kit.exportBytes(sequence), kit.siteKey, edit);
}

describe('exports bound to their laptop (M1)', () => {
  it('refuses an export signed by the real site key but addressed to another laptop', async () => {
    const store = open();
    await installBytes(store, 'ours.dtx', await kit.exportBytes(1));
    const outcome = await installBytes(
      store,
      'theirs.dtx',
      await kit.exportBytes(2, { recipient: other.recipient }),
    );
    expect(outcome).toMatchObject({ outcome: 'refused', kind: 'no-matching-identity' });
    expect(outcome.message).toMatch(/not made for this laptop/);
    expect(store.current()?.exportId).toBe('exp-1');
  });

  it('four exports for another laptop cannot push out the one this laptop can open', async () => {
    const store = open({ keep: 3 });
    await installBytes(store, 'ours.dtx', await kit.exportBytes(1));
    for (const sequence of [2, 3, 4, 5]) {
      const outcome = await installBytes(
        store,
        `theirs-${sequence}.dtx`,
        await kit.exportBytes(sequence, { recipient: other.recipient }),
      );
      expect(outcome.kind).toBe('no-matching-identity');
    }
    expect(store.list().map((e) => e.exportId)).toEqual(['exp-1']);
  });

  it('retention keeps the newest export addressed to the enrolled laptop, even past keep', async () => {
    // IT's CLI run with the wrong --recipient installs exports for another laptop.
    const store = open({ keep: 1 });
    await installBytes(store, 'ours.dtx', await kit.exportBytes(1));
    for (const sequence of [2, 3, 4]) {
      const path = join(sources, `theirs-${sequence}.dtx`);
      writeFileSync(path, await kit.exportBytes(sequence, { recipient: other.recipient }));
      const outcome = await store.install(path, { ...ctx(), recipient: other.recipient });
      expect(outcome.outcome).toBe('installed');
    }
    expect(store.list().map((e) => e.exportId)).toEqual(['exp-4', 'exp-3', 'exp-1']);
  });

  it('refuses everything while the store does not know which laptop it is for', async () => {
    const store = openStore(dir, { now: () => NOW });
    const outcome = await installBytes(store, 'x.dtx', await kit.exportBytes(1));
    expect(outcome).toMatchObject({ outcome: 'refused', kind: 'io' });
    expect(outcome.message).toMatch(/which laptop/);
    expect(store.current()).toBeNull();
  });

  it('the signed manifest names each recipient by fingerprint', async () => {
    const store = open();
    await installBytes(store, 'ours.dtx', await kit.exportBytes(1));
    expect(store.current()?.manifest.recipients).toEqual([recipientFingerprint(kit.recipient)]);
  });
});

describe('a bounded rollback counter (H1)', () => {
  it('refuses a forged huge sequence, so it cannot lock out the real exports', async () => {
    const store = open();
    await installBytes(store, 'real-1.dtx', await kit.exportBytes(1));
    const forged = await edited(2, (m) => {
      m['sequence'] = 999_999_999_999;
    });
    const outcome = await installBytes(store, 'forged.dtx', forged);
    expect(outcome).toMatchObject({ outcome: 'refused', kind: 'sequence-out-of-range' });
    expect(outcome.message).toMatch(/runs ahead of its creation time/);
    expect((await installBytes(store, 'real-2.dtx', await kit.exportBytes(2))).outcome).toBe(
      'installed',
    );
  });

  it('refuses a creation time beyond this laptop clock (plus skew), so the bound cannot be lifted', async () => {
    const store = open();
    const future = new Date(NOW.getTime() + MAX_CLOCK_AHEAD_MS + 60_000).toISOString();
    const outcome = await installBytes(
      store,
      'future.dtx',
      await edited(3, (m) => {
        m['createdAt'] = future;
        m['sequence'] = boundOf(future);
      }),
    );
    expect(outcome).toMatchObject({ outcome: 'refused', kind: 'sequence-out-of-range' });
    expect(outcome.message).toMatch(/later than this laptop's clock/);
  });

  it('accepts the exporter default (sequence = creation time in seconds), the highest allowed', async () => {
    const store = open();
    const outcome = await installBytes(
      store,
      'default.dtx',
      await edited(4, (m) => {
        m['sequence'] = boundOf(CREATED);
      }),
    );
    expect(outcome.outcome).toBe('installed');
  });

  it('a key trusted for a while (a swapped trust folder) leaves no mark once it is removed', async () => {
    const rogueDir = join(root, `rogue-${testNo}`);
    mkdirSync(rogueDir);
    const rogue = generateSiteKey();
    writeSiteKeyFiles(rogue, join(rogueDir, 'site.key'));
    const swapped = loadTrustStore([kit.trustDir, rogueDir]);
    const store = open();
    await installBytes(store, 'real-100.dtx', await kit.exportBytes(100));
    const forged = resign(await kit.exportBytes(101, { siteKey: rogue }), rogue, (m) => {
      m['sequence'] = boundOf(CREATED);
    });
    expect((await installBytes(store, 'forged.dtx', forged, swapped)).outcome).toBe('installed');
    // IT restores the trust folder: the real sequence-400 export must install again.
    const outcome = await installBytes(store, 'real-400.dtx', await kit.exportBytes(400));
    expect(outcome).toMatchObject({ outcome: 'installed', exportId: 'exp-400' });
  });
});

describe('the high-water mark outside the store (H3)', () => {
  it('a deleted exports folder (and index) keeps the rollback refused', async () => {
    const store = open();
    await installBytes(store, 'new.dtx', await kit.exportBytes(200));
    rmSync(join(dir, 'exports'), { recursive: true });
    rmSync(join(dir, 'index.json'));
    const reopened = open();
    expect(reopened.current()).toBeNull();
    const outcome = await installBytes(reopened, 'old.dtx', await kit.exportBytes(100));
    expect(outcome).toMatchObject({ outcome: 'refused', kind: 'older-than-installed' });
  });

  it('so does deleting the whole store folder: the state lives beside it', async () => {
    const store = open();
    await installBytes(store, 'new.dtx', await kit.exportBytes(200));
    rmSync(dir, { recursive: true });
    const outcome = await installBytes(open(), 'old.dtx', await kit.exportBytes(100));
    expect(outcome.kind).toBe('older-than-installed');
  });

  it('a state deleted beside its key (with the store) is seen: installs stop until it is restored or reset', async () => {
    const store = open();
    await installBytes(store, 'new.dtx', await kit.exportBytes(200));
    rmSync(dir, { recursive: true });
    rmSync(rollbackFilesFor(dir).state);
    const reopened = open();
    expect(reopened.health().problems.join(' ')).toMatch(
      /rollback state .* is missing beside its key/,
    );
    const refused = await installBytes(reopened, 'old.dtx', await kit.exportBytes(100));
    expect(refused).toMatchObject({ outcome: 'refused' });
    expect(refused.message).toMatch(/missing beside its key/);
    // The app's copy of the marks puts the state back; the old export stays refused.
    expect(
      reopened.rollback.restore({ fp: { sequence: 200, exportId: 'exp-200', createdAt: CREATED } }),
    ).toEqual(['fp']);
    expect(reopened.health().ok).toBe(true);
  });

  it('a new store has its (empty) state from the start, so it is not mistaken for a deleted one', () => {
    expect(open().health()).toEqual({ ok: true, problems: [], issues: [] });
    expect(readFileSync(rollbackFilesFor(dir).state, 'utf8')).toMatch(/"marks": \{\}/);
  });

  it('an edited rollback state stops installs until IT resets it', async () => {
    const store = open();
    await installBytes(store, 'new.dtx', await kit.exportBytes(200));
    const { state } = rollbackFilesFor(dir);
    writeFileSync(state, readFileSync(state, 'utf8').replace('"sequence": 200', '"sequence": 2'));
    const reopened = open();
    expect(reopened.health().problems.join(' ')).toMatch(/rollback state .* was edited/);
    const refused = await installBytes(reopened, 'old.dtx', await kit.exportBytes(100));
    expect(refused).toMatchObject({ outcome: 'refused' });
    expect(reopened.rollback.applyReset('it-2026-12-01')).toEqual({});
    expect(reopened.rollback.applyReset('it-2026-12-01')).toBeNull();
    expect((await installBytes(reopened, 'newer.dtx', await kit.exportBytes(300))).outcome).toBe(
      'installed',
    );
  });
});

describe('only signed facts: a store record that disagrees with its file (H3)', () => {
  it('an older export copied over a newer one, its record edited to look fresh, is not used', async () => {
    const store = open();
    await installBytes(store, 'old.dtx', await kit.exportBytes(100, { dataAsOf: CREATED }));
    await installBytes(store, 'new.dtx', await kit.exportBytes(200));
    const exportsDir = join(dir, 'exports');
    const names = readdirSync(exportsDir);
    const oldDtx = names.find((n) => n.endsWith('exp-100.dtx')) ?? '';
    const newDtx = names.find((n) => n.endsWith('exp-200.dtx')) ?? '';
    copyFileSync(join(exportsDir, oldDtx), join(exportsDir, newDtx));
    const recordFile = join(exportsDir, newDtx.replace(/\.dtx$/, '.json'));
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as {
      manifest: { dataAsOf: string };
      size: number;
    };
    record.manifest.dataAsOf = NOW.toISOString();
    record.size = (await kit.exportBytes(100, { dataAsOf: CREATED })).length;
    writeFileSync(recordFile, JSON.stringify(record));

    const reopened = open();
    expect(reopened.current()?.exportId).toBe('exp-100');
    expect(reopened.list().map((e) => e.exportId)).toEqual(['exp-100']);
    expect(reopened.health()).toMatchObject({ ok: false });
    expect(reopened.health().problems.join(' ')).toMatch(/does not match its record/);
  });

  it('a record whose manifest differs from the verified one is refused at open', async () => {
    const store = open();
    await installBytes(store, 'x.dtx', await kit.exportBytes(1));
    const current = store.current();
    if (!current) throw new Error('installed');
    expect(() => assertRecordMatches(current, current.manifest)).not.toThrow();
    expect(() =>
      assertRecordMatches(current, { ...current.manifest, dataAsOf: NOW.toISOString() }),
    ).toThrow(/disagrees with the signed export file/);
  });
});

describe('the header is checked before the payload is read (L4)', () => {
  it('refuses a 1.9 GiB file from an untrusted key after reading only its head', async () => {
    const store = open();
    const rogue = generateSiteKey();
    const head = await kit.exportBytes(5, { siteKey: rogue });
    const path = join(sources, 'huge.dtx');
    const regions = dtxRegions(head);
    writeFileSync(path, head.subarray(0, regions.payload[0]));
    // A sparse tail: nearly 2 GiB that a hash of the whole file would have to read.
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.from([0]), 0, 1, Math.floor(1.9 * 1024 ** 3));
    closeSync(fd);
    const before = process.memoryUsage().arrayBuffers;
    const outcome = await store.install(path, ctx());
    expect(outcome).toMatchObject({ outcome: 'refused', kind: 'unknown-signer' });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 ** 2);
  });
});
