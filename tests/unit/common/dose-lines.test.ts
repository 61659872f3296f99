import { describe, expect, it } from 'vitest';
import {
  doseLineRows,
  dueRoute,
  orderDosing,
  orderRoute,
} from '../../../electron/common/dose-lines.ts';
import type { RouteTerm } from '../../../electron/common/route.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';
import { frequencyOf } from '../../../electron/core/schedule/describe.ts';

const fr = wordsTranslator('fr');
const day = (iso: string) => iso.slice(0, 10);
const line = (
  dose: number | null,
  timing: unknown,
  step: { start: string | null; end: string | null } | null = null,
  routeTerm: RouteTerm | null = null,
) => ({
  dose,
  doseUnit: dose === null ? null : 'mg',
  doseText: null,
  route: null as string | null,
  routeTerm,
  frequency: null,
  frequencyParts: frequencyOf(timing),
  step,
});
const order = (lines: ReturnType<typeof line>[]) => ({ ...line(null, null), doseLines: lines });

describe('an order of several dose lines, one row per line', () => {
  it('says each dose with its own rhythm and step, in the lines’ order', () => {
    const rows = doseLineRows(
      order([
        line(80, { repeat: {} }, { start: '2026-11-15T00:00:00Z', end: '2026-11-21T23:00:00Z' }),
        line(
          40,
          { repeat: { frequency: 1, period: 2, periodUnit: 'wk' } },
          {
            start: '2026-11-22T00:00:00Z',
            end: null,
          },
        ),
      ]),
      fr,
      day,
    );
    expect(rows).toEqual([
      '80 mg · rythme non précisé · du 2026-11-15 au 2026-11-21',
      '40 mg · toutes les 2 semaines · à partir du 2026-11-22',
    ]);
  });

  it('says a line without a dose so, never borrowing a neighbour’s, and a step known only by its end', () => {
    const rows = doseLineRows(
      order([
        line(
          null,
          { repeat: { frequency: 2, period: 1, periodUnit: 'd' } },
          {
            start: null,
            end: '2026-11-21T23:00:00Z',
          },
        ),
        line(5, { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }),
      ]),
      fr,
      day,
    );
    expect(rows).toEqual([
      'dose non précisée · 2 fois par jour · jusqu’au 2026-11-21',
      '5 mg · 1 fois par jour',
    ]);
  });

  it('leaves an order of one instruction to its own dose and frequency', () => {
    const single = {
      ...line(5, { repeat: { frequency: 3, period: 1, periodUnit: 'd' } }),
      doseLines: [],
    };
    expect(doseLineRows(single, fr, day)).toEqual([]);
    expect(orderDosing(single, fr, day)).toEqual({ dose: '5 mg', frequency: '3 fois par jour' });
  });

  it('gives a table cell every row after a bullet, and "per dose line" as the frequency', () => {
    const dosing = orderDosing(
      order([line(10, { repeat: { when: ['ACM'] } }), line(15, { repeat: { when: ['ACD'] } })]),
      fr,
      day,
    );
    expect(dosing.dose.split('\n')).toEqual([
      '• 10 mg · avant le petit-déjeuner',
      '• 15 mg · avant le repas de midi',
    ]);
    expect(dosing.frequency).toBe('selon chaque ligne de dose');
  });
});

describe('the route of an order of several dose lines', () => {
  const daily = { repeat: { frequency: 1, period: 1, periodUnit: 'd' } };
  const loading = line(300, daily, { start: '2026-11-15T00:00:00Z', end: '2026-11-15T23:00:00Z' });

  it('is said on each line when the lines name different routes, and not on the order', () => {
    // As the importer stores it: the order's own route is every line's, joined.
    const amiodarone = {
      ...order([
        { ...loading, routeTerm: 'intravenous' as const },
        { ...line(200, daily, { start: '2026-11-16T00:00:00Z', end: null }), route: 'PO' },
      ]),
      route: 'PO',
    };
    expect(doseLineRows(amiodarone, fr, day)).toEqual([
      '300 mg · voie intraveineuse · 1 fois par jour · du 2026-11-15 au 2026-11-15',
      '200 mg · PO · 1 fois par jour · à partir du 2026-11-16',
    ]);
    expect(orderRoute(amiodarone, fr)).toBe('');
    expect(dueRoute(amiodarone, 0, fr)).toBe('voie intraveineuse');
    expect(dueRoute(amiodarone, 1, fr)).toBe('PO');
  });

  it('is said once, on the order, when every line names the same', () => {
    const insulin = {
      ...order([
        line(10, { repeat: { when: ['ACM'] } }, null, 'subcutaneous'),
        line(15, { repeat: { when: ['ACD'] } }, null, 'subcutaneous'),
      ]),
      routeTerm: 'subcutaneous' as const,
    };
    expect(doseLineRows(insulin, fr, day)).toEqual([
      '10 mg · avant le petit-déjeuner',
      '15 mg · avant le repas de midi',
    ]);
    expect(orderRoute(insulin, fr)).toBe('voie sous-cutanée');
    expect(dueRoute(insulin, 1, fr)).toBe('voie sous-cutanée');
  });
});
