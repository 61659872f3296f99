/**
 * The demo hospital goes through the real importer (as `downtime demo` → `downtime export`
 * does), and every order it writes is one the schedule can place.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSummary, generateDemoHospital } from '../../../electron/cli/demo/generate.ts';
import { type ImportReport, importFhir } from '../../../electron/core/fhir/import.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import { expandTiming } from '../../../electron/core/schedule/expand.ts';

const AS_OF = new Date('2026-03-28T20:00:00Z');
let dir: string;
let summary: DemoSummary;
let report: ImportReport;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'demo-import-'));
  summary = await generateDemoHospital({ patients: 60, seed: 11, asOf: AS_OF, outDir: dir });
  const imported = await importFhir([dir], { asOf: AS_OF, demo: true });
  imported.db.close();
  report = imported.report;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the demo hospital through the importer', () => {
  it('imports every patient, with the admitted ones in the census', () => {
    expect(report.patients).toBe(60);
    expect(report.census).toBe(summary.admitted);
    expect(report.rowsWritten['handover']).toBe(summary.admitted);
  });

  it('reads every resource type it writes, without a single warning', () => {
    expect(report.skippedTypes).toEqual([]);
    expect(Object.values(report.warnings).every((n) => n === 0)).toBe(true);
  });
});

describe('the demo orders on the schedule', () => {
  it('places every timed order, across the spring-forward night too', () => {
    const orders = readFileSync(join(dir, 'MedicationRequest.ndjson'), 'utf8')
      .trimEnd()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            dosageInstruction: { timing?: unknown; asNeededBoolean?: boolean }[];
          },
      );
    const window = { start: AS_OF, end: new Date(AS_OF.getTime() + 24 * 3_600_000) };
    const kinds = orders.map(({ dosageInstruction: [dosage] }) =>
      dosage?.timing === undefined
        ? 'no timing'
        : expandTiming(dosage.timing, window, {
            timeZone: 'Europe/Brussels',
            adminTimes: DEFAULT_ADMIN_TIMES,
          }).kind,
    );
    expect(kinds).not.toContain('unscheduled');
    expect(kinds).toContain('times');
  });
});
