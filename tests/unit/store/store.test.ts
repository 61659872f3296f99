import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyExport } from '../../../electron/core/format/dtx.ts';
import { generateSiteKey } from '../../../electron/core/keys/site-key.ts';
import { generateDeviceIdentity } from '../../../electron/core/keys/device-identity.ts';
import { type FileIo, nodeFileIo } from '../../../electron/core/store/atomic-file.ts';
import { openStore, type Store } from '../../../electron/core/store/store.ts';
import { type ExportKit, makeExportKit, resign } from './make-exports.ts';

let root: string;
let kit: ExportKit;
let dir: string;
let sources: string;
let testNo = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'store-'));
  mkdirSync(join(root, 'trust'));
  kit = await makeExportKit(join(root, 'trust'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  testNo++;
  dir = join(root, `store-${testNo}`);
  sources = join(root, `sources-${testNo}`);
  mkdirSync(sources);
});

const ctx = () => ({
  trust: kit.trust,
  recipient: kit.recipient,
  device: 'ward-3-laptop',
  user: 'it-admin',
});

async function install(store: Store, sequence: number) {
  return store.install(await kit.writeExportFile(sources, sequence), ctx());
}

async function installFile(store: Store, name: string, bytes: Buffer) {
  const path = join(sources, name);
  writeFileSync(path, bytes);
  return store.install(path, ctx());
}

/** The store still opens and its current export is whole and verifies. */
function expectCurrentIntact(store: Store, exportId: string): void {
  expect(store.current()?.exportId).toBe(exportId);
  expect(verifyExport(store.readBytes(exportId), kit.trust).manifest.exportId).toBe(exportId);
  expect(store.health()).toEqual({ ok: true, problems: [], issues: [] });
}

describe('installing exports', () => {
  it('installs a good export as the current one, byte for byte, and remembers the decision', async () => {
    const store = openStore(dir);
    expect(store.current()).toBeNull();
    expect(await install(store, 1)).toEqual({
      outcome: 'installed',
      exportId: 'exp-1',
      kind: null,
      message: null,
    });
    const current = store.current();
    expect(current).toMatchObject({
      exportId: 'exp-1',
      sequence: 1,
      signer: kit.siteKey.fingerprint,
    });
    expect(current?.manifest.site.name).toBe('CHU Test');
    expect(store.readBytes('exp-1').equals(await kit.exportBytes(1))).toBe(true);
    expect(store.lastDecisions()).toEqual([
      expect.objectContaining({
        outcome: 'installed',
        source: 'export-1.dtx',
        device: 'ward-3-laptop',
        user: 'it-admin',
      }),
    ]);
    expectCurrentIntact(openStore(dir), 'exp-1');
  });

  it('a newer export becomes current and the previous one is kept', async () => {
    const store = openStore(dir);
    await install(store, 1);
    await install(store, 2);
    expect(store.list().map((e) => e.exportId)).toEqual(['exp-2', 'exp-1']);
    expect(store.current()?.exportId).toBe('exp-2');
  });

  it('keeps the current export and the last N, deleting older files', async () => {
    const store = openStore(dir, { keep: 2 });
    for (const sequence of [1, 2, 3, 4, 5]) await install(store, sequence);
    expect(store.list().map((e) => e.sequence)).toEqual([5, 4, 3]);
    expect(readdirSync(join(dir, 'exports')).filter((n) => n.endsWith('.dtx'))).toHaveLength(3);
    expect(
      openStore(dir, { keep: 2 })
        .list()
        .map((e) => e.sequence),
    ).toEqual([5, 4, 3]);
  });

  it('refuses a tampered export and keeps the current one', async () => {
    const store = openStore(dir);
    await install(store, 1);
    const tampered = Buffer.from(await kit.exportBytes(2));
    tampered[tampered.length - 10]! ^= 0x01;
    const outcome = await installFile(store, 'tampered.dtx', tampered);
    expect(outcome).toMatchObject({ outcome: 'refused', kind: 'payload-mismatch' });
    expect(outcome.message).toEqual(expect.any(String));
    expectCurrentIntact(store, 'exp-1');
  });

  it('refuses an export signed by a key outside the trust store', async () => {
    const store = openStore(dir);
    const foreign = await kit.exportBytes(3, { siteKey: generateSiteKey() });
    expect(await installFile(store, 'foreign.dtx', foreign)).toMatchObject({
      outcome: 'refused',
      kind: 'unknown-signer',
    });
    expect(store.current()).toBeNull();
  });

  it('refuses an older export (no rollback), and one with the same sequence', async () => {
    const store = openStore(dir);
    await install(store, 5);
    expect(await install(store, 4)).toMatchObject({
      outcome: 'refused',
      kind: 'older-than-installed',
    });
    const sameSequence = resign(await kit.exportBytes(5), kit.siteKey, (m) => {
      m.exportId = 'exp-5-again';
    });
    expect(await installFile(store, 'again.dtx', sameSequence)).toMatchObject({
      kind: 'older-than-installed',
    });
    expectCurrentIntact(store, 'exp-5');
  });

  it('refuses an export whose database schema is newer than this viewer', async () => {
    const store = openStore(dir);
    const newer = resign(await kit.exportBytes(1), kit.siteKey, (m) => {
      m.schemaVersion = 99;
    });
    expect(await installFile(store, 'newer.dtx', newer)).toMatchObject({
      outcome: 'refused',
      kind: 'schema-too-new',
    });
  });

  it('refuses junk, an empty file, and a missing file, each with a reason', async () => {
    const store = openStore(dir);
    await install(store, 1);
    expect(
      await installFile(store, 'junk.dtx', Buffer.from('this is a spreadsheet, not an export')),
    ).toMatchObject({
      outcome: 'refused',
      kind: 'not-an-export',
    });
    expect(await installFile(store, 'empty.dtx', Buffer.alloc(0))).toMatchObject({
      outcome: 'refused',
    });
    expect(await store.install(join(sources, 'gone.dtx'), ctx())).toMatchObject({
      outcome: 'refused',
      kind: 'io',
    });
    expect(await store.install(sources, ctx())).toMatchObject({ outcome: 'refused', kind: 'io' });
    expectCurrentIntact(store, 'exp-1');
    expect(store.lastDecisions().map((d) => d.outcome)).toEqual([
      'refused',
      'refused',
      'refused',
      'refused',
      'installed',
    ]);
  });

  it('refuses a file far larger than any export without reading it', async () => {
    const store = openStore(dir);
    const huge = join(sources, 'huge.dtx');
    writeFileSync(huge, '');
    truncateSync(huge, 2 ** 31); // Sparse: no disk space used.
    expect(await store.install(huge, ctx())).toMatchObject({
      outcome: 'refused',
      kind: 'not-an-export',
    });
  });

  it('refuses a half-copied export (cut short) and keeps the current one', async () => {
    const store = openStore(dir);
    await install(store, 1);
    const whole = await kit.exportBytes(2);
    for (const length of [3, 100, Math.floor(whole.length / 2), whole.length - 1]) {
      expect(await installFile(store, 'half.dtx', whole.subarray(0, length))).toMatchObject({
        outcome: 'refused',
      });
    }
    expectCurrentIntact(store, 'exp-1');
  });

  it('reports the same file again as a duplicate, installing nothing', async () => {
    const store = openStore(dir);
    await install(store, 1);
    await install(store, 2);
    expect(await install(store, 2)).toMatchObject({ outcome: 'duplicate', exportId: 'exp-2' });
    expect(await install(store, 1)).toMatchObject({ outcome: 'duplicate', exportId: 'exp-1' });
    expect(store.list()).toHaveLength(2);
  });

  it('with the device identity, also decrypts: an export not encrypted for this laptop is refused', async () => {
    const store = openStore(dir);
    const other = await generateDeviceIdentity();
    const notForUs = join(sources, 'not-for-us.dtx');
    writeFileSync(notForUs, await kit.exportBytes(1, { recipient: other.recipient }));
    expect(await store.install(notForUs, { ...ctx(), identity: kit.identity })).toMatchObject({
      outcome: 'refused',
      kind: 'no-matching-identity',
    });
    expect(
      await store.install(await kit.writeExportFile(sources, 2), {
        ...ctx(),
        identity: kit.identity,
      }),
    ).toMatchObject({
      outcome: 'installed',
    });
  });
});

describe('the store on disk', () => {
  it('rebuilds its index from the files when the index is missing or damaged', async () => {
    const store = openStore(dir);
    await install(store, 1);
    await install(store, 2);
    rmSync(join(dir, 'index.json'));
    expect(
      openStore(dir)
        .list()
        .map((e) => e.exportId),
    ).toEqual(['exp-2', 'exp-1']);
    writeFileSync(join(dir, 'index.json'), '{"version": 1, "exports": [');
    const reopened = openStore(dir);
    expectCurrentIntact(reopened, 'exp-2');
    expect(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'))).toMatchObject({ version: 1 });
  });

  it('sweeps away what a crashed install left: temporary files and records without their export', async () => {
    const store = openStore(dir);
    await install(store, 1);
    writeFileSync(join(dir, 'exports', '.incoming-000000000002-exp-2.dtx'), 'half an export');
    writeFileSync(join(dir, 'exports', '000000000002-exp-2.json'), '{}');
    writeFileSync(join(dir, '.incoming-abc-index.json'), '{');
    const reopened = openStore(dir);
    expectCurrentIntact(reopened, 'exp-1');
    expect(readdirSync(join(dir, 'exports')).sort()).toEqual([
      '000000000001-exp-1.dtx',
      '000000000001-exp-1.json',
    ]);
    expect(existsSync(join(dir, '.incoming-abc-index.json'))).toBe(false);
  });

  it('health names an export damaged or removed on disk', async () => {
    const store = openStore(dir);
    await install(store, 1);
    await install(store, 2);
    truncateSync(store.list()[1]!.file, 10);
    rmSync(store.list()[0]!.file);
    const { ok, problems } = store.health();
    expect(ok).toBe(false);
    expect(problems).toEqual([
      expect.stringContaining('missing'),
      expect.stringContaining('damaged'),
    ]);
  });

  it('reports an export file without a record as unusable', async () => {
    const store = openStore(dir);
    await install(store, 1);
    writeFileSync(
      join(dir, 'exports', '000000000009-dropped-by-hand.dtx'),
      await kit.exportBytes(9),
    );
    const reopened = openStore(dir);
    expect(reopened.current()?.exportId).toBe('exp-1');
    expect(reopened.health().problems).toEqual([
      expect.stringContaining('000000000009-dropped-by-hand.dtx'),
    ]);
  });

  it('an export an older viewer installed (manifest format 2) is reported as another format, not as damage', async () => {
    const store = openStore(dir);
    await install(store, 1);
    await install(store, 2);
    // What a format 2 viewer recorded: its manifest named the scope's wards by id alone.
    const recordFile = readdirSync(join(dir, 'exports')).find(
      (name) => name.startsWith('000000000001-') && !name.endsWith('.dtx'),
    );
    const recordPath = join(dir, 'exports', recordFile ?? '');
    const record = JSON.parse(readFileSync(recordPath, 'utf8')) as {
      manifest: { format: number; scope: { wards: unknown } };
    };
    record.manifest.format = 2;
    record.manifest.scope.wards = ['w3b'];
    writeFileSync(recordPath, JSON.stringify(record));
    const reopened = openStore(dir);
    expect(reopened.current()?.exportId).toBe('exp-2');
    expect(reopened.health().issues).toEqual([
      { code: 'other-format', file: expect.stringMatching(/^000000000001-.*\.dtx$/) },
    ]);
    expect(reopened.health().problems.join(' ')).toMatch(/another version.*install a fresh export/);
  });

  it('readBytes of an export that is not there is not-found', () => {
    expect(() => openStore(dir).readBytes('exp-404')).toThrow(
      expect.objectContaining({ kind: 'not-found' }),
    );
  });
});

describe('a full disk', () => {
  /** File io whose writes fail with ENOSPC once `budget` bytes have been written. */
  function fullDiskAfter(budget: number): FileIo {
    let written = 0;
    return {
      ...nodeFileIo,
      writeSync(fd, data, offset, length) {
        if (written + length > budget) {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
            code: 'ENOSPC',
          });
        }
        written += length;
        return nodeFileIo.writeSync(fd, data, offset, length);
      },
    };
  }

  it.each([0, 500, 5_000])(
    'an install that runs out of space after %i bytes is refused, keeps the current export and leaves no partial file',
    async (budget) => {
      await install(openStore(dir), 1);
      const store = openStore(dir, { io: fullDiskAfter(budget) });
      const outcome = await install(store, 2);
      expect(outcome).toMatchObject({
        outcome: 'refused',
        kind: 'io',
        message: expect.stringContaining('full'),
      });
      expectCurrentIntact(store, 'exp-1');
      const reopened = openStore(dir);
      expectCurrentIntact(reopened, 'exp-1');
      expect(
        readdirSync(join(dir, 'exports')).filter((n) => !n.startsWith('000000000001-')),
      ).toEqual([]);
      expect(await install(reopened, 2)).toMatchObject({ outcome: 'installed' });
    },
  );
});

describe('opened read-only (downtime status)', () => {
  it('lists without sweeping, repairing or installing, even during an install in progress', async () => {
    const store = openStore(dir);
    await install(store, 1);
    const inProgress = join(dir, 'exports', '.incoming-000000000002-exp-2.dtx');
    writeFileSync(inProgress, 'being written');
    rmSync(join(dir, 'index.json'));
    const reader = openStore(dir, { readOnly: true });
    expectCurrentIntact(reader, 'exp-1');
    expect(existsSync(inProgress)).toBe(true);
    expect(existsSync(join(dir, 'index.json'))).toBe(false);
    await expect(install(reader, 2)).rejects.toThrow(/read-only/);
  });

  it('a store that does not exist is not-found, and is not created', () => {
    expect(() => openStore(dir, { readOnly: true })).toThrow(
      expect.objectContaining({ kind: 'not-found' }),
    );
    expect(existsSync(dir)).toBe(false);
  });
});

describe('repair', () => {
  it('installing the same file again repairs an installed copy damaged on disk', async () => {
    const store = openStore(dir);
    await install(store, 1);
    await install(store, 2);
    truncateSync(store.current()!.file, 1000);
    expect(store.health().ok).toBe(false);
    expect(await install(store, 2)).toMatchObject({
      outcome: 'installed',
      message: expect.stringContaining('replaced'),
    });
    expectCurrentIntact(store, 'exp-2');
    expect(store.list().map((e) => e.exportId)).toEqual(['exp-2', 'exp-1']);
  });
});
