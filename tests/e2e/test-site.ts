/**
 * A small synthetic site made on the fly for the viewer specs that need exports the bundled
 * demo cannot give: several exports of one site (a newer one this laptop cannot open, an
 * older one it can) and a ward inflated to tens of thousands of beds for the scroll test.
 * Everything is generated with the real demo generator, importer and export writer.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { generateDemoHospital } from '../../electron/core/demo/generate.ts';
import { openReadonlyDb } from '../../electron/core/db/open.ts';
import { exportInfo, recordCounts, scopeWards } from '../../electron/core/db/queries.ts';
import { toSqliteImage } from '../../electron/core/db/schema.ts';
import { importFhir } from '../../electron/core/fhir/import.ts';
import { writeExport } from '../../electron/core/format/dtx.ts';
import { generateDeviceIdentity, sealIdentity } from '../../electron/core/keys/device-identity.ts';
import {
  generateSiteKey,
  writeSiteKeyFiles,
  type SiteKey,
} from '../../electron/core/keys/site-key.ts';

export const SITE_PASSPHRASE = 'test site ward passphrase';
const AS_OF = new Date('2026-11-28T07:00:00Z');
/** Cheap scrypt for a test identity; the app's default cost is about the laptop, not the UI. */
const WORK_FACTOR = 10;

export interface TestSite {
  readonly dir: string;
  readonly trustDir: string;
  /** This laptop's identity, sealed with SITE_PASSPHRASE. */
  readonly identityFile: string;
  /** The ward whose census was inflated (when `bulkPatients` was asked). */
  readonly bulkWardId: string | null;
  /** Writes an export of the site: for this laptop, or for another device only. */
  exportFile(name: string, options: { sequence: number; forThisLaptop: boolean }): Promise<string>;
  remove(): void;
}

export interface TestSiteOptions {
  /** Admit this many extra synthetic patients to the first in-scope ward. */
  readonly bulkPatients?: number;
  /** Export only the first ward with full detail: the others become locator rows. */
  readonly oneWardInScope?: boolean;
  /** Import these FHIR inputs (as of now) instead of a generated demo hospital. */
  readonly fhir?: readonly string[];
}

export async function makeTestSite(options: TestSiteOptions = {}): Promise<TestSite> {
  const dir = mkdtempSync(join(tmpdir(), 'downtime-site-'));
  const trustDir = join(dir, 'trust');
  mkdirSync(trustDir);
  const generated = join(dir, 'fhir');
  const inputs = options.fhir ?? [generated];
  // Real inputs are pictured now (in-progress stays); the generated hospital at its own instant.
  const asOf = options.fhir ? new Date() : AS_OF;
  if (!options.fhir) {
    await generateDemoHospital({ patients: 40, seed: 7, asOf, outDir: generated });
  }
  const wards = options.oneWardInScope ? [await firstWard(inputs, asOf)] : undefined;
  const { db } = await importFhir(inputs, {
    asOf,
    demo: !options.fhir,
    ...(wards ? { wards } : {}),
  });
  let image: Buffer;
  let bulkWardId: string | null = null;
  try {
    if (options.bulkPatients) bulkWardId = addBulkPatients(db, options.bulkPatients);
    image = toSqliteImage(db);
  } finally {
    db.close();
  }
  const view = openReadonlyDb(image);
  const info = exportInfo(view);
  const base = {
    site: { id: info.siteId, name: info.siteName },
    createdAt: asOf.toISOString(),
    dataAsOf: info.dataAsOf,
    scope: { wards: scopeWards(view) },
    counts: { ...recordCounts(view) },
    demo: info.demo,
  };
  view.close();

  const siteKey: SiteKey = generateSiteKey();
  writeSiteKeyFiles(siteKey, join(trustDir, 'site.key'));
  const laptop = await generateDeviceIdentity();
  const other = await generateDeviceIdentity();
  const identityFile = join(dir, 'device.key');
  writeFileSync(
    identityFile,
    await sealIdentity(laptop.identity, SITE_PASSPHRASE, { workFactor: WORK_FACTOR }),
  );

  return {
    dir,
    trustDir,
    identityFile,
    bulkWardId,
    async exportFile(name, { sequence, forThisLaptop }) {
      const dtx = await writeExport({
        manifest: { ...base, exportId: randomUUID(), sequence },
        sqlite: image,
        recipients: [forThisLaptop ? laptop.recipient : other.recipient],
        siteKey,
      });
      const path = join(dir, name);
      writeFileSync(path, dtx);
      return path;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function firstWard(inputs: readonly string[], asOf: Date): Promise<string> {
  const { db } = await importFhir(inputs, { asOf });
  try {
    const ward = db.prepare('SELECT id FROM wards ORDER BY id LIMIT 1').get() as
      { id: string } | undefined;
    if (!ward) throw new Error('the generated site has no ward');
    return ward.id;
  } finally {
    db.close();
  }
}

/** Admits `count` synthetic patients to the first in-scope ward, one bed each. */
function addBulkPatients(db: Database.Database, count: number): string {
  const ward = db.prepare('SELECT id FROM wards WHERE in_scope = 1 ORDER BY id LIMIT 1').get() as
    { id: string } | undefined;
  if (!ward) throw new Error('the generated site has no in-scope ward');
  const numbers = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)`;
  db.prepare(
    `${numbers}
     INSERT INTO patients (id, mrn, family, given, name, birth_date, sex, allergy_state, locator)
     SELECT 'bulk-' || i, 'B' || printf('%06d', i), 'Bulk', 'Patient ' || i,
            'BULK, Patient ' || printf('%06d', i), '1960-01-01', 'female', 'unknown', 0
     FROM n`,
  ).run({ count });
  db.prepare(
    `${numbers}
     INSERT INTO stays (patient_id, ward_id, room, bed, admitted_at, code_status)
     SELECT 'bulk-' || i, @ward, 'X' || printf('%05d', i), 'A', '2026-11-20T08:00:00Z', 'unknown'
     FROM n`,
  ).run({ count, ward: ward.id });
  return ward.id;
}
