/** The small hand-made hospital, imported and opened read-only as the viewer opens it. */
import { toSqliteImage } from '../../../electron/core/db/schema.ts';
import { type ReadonlyDb, openReadonlyDb } from '../../../electron/core/db/open.ts';
import { importFhir } from '../../../electron/core/fhir/import.ts';
import { AS_OF, smallHospital, writeBundle } from '../fhir/small-hospital.ts';

export async function openSmallHospital(
  extra: Parameters<typeof smallHospital>[0] = [],
): Promise<ReadonlyDb> {
  const { file, cleanup } = writeBundle(smallHospital(extra));
  try {
    const { db } = await importFhir([file], {
      asOf: AS_OF,
      site: { id: 'chu-demo', name: 'CHU Démo' },
    });
    const image = toSqliteImage(db);
    db.close();
    return openReadonlyDb(image);
  } finally {
    cleanup();
  }
}
