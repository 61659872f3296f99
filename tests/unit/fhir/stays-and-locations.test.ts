/**
 * Who is where at T (issue 11: Stays, locations, census): a stay is current when it has started
 * by T and not ended; date-only periods are whole local days of the site; the place comes from
 * referenced, contained or display-only Locations; the bed board lists empty beds.
 */
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { bedsOfWard } from '../../../electron/core/db/queries.ts';
import { type Resource, asReadonly, importSmallHospital, patient, stay } from './small-hospital.ts';

const closes: (() => void)[] = [];
afterEach(() => closes.splice(0).forEach((c) => c()));
async function load(extra: Resource[], asOf?: string) {
  const imported = await importSmallHospital(extra, asOf ? { asOf: new Date(asOf) } : {});
  closes.push(imported.close);
  return imported;
}
const stayOf = (db: Database.Database, id: string) =>
  db.prepare('SELECT ward_id, room, bed FROM stays WHERE patient_id = ?').get(id) as
    { ward_id: string; room: string | null; bed: string | null } | undefined;

const NEW = patient('p-new', 'Nieuw', 'Nina', 'N1', '1990-01-01');

describe('the current stay at T', () => {
  it('is not an in-progress stay that starts after T', async () => {
    const { db } = await load([
      NEW,
      stay('e-new', 'p-new', 'b3b-12b', '2026-11-29T08:00:00+01:00'),
    ]);
    expect(stayOf(db, 'p-new')).toBeUndefined();
  });

  it('runs a date-only end through that whole local day (Brussels), not the UTC day', async () => {
    const ending = {
      ...stay('e-new', 'p-new', 'b3b-12b', '2026-11-20', '2026-11-28'),
      status: 'finished',
    };
    // 23:30 Brussels on the 28th: still that day.
    expect(stayOf((await load([NEW, ending], '2026-11-28T22:30:00Z')).db, 'p-new')).toBeDefined();
    // 00:30 Brussels on the 29th (still the 28th in UTC): over.
    expect(stayOf((await load([NEW, ending], '2026-11-28T23:30:00Z')).db, 'p-new')).toBeUndefined();
  });

  it('starts a date-only start at local midnight', async () => {
    const starting = stay('e-new', 'p-new', 'b3b-12b', '2026-11-28');
    // 00:30 Brussels on the 28th, 23:30 UTC on the 27th.
    expect(stayOf((await load([NEW, starting], '2026-11-27T23:30:00Z')).db, 'p-new')).toBeDefined();
  });

  it('reads date-only days in the zone the import is given', async () => {
    const starting = stay('e-new', 'p-new', 'b3b-12b', '2026-11-28');
    const { db, close } = await importSmallHospital([NEW, starting], {
      asOf: new Date('2026-11-27T23:30:00Z'),
      timeZone: 'UTC',
    });
    closes.push(close);
    expect(stayOf(db, 'p-new')).toBeUndefined();
  });

  it('takes the latest start of several current stays, and warns', async () => {
    const { db, report } = await load([
      NEW,
      stay('e-new-1', 'p-new', 'b3b-12b', '2026-11-20T08:00:00+01:00'),
      stay('e-new-2', 'p-new', 'b2a-01', '2026-11-26T08:00:00+01:00'),
    ]);
    expect(stayOf(db, 'p-new')).toMatchObject({ ward_id: 'w2a', bed: '01' });
    expect(report.warnings['multiple-current-stays']).toBe(1);
  });
});

describe('where a stay is', () => {
  it('follows a contained bed and room (#id) up to the referenced ward', async () => {
    const encounter: Resource = {
      ...stay('e-new', 'p-new', 'unused', '2026-11-27T08:00:00+01:00'),
      contained: [
        {
          resourceType: 'Location',
          id: 'room',
          name: '7',
          physicalType: { coding: [{ code: 'ro' }] },
          partOf: { reference: 'Location/w-geri' },
        },
        {
          resourceType: 'Location',
          id: 'bed',
          name: '7B',
          physicalType: { coding: [{ code: 'bd' }] },
          partOf: { reference: '#room' },
        },
      ],
      location: [{ location: { reference: '#bed' } }],
    };
    const { db, report } = await load([NEW, encounter]);
    expect(stayOf(db, 'p-new')).toEqual({ ward_id: 'w-geri', room: '7', bed: '7B' });
    expect(report.warnings['unresolved-reference']).toBe(0);
  });

  it('reads ward, room and bed from a display-only reference', async () => {
    const encounter: Resource = {
      ...stay('e-new', 'p-new', 'unused', '2026-11-27T08:00:00+01:00'),
      location: [{ location: { display: 'Ward 1, Room 42, Bed 1' } }],
    };
    const { db } = await load([NEW, encounter]);
    const row = db
      .prepare(
        "SELECT w.name, s.room, s.bed FROM stays s JOIN wards w ON w.id = s.ward_id WHERE s.patient_id = 'p-new'",
      )
      .get();
    expect(row).toEqual({ name: 'Ward 1', room: '42', bed: '1' });
  });

  it('reads a French display the same way', async () => {
    const encounter: Resource = {
      ...stay('e-new', 'p-new', 'unused', '2026-11-27T08:00:00+01:00'),
      location: [{ location: { display: 'Gériatrie 4, chambre 12, lit A' } }],
    };
    const { db } = await load([NEW, encounter]);
    expect(stayOf(db, 'p-new')).toMatchObject({ room: '12', bed: 'A' });
  });

  it('takes the location entry active at T, not a planned one listed last', async () => {
    const encounter: Resource = {
      ...stay('e-new', 'p-new', 'unused', '2026-11-27T08:00:00+01:00'),
      location: [
        { location: { reference: 'Location/b3b-12b' }, status: 'active' },
        { location: { reference: 'Location/b2a-01' }, status: 'planned' },
      ],
    };
    const { db } = await load([NEW, encounter]);
    expect(stayOf(db, 'p-new')).toMatchObject({ ward_id: 'w3b', bed: '12B' });
  });
});

describe('the bed board', () => {
  it('lists every bed of a ward in bed order, empty ones included, with its occupants', async () => {
    const { db } = await load([]);
    expect(bedsOfWard(asReadonly(db), 'w3b')).toEqual([
      { id: 'b3b-2a', wardId: 'w3b', room: '2', bed: '2A', patientIds: ['p-oeuvrard'] },
      { id: 'b3b-12a', wardId: 'w3b', room: '12', bed: '12A', patientIds: ['p-helene'] },
      { id: 'b3b-12b', wardId: 'w3b', room: '12', bed: '12B', patientIds: ['p-zoe'] },
    ]);
    expect(bedsOfWard(asReadonly(db), 'w-geri')).toEqual([]);
  });

  it('shows the bed of a discharged patient as empty', async () => {
    const discharged = stay(
      'e-prudhomme',
      'p-prudhomme',
      'b2a-01',
      '2026-11-27T14:00:00+01:00',
      '2026-11-28T07:00:00+01:00',
    );
    const { db } = await load([discharged]);
    expect(bedsOfWard(asReadonly(db), 'w2a')).toEqual([
      { id: 'b2a-01', wardId: 'w2a', room: null, bed: '01', patientIds: [] },
    ]);
  });
});
