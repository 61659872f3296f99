/**
 * A crash at any instant of an install leaves the previous current export usable.
 *
 * Rather than killing a child after a guessed delay (which mostly lands in the same place and
 * varies from run to run), the child counts the install's file-system calls and SIGKILLs itself
 * before call 0, then 1, then 2 … (halfway through the call when it is a write), until one run
 * completes: every boundary of the real install is hit once, deterministically. After each
 * crash the store must open, its current export must be the old one or (past the commit point)
 * the new one, whole and verified, and the store must accept the install again.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyExport } from '../../../electron/core/format/dtx.ts';
import { openStore } from '../../../electron/core/store/store.ts';
import { type ExportKit, makeExportKit } from './make-exports.ts';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

let root: string;
let kit: ExportKit;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'store-crash-'));
  mkdirSync(join(root, 'trust'));
  kit = await makeExportKit(join(root, 'trust'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('a SIGKILL at every file-system step of an install leaves a usable store', async () => {
  const pristine = join(root, 'pristine');
  const ctx = { trust: kit.trust, device: 'crash-test' };
  const before = openStore(pristine, { keep: 1 });
  // Copied with the store: the child installs for the store's enrolled laptop.
  before.enrolRecipient(kit.recipient);
  await before.install(await kit.writeExportFile(root, 1), ctx);
  await before.install(await kit.writeExportFile(root, 2), ctx);
  const candidate = await kit.writeExportFile(root, 3);

  const currentAfterCrash: string[] = [];
  for (let killAt = 0; killAt < 200; killAt++) {
    const dir = join(root, `crash-${killAt}`);
    cpSync(pristine, dir, { recursive: true });
    const child = spawnSync(
      process.execPath,
      [CHILD, dir, candidate, kit.trustDir, String(killAt)],
      {
        encoding: 'utf8',
      },
    );
    if (child.signal !== 'SIGKILL') {
      // Past the last call: the install ran to the end.
      expect(child.status, child.stderr).toBe(0);
      expect(JSON.parse(child.stdout)).toEqual({ calls: killAt, outcome: 'installed' });
      break;
    }
    const store = openStore(dir, { keep: 1 });
    const current = store.current();
    expect(['exp-2', 'exp-3']).toContain(current?.exportId);
    const id = current?.exportId ?? '';
    expect(verifyExport(store.readBytes(id), kit.trust).manifest.exportId).toBe(id);
    expect(store.health()).toEqual({ ok: true, problems: [], issues: [] });
    expect(readdirSync(join(dir, 'exports')).filter((n) => n.startsWith('.'))).toEqual([]);
    currentAfterCrash.push(id);

    const retry = await store.install(candidate, ctx);
    expect(retry.outcome).toBe(id === 'exp-3' ? 'duplicate' : 'installed');
    expect(
      openStore(dir, { keep: 1 })
        .list()
        .map((e) => e.exportId),
    ).toEqual(['exp-3', 'exp-2']);
    rmSync(dir, { recursive: true });
  }
  // Crashes landed both before the commit point (old export current) and after it (new one).
  expect(currentAfterCrash.length).toBeGreaterThan(10);
  expect(currentAfterCrash).toContain('exp-2');
  expect(currentAfterCrash).toContain('exp-3');
  // Once the new export is current, it stays current for every later crash point.
  expect(currentAfterCrash.slice(currentAfterCrash.indexOf('exp-3'))).not.toContain('exp-2');
  // About 40 child processes, each starting Node: ~30 s alone, twice that on a loaded machine.
}, 180_000);
