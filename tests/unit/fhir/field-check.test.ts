/** The FHIR R4 primitive rules field-check.ts applies, value by value. */
import { describe, expect, it } from 'vitest';
import { rejectMalformedFields } from '../../../electron/core/fhir/field-check.ts';
import { ReportTally } from '../../../electron/core/fhir/report.ts';

function kept(field: string, value: unknown, extra: Record<string, unknown> = {}): boolean {
  const resource: Record<string, unknown> = {
    resourceType: 'Observation',
    id: 'o',
    [field]: value,
    ...extra,
  };
  rejectMalformedFields(resource, 'Observation', new ReportTally());
  return field in resource;
}

describe('dates, dateTimes and instants', () => {
  it.each([
    '2026',
    '2026-11',
    '2026-11-28',
    '2024-02-29',
    '2026-11-28T08:00Z',
    '2026-11-28T08:00:00',
    '2026-11-28T08:00:00.123+01:00',
    '2026-11-28T23:59:60Z',
    '2026-11-28T08:00:00+14:00',
  ])('keeps %s', (value) => expect(kept('effectiveDateTime', value)).toBe(true));

  it.each([
    '2026-02-29',
    '2026-13',
    '2026-04-31',
    '26-11-28',
    '2026-11-28T24:00:00Z',
    '2026-11-28T08:00:00+15:00',
    '2026-11-28 08:00',
    '2026-11-28T08',
    '2026-11-28T08:00:00.Z',
    '${DATE, T, D, -4}T08:38:45+02:00',
    '',
    20261128,
  ])('rejects %s', (value) => expect(kept('effectiveDateTime', value)).toBe(false));
});

describe('codes', () => {
  it.each(['final', 'in-progress', 'Full code', 'V49.86'])('keeps %j', (value) =>
    expect(kept('status', value)).toBe(true),
  );
  it.each([' final', 'final ', 'a  b', 'a\tb', 'a\nb', '${STATUS}', '{{status}}', '', 3])(
    'rejects %j',
    (value) => expect(kept('status', value)).toBe(false),
  );
});

describe('numbers and times', () => {
  it('rejects a Quantity value given as text, keeps an Identifier value', () => {
    expect(kept('value', '7,5', { unit: 'mmol/L' })).toBe(false);
    expect(kept('value', 7.5, { unit: 'mmol/L' })).toBe(true);
    expect(kept('value', 'MRN-7', { system: 'urn:x' })).toBe(true);
  });

  it.each([
    ['08:00:00', true],
    ['08:00', true],
    ['8:00', false],
    ['24:00:00', false],
    ['08:60', false],
  ])('reads the time %s as %s', (value, ok) => expect(kept('valueTime', value)).toBe(ok));
});
