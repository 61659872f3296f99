/** The named queries on the small hand-made hospital, opened read-only as the viewer opens it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadonlyDb } from '../../../electron/core/db/open.ts';
import {
  censusByWard,
  exportInfo,
  getChart,
  listWards,
  recordCounts,
  scopeWards,
} from '../../../electron/core/db/queries.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import { openSmallHospital } from './export-db.ts';

const BRUSSELS = { adminTimes: DEFAULT_ADMIN_TIMES, timeZone: 'Europe/Brussels' };

let db: ReadonlyDb;
beforeAll(async () => (db = await openSmallHospital()));
afterAll(() => db.close());

describe('wards and census', () => {
  it('lists every ward with its site, scope and census count', () => {
    expect(listWards(db)).toEqual([
      {
        id: 'w2a',
        name: 'Chirurgie 2A',
        siteId: 'site-nord',
        siteName: 'Site Nord',
        inScope: true,
        censusCount: 1,
      },
      {
        id: 'w-geri',
        name: 'Gériatrie',
        siteId: 'site-nord',
        siteName: 'Site Nord',
        inScope: true,
        censusCount: 0,
      },
      {
        id: 'w3b',
        name: 'Médecine interne 3B',
        siteId: 'site-nord',
        siteName: 'Site Nord',
        inScope: true,
        censusCount: 3,
      },
    ]);
    // The manifest's scope: each ward with its name and its site's.
    expect(scopeWards(db)).toEqual(
      [
        ['w-geri', 'Gériatrie'],
        ['w2a', 'Chirurgie 2A'],
        ['w3b', 'Médecine interne 3B'],
      ].map(([id, name]) => ({ id, name, siteId: 'site-nord', siteName: 'Site Nord' })),
    );
  });

  it('gives a ward census in bed order, rooms numerically', () => {
    const census = censusByWard(db, 'w3b');
    expect(census.map((r) => [r.room, r.bed, r.name])).toEqual([
      ['2', '2A', 'ŒUVRARD, Jean'],
      ['12', '12A', 'LEFÈVRE-DUPONT, Hélène'],
      ['12', '12B', "D'HONDT, Zoë"],
    ]);
    expect(census[1]).toMatchObject({
      codeStatus: 'dnr',
      allergyState: 'present',
      locator: false,
      wardName: 'Médecine interne 3B',
    });
    expect(censusByWard(db, 'no-such-ward')).toEqual([]);
  });

  it('counts records and reads the export facts', () => {
    expect(recordCounts(db)).toEqual({
      patients: 5,
      census: 4,
      allergies: 1,
      medicationOrders: 3,
      administrations: 0,
      observations: 0,
      notes: 0,
    });
    expect(exportInfo(db)).toEqual({
      siteId: 'chu-demo',
      siteName: 'CHU Démo',
      dataAsOf: '2026-11-28T07:00:00.000Z',
      demo: false,
    });
  });
});

describe('getChart', () => {
  const now = new Date('2026-11-28T07:30:00Z'); // 08:30 in Brussels

  it('gathers the patient, the stay and the orders with their doses of the next 24 h', () => {
    const chart = getChart(db, 'p-helene', { now, ...BRUSSELS });
    expect(chart?.patient).toMatchObject({
      mrn: 'MRN0001',
      family: 'Lefèvre-Dupont',
      given: 'Hélène',
      birthDate: '1950-03-14',
    });
    expect(chart?.patient.identifiers).toHaveLength(2);
    expect(chart?.stay).toMatchObject({
      wardName: 'Médecine interne 3B',
      siteName: 'Site Nord',
      room: '12',
      bed: '12A',
      codeStatus: 'dnr',
    });
    expect(chart?.allergies).toEqual([
      {
        substance: 'Pénicilline',
        code: null,
        verification: null,
        reaction: 'Urticaire',
        reactionCode: null,
        severity: 'moderate',
        criticality: 'high',
        status: null,
        category: null,
        recordedAt: null,
      },
    ]);
    const byId = new Map(chart?.medications.map((m) => [m.id, m]));
    // Daily → 08:00 Brussels; 08:30 today is past, so the next is tomorrow 08:00 (07:00Z).
    expect(byId.get('m-helene-insulin')).toMatchObject({
      nextDue: [{ at: '2026-11-29T07:00:00.000Z', line: null }],
      scheduleProblem: null,
      highAlert: true,
    });
    expect(byId.get('m-helene-prn')).toMatchObject({
      prn: true,
      nextDue: [],
      scheduleProblem: null,
    });
    expect(byId.get('m-helene-no-timing')?.scheduleProblem).toEqual({
      code: 'no-timing',
      values: {},
    });
  });

  it('gives a chart without stay for a patient who is not admitted, and null for an unknown id', () => {
    expect(getChart(db, 'p-vandenbroeck', { now, ...BRUSSELS })).toMatchObject({
      stay: null,
      locator: false,
      medications: [],
    });
    expect(getChart(db, 'nobody', { now, ...BRUSSELS })).toBeNull();
  });
});
