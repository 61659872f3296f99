/**
 * `fleet`: 20 per-ward exports from one FHIR input (`downtime export --plan`: one read of the
 * input, then per entry its own scoped image, sealed and written) against one whole-hospital
 * export of the same input (`downtime export` without `--wards`), both through the core
 * pipeline the CLI runs and both writing their files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listWards } from '../../../electron/core/db/queries.ts';
import { openReadonlyDb } from '../../../electron/core/db/open.ts';
import { writeExports } from '../../../electron/core/export/fleet.ts';
import { buildImage, imageOf, sealExport } from '../../../electron/core/export/pipeline.ts';
import type { PlanEntry } from '../../../electron/core/export/plan.ts';
import { writeAtomically } from '../../../electron/core/export/write-atomically.ts';
import { readFhir } from '../../../electron/core/fhir/import.ts';
import { generateDeviceIdentity } from '../../../electron/core/keys/device-identity.ts';
import { generateSiteKey } from '../../../electron/core/keys/site-key.ts';
import { AS_OF, type Fixture } from '../fixture.ts';
import { medianRow, type Row } from '../row.ts';
import { sideBySide, type Repeat } from '../stats.ts';

/** A hospital IT plan of 20 ward laptops (fewer when the demo hospital has fewer wards). */
const FLEET = 20;

export async function measureFleet(fixture: Fixture, repeat: Repeat): Promise<Row> {
  const siteKey = generateSiteKey();
  const { recipient } = await generateDeviceIdentity();
  // The wards with patients, from one untimed import.
  const { image } = imageOf(await readFhir([fixture.fhirDir], { asOf: AS_OF }), { demo: true });
  const db = openReadonlyDb(image);
  const wards = listWards(db)
    .filter((w) => w.censusCount > 0)
    .slice(0, FLEET)
    .map((w) => w.id);
  db.close();
  image.fill(0);
  const out = mkdtempSync(join(tmpdir(), 'downtime-bench-fleet-'));
  const entries: PlanEntry[] = wards.map((ward, index) => ({
    index,
    wards: [ward],
    recipients: [recipient],
    out: join(out, `${ward}.dtx`),
    downtimeIds: [],
  }));
  const sealed = { sequence: 1, createdAt: AS_OF, recipients: [recipient], siteKey };
  try {
    const measured = await sideBySide(
      repeat,
      {
        run: async () => {
          const input = await readFhir([fixture.fhirDir], { asOf: AS_OF });
          const results = await writeExports({ input, entries, ...sealed, demo: true });
          const failed = results.find((r) => !r.ok);
          if (failed && !failed.ok) throw failed.error;
        },
      },
      {
        run: async () => {
          const whole = await buildImage([fixture.fhirDir], { asOf: AS_OF, demo: true });
          try {
            const { bytes } = await sealExport({ image: whole.image, ...sealed });
            writeAtomically(join(out, 'hospital.dtx'), bytes);
          } finally {
            whole.image.fill(0);
          }
        },
      },
    );
    return medianRow(
      'fleet',
      fixture.scale,
      'ms',
      measured,
      `${entries.length} per-ward exports vs 1 whole-hospital export`,
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
