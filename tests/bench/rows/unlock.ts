/**
 * `unlock`: what a nurse waits for — the unlock through the API with the identity sealed at
 * the app's own passphrase cost (scrypt 2^17), until the first ward's census page is back —
 * against the passphrase KDF alone (native async scrypt at the same cost), the floor any
 * unlock has by design.
 */
import { scrypt } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCRYPT_WORK_FACTOR } from '../../../electron/core/crypto/age.ts';
import { sealIdentity, unsealIdentity } from '../../../electron/core/keys/device-identity.ts';
import { BENCH_PASSPHRASE, type Fixture } from '../fixture.ts';
import { medianRow, type Row } from '../row.ts';
import { sideBySide, type Repeat } from '../stats.ts';
import { startBenchViewer } from '../viewer.ts';

const kdf = (passphrase: string, salt: Buffer, logN: number) =>
  new Promise<Buffer>((resolve, reject) => {
    const N = 2 ** logN;
    scrypt(passphrase, salt, 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 }, (e, key) =>
      e ? reject(e) : resolve(key),
    );
  });

/** `dataDir` is a ward folder from `prepareWardDir`; its identity is resealed at the app's cost. */
export async function measureUnlock(
  fixture: Fixture,
  dataDir: string,
  repeat: Repeat,
): Promise<Row> {
  const identity = await unsealIdentity(readFileSync(fixture.identityFile), BENCH_PASSPHRASE);
  writeFileSync(
    join(dataDir, 'device.key'),
    await sealIdentity(identity, BENCH_PASSPHRASE, { workFactor: DEFAULT_SCRYPT_WORK_FACTOR }),
  );
  const viewer = await startBenchViewer(fixture, dataDir);
  const salt = Buffer.alloc(16, 7);
  let censusRows = 0;
  try {
    const measured = await sideBySide(
      repeat,
      {
        run: async () => {
          const wards = await viewer.unlock();
          const first = wards.find((w) => w.inScope && w.censusCount > 0) ?? wards[0];
          if (!first) throw new Error('no ward in the export');
          censusRows = (await viewer.call('census', { wardId: first.id })).length;
        },
        reset: () => viewer.call('lock', {}),
      },
      { run: () => kdf(BENCH_PASSPHRASE, salt, DEFAULT_SCRYPT_WORK_FACTOR) },
    );
    return medianRow(
      'unlock',
      fixture.scale,
      'ms',
      measured,
      `scrypt 2^${DEFAULT_SCRYPT_WORK_FACTOR}; first census page ${censusRows} patients`,
    );
  } finally {
    await viewer.stop();
  }
}
