/**
 * Property: no MedicationRequest — any status, modifiers, dosage instructions, rates, timings —
 * crashes the importer, reaches the export in a shape the API would refuse, or yields a due
 * time for an order that is not active (or is not to be given).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleOrder } from '../../../electron/core/db/order-schedule.ts';
import { ORDER_COLUMNS, toMedicationOrder } from '../../../electron/core/db/rows.ts';
import { createExportDatabase } from '../../../electron/core/db/schema.ts';
import { Collector } from '../../../electron/core/fhir/collect.ts';
import { ReportTally } from '../../../electron/core/fhir/report.ts';
import { writeRows } from '../../../electron/core/fhir/write-rows.ts';
import { MedicationOrderSchema } from '../../../electron/core/model.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import { AS_OF, smallHospital } from './small-hospital.ts';

const junk = fc.oneof(fc.constant(null), fc.string({ maxLength: 6 }), fc.integer(), fc.boolean());
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const instant = fc
  .integer({ min: -10 * 24, max: 10 * 24 })
  .map((h) => new Date(AS_OF.getTime() + h * 3600_000).toISOString());
const quantity = fc.record({
  value: fc.oneof(fc.double({ min: 0, max: 1000, noNaN: true }), junk),
  unit: maybe(fc.constantFrom('mg', 'mL/h', 'U', 'tablet')),
});
const repeat = fc.record(
  {
    frequency: fc.oneof(fc.integer({ min: 1, max: 6 }), junk),
    frequencyMax: fc.integer({ min: 1, max: 6 }),
    period: fc.oneof(fc.constantFrom(1, 4, 6, 8, 12, 0.5), junk),
    periodMax: fc.integer({ min: 1, max: 12 }),
    periodUnit: fc.oneof(fc.constantFrom('h', 'd', 'wk', 'min'), junk),
    when: fc.array(fc.constantFrom('ACM', 'ACV', 'HS', 'MORN', 'XYZ'), { maxLength: 3 }),
    timeOfDay: fc.array(fc.constantFrom('08:00:00', '20:00', '25:00'), { maxLength: 2 }),
    count: fc.oneof(fc.integer({ min: 1, max: 5 }), junk),
    boundsDuration: fc.record({
      value: fc.integer({ min: 0, max: 5 }),
      code: fc.constantFrom('d', 'h', '?'),
    }),
    boundsPeriod: fc.record({ start: maybe(instant), end: maybe(instant) }),
  },
  { requiredKeys: [] },
);
const dosage = fc.record(
  {
    sequence: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(1.5), junk),
    text: fc.string({ maxLength: 10 }),
    timing: fc.oneof(
      fc.record({ repeat }),
      fc.record({ code: fc.record({ text: fc.constantFrom('BID', 'Q6H', '??') }) }),
      junk,
    ),
    asNeededBoolean: fc.boolean(),
    doseAndRate: fc.array(
      fc.record(
        {
          doseQuantity: quantity,
          doseRange: fc.record({ low: quantity, high: quantity }),
          rateQuantity: quantity,
          rateRange: fc.record({ low: quantity, high: quantity }),
          rateRatio: fc.record({ numerator: quantity, denominator: quantity }),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
);
const request = fc.record(
  {
    status: fc.oneof(
      fc.constantFrom(
        'active',
        'on-hold',
        'draft',
        'unknown',
        'stopped',
        'completed',
        'cancelled',
        'entered-in-error',
      ),
      junk,
    ),
    intent: fc.constantFrom('order', 'plan', 'proposal'),
    doNotPerform: fc.oneof(fc.boolean(), junk),
    medicationCodeableConcept: fc.oneof(
      fc.record({ text: fc.constantFrom('Héparine', 'Paracétamol', '') }),
      fc.record({
        coding: fc.array(
          fc.record({
            system: fc.constantFrom('http://www.whocc.no/atc', 'urn:x'),
            code: fc.string({ maxLength: 7 }),
          }),
          { maxLength: 2 },
        ),
      }),
      junk,
    ),
    modifierExtension: fc.array(
      fc.oneof(
        fc.record({ url: fc.constant('https://ehr.example/unknown') }),
        fc.constant({
          url: 'http://nictiz.nl/fhir/StructureDefinition/zib-Medication-StopType',
          valueCodeableConcept: {
            coding: [{ system: 'http://snomed.info/sct', code: '385655000' }],
          },
        }),
        junk,
      ),
      { maxLength: 2 },
    ),
    dosageInstruction: fc.oneof(fc.array(dosage, { maxLength: 4 }), junk),
    dispenseRequest: fc.record({
      validityPeriod: fc.record({ start: maybe(instant), end: maybe(instant) }),
    }),
    authoredOn: instant,
    statusReason: fc.oneof(fc.record({ text: fc.string({ maxLength: 8 }) }), junk),
    category: fc.array(fc.record({ text: fc.constantFrom('inpatient', 'dispense') }), {
      maxLength: 1,
    }),
  },
  { requiredKeys: [] },
);

describe('any MedicationRequest', () => {
  it('imports without a crash, in the API’s shape, and is never due unless active and to give', () => {
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 6 }), (requests) => {
        const tally = new ReportTally();
        const collector = new Collector(
          { asOf: AS_OF.getTime(), timeZone: 'Europe/Brussels' },
          tally,
        );
        const resources = [
          ...smallHospital(),
          ...requests.map((r, i) => ({
            ...r,
            resourceType: 'MedicationRequest',
            id: `prop-${i}`,
            subject: { reference: 'Patient/p-helene' },
          })),
        ];
        for (const r of resources) collector.accept(r, r.resourceType, null);
        expect(tally.warnings.get('malformed-resource') ?? 0).toBe(0);
        const db = createExportDatabase();
        try {
          writeRows(db, collector.collected, { asOf: AS_OF, timeZone: 'Europe/Brussels' }, tally);
          const rows = db
            .prepare(`SELECT ${ORDER_COLUMNS} FROM medication_orders WHERE id LIKE 'prop-%'`)
            .all() as Parameters<typeof toMedicationOrder>[0][];
          for (const row of rows) {
            const order = MedicationOrderSchema.parse(toMedicationOrder(row));
            const schedule = scheduleOrder(
              order,
              {
                start: new Date(AS_OF.getTime() - 86_400_000),
                end: new Date(AS_OF.getTime() + 2 * 86_400_000),
              },
              { adminTimes: DEFAULT_ADMIN_TIMES, timeZone: 'Europe/Brussels' },
            );
            if (order.state !== 'active' || order.doNotPerform)
              expect(schedule.kind).toBe('not-given');
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 200 },
    );
  });
});
