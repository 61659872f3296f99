/**
 * Lines, drains and devices in use come from FHIR R4 DeviceUseStatement (status active, not
 * ended) with its Device — referenced or contained — in the source's words, on the chart
 * (`chart.devices`) for the handover (issues 11, 13). Fixture: tests/fixtures/fhir-public/devices.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadonlyDb } from '../../../electron/core/db/open.ts';
import { devicesOfPatient } from '../../../electron/core/db/chart.ts';
import { getChart } from '../../../electron/core/db/queries.ts';
import { importFhir, type ImportReport } from '../../../electron/core/fhir/import.ts';
import { toSqliteImage } from '../../../electron/core/db/schema.ts';
import { openReadonlyDb } from '../../../electron/core/db/open.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import { AS_OF, smallHospital, writeBundle } from './small-hospital.ts';

const FIXTURE = path.join(import.meta.dirname, '../../fixtures/fhir-public/devices/picc-line.json');
const resources = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Parameters<
  typeof smallHospital
>[0];

let db: ReadonlyDb;
let report: ImportReport;
beforeAll(async () => {
  const { file, cleanup } = writeBundle(smallHospital(resources));
  try {
    const imported = await importFhir([file], { asOf: AS_OF });
    report = imported.report;
    db = openReadonlyDb(toSqliteImage(imported.db));
    imported.db.close();
  } finally {
    cleanup();
  }
});
afterAll(() => db.close());

describe('lines, drains and devices', () => {
  it('lists the devices in use, newest placed first, each in the source’s words', () => {
    expect(devicesOfPatient(db, 'p-helene')).toEqual([
      {
        kind: 'Sonde urinaire à demeure',
        name: null,
        site: null,
        placedAt: '2026-11-26T09:00:00+01:00',
        note: 'rétention urinaire',
        unverified: false,
      },
      {
        kind: 'PICC line',
        name: 'PowerPICC 4 Fr',
        site: 'bras gauche',
        placedAt: '2026-11-21T14:30:00+01:00',
        note: 'rinçage NaCl 10 mL / 8 h',
        unverified: false,
      },
      // Undated ones last: a device the statement names nowhere is kept, never dropped.
      { kind: null, name: null, site: null, placedAt: null, note: null, unverified: false },
      {
        kind: null,
        name: 'Chest drain',
        site: 'right pleura',
        placedAt: null,
        note: null,
        unverified: true,
      },
    ]);
  });

  it('leaves out what is not in use now: completed, ended, intended', () => {
    const names = devicesOfPatient(db, 'p-helene').map((d) => d.name);
    for (const gone of ['Redon drain', 'Nasogastric tube', 'Arterial line'])
      expect(names).not.toContain(gone);
  });

  it('keeps a kind known only by a code as no kind, never the bare code', () => {
    const kinds = devicesOfPatient(db, 'p-helene').map((d) => d.kind);
    expect(kinds.join(' ')).not.toMatch(/\d{6,}/);
  });

  it('counts a statement with an unknown modifier and an unresolved Device in the report', () => {
    expect(report.warnings['unknown-modifier']).toBeGreaterThanOrEqual(1);
    expect(report.warnings['unresolved-reference']).toBeGreaterThanOrEqual(1);
    expect(report.rowsWritten['devices']).toBe(4);
  });

  it('puts them on the chart as chart.devices', () => {
    const chart = getChart(db, 'p-helene', {
      now: AS_OF,
      adminTimes: DEFAULT_ADMIN_TIMES,
      timeZone: 'Europe/Brussels',
    });
    expect(chart?.devices.map((d) => d.kind ?? d.name)).toEqual([
      'Sonde urinaire à demeure',
      'PICC line',
      null,
      'Chest drain',
    ]);
    expect(
      getChart(db, 'p-zoe', {
        now: AS_OF,
        adminTimes: DEFAULT_ADMIN_TIMES,
        timeZone: 'Europe/Brussels',
      })?.devices,
    ).toEqual([]);
  });
});
