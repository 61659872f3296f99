/**
 * A real export of the FHIR small hospital (ward 3B in scope, DEMO), a sealed device identity
 * and its passphrase file in `dir`, for the `downtime print` tests: returns the arguments that
 * open it (`X.dtx --trust … --identity … --passphrase-file …`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { toSqliteImage } from '../../../electron/core/db/schema.ts';
import { importFhir } from '../../../electron/core/fhir/import.ts';
import { writeExport } from '../../../electron/core/format/dtx.ts';
import {
  generateDeviceIdentity,
  sealIdentity,
} from '../../../electron/core/keys/device-identity.ts';
import { generateSiteKey, writeSiteKeyFiles } from '../../../electron/core/keys/site-key.ts';
import { AS_OF, smallHospital, writeBundle } from '../fhir/small-hospital.ts';

export async function writeCliExport(
  dir: string,
  extra: { readonly downtimeIds?: readonly string[] } = {},
): Promise<string[]> {
  const bundle = writeBundle(smallHospital());
  const { db } = await importFhir([bundle.file], { asOf: AS_OF, wards: ['w3b'] });
  bundle.cleanup();
  const sqlite = toSqliteImage(db);
  db.close();
  const siteKey = generateSiteKey();
  const { pubPath } = writeSiteKeyFiles(siteKey, path.join(dir, 'site.key'));
  const { identity, recipient } = await generateDeviceIdentity();
  // A low scrypt cost keeps the test fast; the format is the same as enrolment's.
  fs.writeFileSync(
    path.join(dir, 'device.key'),
    await sealIdentity(identity, 'ward 3B passphrase', { workFactor: 10 }),
  );
  fs.writeFileSync(path.join(dir, 'pass.txt'), 'ward 3B passphrase\n');
  const dtx = await writeExport({
    manifest: {
      site: { id: 'chu', name: 'CHU Démo' },
      exportId: 'exp-cli',
      sequence: 1,
      createdAt: AS_OF.toISOString(),
      dataAsOf: AS_OF.toISOString(),
      scope: {
        wards: [{ id: 'w3b', name: 'Médecine interne 3B', siteId: 'chu', siteName: 'CHU Démo' }],
      },
      counts: {},
      demo: true,
      ...(extra.downtimeIds ? { downtimeIds: [...extra.downtimeIds] } : {}),
    },
    sqlite,
    recipients: [recipient],
    siteKey,
  });
  fs.writeFileSync(path.join(dir, 'x.dtx'), dtx);
  return [
    path.join(dir, 'x.dtx'),
    '--trust',
    pubPath,
    '--identity',
    path.join(dir, 'device.key'),
    '--passphrase-file',
    path.join(dir, 'pass.txt'),
  ];
}
