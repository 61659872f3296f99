import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';
import { generateDeviceIdentity } from '../../../electron/core/keys/device-identity.ts';
import { loadStoreRollbackKey, rollbackFilesFor } from '../../../electron/core/store/rollback.ts';
import { openStore } from '../../../electron/core/store/store.ts';
import { type ExportKit, makeExportKit } from '../store/make-exports.ts';
import { expectRefusal, run } from './capture.ts';

let root: string;
let kit: ExportKit;
let storeDir: string;
let testNo = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cli-install-'));
  mkdirSync(join(root, 'trust'));
  kit = await makeExportKit(join(root, 'trust'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  testNo++;
  storeDir = join(root, `store-${testNo}`);
});

const install = async (sequence: number) =>
  run(
    'install',
    await kit.writeExportFile(root, sequence),
    '--store',
    storeDir,
    '--trust',
    kit.trustDir,
    '--recipient',
    kit.recipient,
  );

describe('downtime install', () => {
  it('refuses, clearly, a store whose rollback key the app sealed to the OS, and leaves it as it was', async () => {
    const osSeal = {
      seal: (b: Uint8Array) => Buffer.from(b).reverse(),
      open: (b: Uint8Array) => b,
    };
    loadStoreRollbackKey(storeDir, osSeal);
    const { key, state } = rollbackFilesFor(storeDir);
    const before = [readFileSync(key), readFileSync(state)];
    const line = expectRefusal(await install(1));
    expect(line).toMatch(
      /sealed to the laptop's OS account .* nothing was installed — install through the app's inbox/,
    );
    expect([readFileSync(key), readFileSync(state)]).toEqual(before);
    expect(existsSync(storeDir)).toBe(false);
  });

  it('installs a good export, says so, and audits it', async () => {
    const result = await install(1);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/installed as the current export \(exp-1, sequence 1/);
    expect(openStore(storeDir).current()?.exportId).toBe('exp-1');
    expect(verifyAudit(join(storeDir, 'audit.jsonl'))).toEqual({ ok: true, lines: 1 });
  });

  it('an export installed already is exit 0, not an error', async () => {
    await install(1);
    const again = await install(1);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already installed/);
  });

  it('refuses an older export with one stderr line naming the reason; the current export stays', async () => {
    await install(2);
    const line = expectRefusal(await install(1));
    expect(line).toMatch(/^downtime install: refused .*export-1\.dtx \(older-than-installed\): /);
    expect(openStore(storeDir).current()?.exportId).toBe('exp-2');
    expect(verifyAudit(join(storeDir, 'audit.jsonl'))).toEqual({ ok: true, lines: 2 });
  });

  it('refuses an export for another laptop, and any export while the laptop is unknown', async () => {
    const other = await generateDeviceIdentity();
    const theirs = join(root, 'theirs.dtx');
    writeFileSync(theirs, await kit.exportBytes(3, { recipient: other.recipient }));
    const refusedTheirs = expectRefusal(
      await run(
        'install',
        theirs,
        '--store',
        storeDir,
        '--trust',
        kit.trustDir,
        '--recipient',
        kit.recipient,
      ),
    );
    expect(refusedTheirs).toMatch(
      /\(no-matching-identity\): This export was not made for this laptop/,
    );
    const unknown = join(root, `unknown-${testNo}`);
    const line = expectRefusal(
      await run(
        'install',
        await kit.writeExportFile(root, 1),
        '--store',
        unknown,
        '--trust',
        kit.trustDir,
      ),
    );
    expect(line).toMatch(/does not know which laptop/);
  });

  it('takes the recipient from a file once, then installs for the recorded laptop', async () => {
    const file = join(root, `device-recipient-${testNo}.txt`);
    writeFileSync(file, `${kit.recipient}\n`);
    const first = await run(
      'install',
      await kit.writeExportFile(root, 1),
      '--store',
      storeDir,
      '--trust',
      kit.trustDir,
      '--recipient',
      file,
    );
    expect(first.code).toBe(0);
    const second = await run(
      'install',
      await kit.writeExportFile(root, 2),
      '--store',
      storeDir,
      '--trust',
      kit.trustDir,
    );
    expect(second.code).toBe(0);
    expect(openStore(storeDir).current()?.exportId).toBe('exp-2');
  });

  it('an emptied store still refuses the older export: the high-water mark is kept beside it', async () => {
    await install(5);
    rmSync(storeDir, { recursive: true });
    const line = expectRefusal(await install(4));
    expect(line).toMatch(/\(older-than-installed\)/);
  });

  it('refuses junk and a tampered export, exit 1', async () => {
    const junk = join(root, 'junk.dtx');
    writeFileSync(junk, 'PK\u0003\u0004 a zip file');
    expect(
      expectRefusal(await run('install', junk, '--store', storeDir, '--trust', kit.trustDir)),
    ).toMatch(/not-an-export/);
    const tampered = Buffer.from(await kit.exportBytes(3));
    tampered[tampered.length - 1]! ^= 0xff;
    const tamperedPath = join(root, 'tampered.dtx');
    writeFileSync(tamperedPath, tampered);
    expect(
      expectRefusal(
        await run('install', tamperedPath, '--store', storeDir, '--trust', kit.trustDir),
      ),
    ).toMatch(/payload-mismatch/);
  });

  it('--keep limits how many older exports stay', async () => {
    for (const sequence of [1, 2, 3]) {
      await run(
        'install',
        await kit.writeExportFile(root, sequence),
        '--store',
        storeDir,
        '--trust',
        kit.trustDir,
        '--recipient',
        kit.recipient,
        '--keep',
        '1',
      );
    }
    expect(
      openStore(storeDir)
        .list()
        .map((e) => e.sequence),
    ).toEqual([3, 2]);
  });

  it('usage errors exit 2: no --store, no --trust, a bad --keep', async () => {
    const file = await kit.writeExportFile(root, 1);
    expect((await run('install', file, '--trust', kit.trustDir)).code).toBe(2);
    expect((await run('install', file, '--store', storeDir)).code).toBe(2);
    expect(
      (await run('install', file, '--store', storeDir, '--trust', kit.trustDir, '--keep', 'many'))
        .code,
    ).toBe(2);
  });
});
