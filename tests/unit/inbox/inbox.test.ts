import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InboxEvent } from '../../../electron/core/api/contract.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';
import { createInbox, IO_RETRY_MS } from '../../../electron/core/inbox/inbox.ts';
import { AppError } from '../../../electron/core/errors.ts';
import { nodeFileIo } from '../../../electron/core/store/atomic-file.ts';
import { openStore, type Store } from '../../../electron/core/store/store.ts';
import { type ExportKit, makeExportKit } from '../store/make-exports.ts';

let root: string;
let kit: ExportKit;
let inboxDir: string;
let store: Store;
let clock: number;
let testNo = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'inbox-'));
  mkdirSync(join(root, 'trust'));
  kit = await makeExportKit(join(root, 'trust'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  testNo++;
  inboxDir = join(root, `inbox-${testNo}`);
  mkdirSync(inboxDir);
  store = openStore(join(root, `store-${testNo}`));
  store.enrolRecipient(kit.recipient);
  clock = 1_000_000;
});

function inbox(
  options: { onOutcome?: (e: InboxEvent) => void; trust?: () => ExportKit['trust'] } = {},
) {
  return createInbox({
    dir: inboxDir,
    store,
    trust: options.trust ?? (() => kit.trust),
    device: 'ward-3-laptop',
    audit: store.auditFile,
    stableMs: 3000,
    now: () => clock,
    ...(options.onOutcome ? { onOutcome: options.onOutcome } : {}),
  });
}

const auditEvents = () =>
  readFileSync(store.auditFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { event: string; detail: Record<string, string> });

describe('when a file is taken', () => {
  it('waits until the size has been stable for stableMs, then installs and removes it', async () => {
    const box = inbox();
    await kit.writeExportFile(inboxDir, 1);
    expect(await box.scanOnce()).toEqual([]);
    clock += 2000;
    expect(await box.scanOnce()).toEqual([]);
    clock += 1000;
    const events = await box.scanOnce();
    expect(events).toEqual([
      {
        at: new Date(clock).toISOString(),
        file: 'export-1.dtx',
        outcome: 'installed',
        kind: null,
        message: null,
      },
    ]);
    expect(store.current()?.exportId).toBe('exp-1');
    expect(readdirSync(inboxDir)).toEqual([]);
  });

  it('does not take a file that is still growing', async () => {
    const box = inbox();
    const whole = await kit.exportBytes(1);
    const path = join(inboxDir, 'export-1.dtx');
    writeFileSync(path, whole.subarray(0, 1000));
    for (let offset = 1000; offset < whole.length; offset += 1000) {
      await box.scanOnce();
      clock += 2500;
      expect(await box.scanOnce()).toEqual([]);
      appendFileSync(path, whole.subarray(offset, offset + 1000));
    }
    clock += 3000;
    await box.scanOnce();
    clock += 3000;
    expect((await box.scanOnce()).map((e) => e.outcome)).toEqual(['installed']);
  });

  it('never takes a .part file, and takes the file at once when it is renamed from .part', async () => {
    const box = inbox();
    const part = join(inboxDir, 'export-1.dtx.part');
    writeFileSync(part, await kit.exportBytes(1));
    await box.scanOnce();
    clock += 60_000;
    expect(await box.scanOnce()).toEqual([]);
    renameSync(part, join(inboxDir, 'export-1.dtx'));
    expect((await box.scanOnce()).map((e) => e.outcome)).toEqual(['installed']);
  });

  it('ignores files that are not exports and hidden files', async () => {
    const box = inbox();
    writeFileSync(join(inboxDir, 'notes.txt'), 'hello');
    writeFileSync(join(inboxDir, '.export-1.dtx.swp'), 'x');
    await box.scanOnce();
    clock += 10_000;
    expect(await box.scanOnce()).toEqual([]);
    expect(readdirSync(inboxDir).sort()).toEqual(['.export-1.dtx.swp', 'notes.txt']);
  });

  it('does nothing while the inbox folder is missing (share not mounted)', async () => {
    rmSync(inboxDir, { recursive: true });
    expect(await inbox().scanOnce()).toEqual([]);
  });
});

describe('each outcome is reported, audited and cleared from the inbox', () => {
  it('a refused file moves to refused/ with the reason beside it', async () => {
    const box = inbox();
    writeFileSync(join(inboxDir, 'broken.dtx'), 'not an export at all');
    await box.scanOnce();
    clock += 3000;
    const [event] = await box.scanOnce();
    expect(event).toMatchObject({ file: 'broken.dtx', outcome: 'refused', kind: 'not-an-export' });
    expect(readdirSync(inboxDir)).toEqual(['refused']);
    expect(readdirSync(join(inboxDir, 'refused')).sort()).toEqual([
      'broken.dtx',
      'broken.dtx.reason.txt',
    ]);
    expect(readFileSync(join(inboxDir, 'refused', 'broken.dtx.reason.txt'), 'utf8')).toMatch(
      /^not-an-export: /,
    );
  });

  it('a second refused file of the same name does not overwrite the first', async () => {
    const box = inbox();
    for (const content of ['junk one', 'junk two']) {
      writeFileSync(join(inboxDir, 'x.dtx'), content);
      await box.scanOnce();
      clock += 3000;
      await box.scanOnce();
    }
    expect(readdirSync(join(inboxDir, 'refused')).sort()).toEqual([
      'x-2.dtx',
      'x-2.dtx.reason.txt',
      'x.dtx',
      'x.dtx.reason.txt',
    ]);
  });

  it('an older export is refused and a duplicate is removed; all three decisions are audited in a valid chain', async () => {
    const seen: InboxEvent[] = [];
    const box = inbox({ onOutcome: (e) => seen.push(e) });
    await kit.writeExportFile(inboxDir, 2);
    await box.scanOnce();
    clock += 3000;
    await box.scanOnce();
    await kit.writeExportFile(inboxDir, 1);
    await kit.writeExportFile(inboxDir, 2, 'export-2-copy.dtx');
    await box.scanOnce();
    clock += 3000;
    await box.scanOnce();
    expect(seen.map((e) => [e.file, e.outcome, e.kind])).toEqual([
      ['export-2.dtx', 'installed', null],
      ['export-1.dtx', 'refused', 'older-than-installed'],
      ['export-2-copy.dtx', 'duplicate', null],
    ]);
    expect(readdirSync(inboxDir)).toEqual(['refused']);
    expect(auditEvents().map((e) => [e.event, e.detail.file, e.detail.kind])).toEqual([
      ['export-installed', 'export-2.dtx', undefined],
      ['export-refused', 'export-1.dtx', 'older-than-installed'],
      ['export-refused', 'export-2-copy.dtx', 'duplicate'],
    ]);
    expect(verifyAudit(store.auditFile)).toEqual({ ok: true, lines: 3 });
  });

  it('a trust store that cannot be loaded refuses with the reason and leaves the file for a later try', async () => {
    let trustBroken = true;
    const box = inbox({
      trust: () => {
        if (trustBroken) throw new AppError('invalid-config', 'The trust store /x cannot be read.');
        return kit.trust;
      },
    });
    await kit.writeExportFile(inboxDir, 1);
    await box.scanOnce();
    clock += 3000;
    expect(await box.scanOnce()).toEqual([
      expect.objectContaining({
        outcome: 'refused',
        kind: 'io',
        message: 'The trust store /x cannot be read.',
      }),
    ]);
    expect(readdirSync(inboxDir)).toEqual(['export-1.dtx']);
    trustBroken = false;
    clock += 60_000;
    expect(await box.scanOnce()).toEqual([]);
    clock += IO_RETRY_MS;
    await box.scanOnce();
    clock += 3000;
    expect((await box.scanOnce()).map((e) => e.outcome)).toEqual(['installed']);
  });

  it('a full store disk leaves the file in the inbox; it installs once there is room', async () => {
    let diskFull = false;
    store = openStore(join(root, `store-${testNo}-small-disk`), {
      io: {
        ...nodeFileIo,
        writeSync: (fd, data, offset, length) => {
          if (diskFull) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
          return nodeFileIo.writeSync(fd, data, offset, length);
        },
      },
    });
    store.enrolRecipient(kit.recipient);
    diskFull = true;
    const box = inbox();
    await kit.writeExportFile(inboxDir, 1);
    await box.scanOnce();
    clock += 3000;
    expect(await box.scanOnce()).toEqual([
      expect.objectContaining({
        outcome: 'refused',
        kind: 'io',
        message: expect.stringContaining('full'),
      }),
    ]);
    expect(readdirSync(inboxDir)).toEqual(['export-1.dtx']);
    diskFull = false;
    clock += IO_RETRY_MS;
    await box.scanOnce();
    clock += 3000;
    expect((await box.scanOnce()).map((e) => e.outcome)).toEqual(['installed']);
    expect(store.current()?.exportId).toBe('exp-1');
  });
});

describe('polling', () => {
  it('start() polls on its own until stop()', async () => {
    const seen: InboxEvent[] = [];
    const box = createInbox({
      dir: inboxDir,
      store,
      trust: () => kit.trust,
      device: 'ward-3-laptop',
      audit: store.auditFile,
      stableMs: 0,
      pollMs: 10,
      onOutcome: (e) => seen.push(e),
    });
    box.start();
    try {
      await kit.writeExportFile(inboxDir, 1);
      await vi.waitFor(() => expect(seen.map((e) => e.outcome)).toEqual(['installed']), {
        timeout: 10_000,
      });
    } finally {
      box.stop();
    }
    expect(existsSync(join(inboxDir, 'export-1.dtx'))).toBe(false);
  });
});
