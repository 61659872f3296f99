/**
 * A real export database for the print tests: the FHIR small hospital of the importer tests,
 * imported and reopened read-only, as the viewer opens an export.
 */
import { openReadonlyDb } from '../../../electron/core/db/open.ts';
import type { ReadonlyDb } from '../../../electron/core/db/queries.ts';
import { toSqliteImage } from '../../../electron/core/db/schema.ts';
import { importFhir } from '../../../electron/core/fhir/import.ts';
import { AS_OF, smallHospital, writeBundle } from '../fhir/small-hospital.ts';

export { AS_OF };

export async function smallHospitalDb(
  extra: Parameters<typeof smallHospital>[0] = [],
): Promise<ReadonlyDb> {
  const bundle = writeBundle(smallHospital(extra));
  try {
    const { db } = await importFhir([bundle.file], { asOf: AS_OF, wards: ['w3b'] });
    const image = toSqliteImage(db);
    db.close();
    return openReadonlyDb(image);
  } finally {
    bundle.cleanup();
  }
}
