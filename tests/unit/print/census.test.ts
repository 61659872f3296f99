import { describe, expect, it } from 'vitest';
import type { Language } from '../../../electron/core/api/contract.ts';
import type { Bed, CensusRow, Ward } from '../../../electron/core/model.ts';
import { boardLines, censusReport, type CensusWard } from '../../../electron/core/print/census.ts';
import { translator } from '../../../electron/core/print/messages.ts';
import { context, manifest, pageTexts, renderToBuffer } from './fixtures.ts';

const LANGUAGES: readonly Language[] = ['fr', 'nl', 'de', 'en'];

const ward: Ward = {
  id: 'w-2a',
  name: 'Chirurgie 2A',
  siteId: 's',
  siteName: 'CHU Test',
  inScope: true,
  censusCount: 0,
};

/** Names as long and hyphenated as a Belgian ward has them. */
const NAMES = [
  'PRUD’HOMME, Marie-Thérèse',
  'VANDENBROUCKE-DE SCHRIJVER, Jean-Baptiste',
  'ŒUVRARD, Cécile',
  'D’HONDT, Katrien',
  'SAINT-JACQUES, Jean-François',
];

/** 30 beds in 15 rooms; beds 2, 9 and 17 empty; one patient on the ward with no bed. */
function thirtyBeds(): CensusWard {
  const beds: Bed[] = [];
  const rows: CensusRow[] = [];
  for (let i = 0; i < 30; i++) {
    const room = String(Math.floor(i / 2) + 1).padStart(2, '0');
    const bed = `${room}${i % 2 === 0 ? 'A' : 'B'}`;
    const empty = [2, 9, 17].includes(i);
    const patientId = `p${i}`;
    beds.push({ id: `b${i}`, wardId: ward.id, room, bed, patientIds: empty ? [] : [patientId] });
    if (!empty) rows.push(row(i, room, bed));
  }
  rows.push(row(99, null, null));
  return {
    ward,
    rows,
    beds,
    allergies: new Map([
      [
        'p0',
        ['Pénicilline', 'Latex', 'Iode', 'Codéine'].map((s) => ({ substance: s, code: null })),
      ],
      ['p1', [{ substance: 'Latex', code: null }]],
    ]),
  };
}

function row(i: number, room: string | null, bed: string | null): CensusRow {
  return {
    patientId: `p${i}`,
    mrn: String(30000000 + i * 37),
    name: NAMES[i % NAMES.length] ?? 'X',
    birthDate: `19${40 + (i % 50)}-12-${String((i % 27) + 1).padStart(2, '0')}`,
    sex: i % 2 === 0 ? 'female' : 'male',
    wardId: ward.id,
    wardName: ward.name,
    room,
    bed,
    locator: false,
    admittedAt: '2026-11-28T10:00:00Z',
    attending: 'Dr Maes',
    reason: null,
    allergyState: i < 2 ? 'present' : i % 3 === 0 ? 'unknown' : 'none-known',
    codeStatus: i % 4 === 0 ? 'dnr' : 'full-code',
    isolation: i === 5 ? 'Contact' : null,
    severity: i === 3 ? 'unstable' : i === 4 ? 'watcher' : 'stable',
  };
}

describe('census bed board', () => {
  it('lists every bed in room and bed order, the empty ones included, then patients without a bed', () => {
    const lines = boardLines(thirtyBeds());
    expect(lines).toHaveLength(31);
    expect(
      lines.filter((l) => l.kind === 'empty').map((l) => l.kind === 'empty' && l.bed.bed),
    ).toEqual(['02A', '05B', '09B']);
    expect(lines.at(-1)).toMatchObject({ kind: 'patient', row: { patientId: 'p99' } });
  });
});

describe.each(LANGUAGES)('census bed board in %s', (language) => {
  const t = translator(language);

  async function print(barcodes: boolean) {
    const { pdf, pages } = await renderToBuffer(
      (tr) =>
        censusReport({ scope: 'CHU Test — Chirurgie 2A', wards: [thirtyBeds()], barcodes }, tr),
      { ...context, language },
    );
    return { texts: await pageTexts(pdf), pages };
  }

  it('prints the empty beds, the allergies by name, and about 25 rows a page without barcodes', async () => {
    const { texts, pages } = await print(false);
    const text = texts.join('\n').replace(/\s+/g, ' ');
    expect(text.match(new RegExp(t('census.emptyBed'), 'g'))).toHaveLength(3);
    expect(text).toContain(`Pénicilline, Latex ${t('census.moreAllergies', { count: 2 })}`);
    // Whitespace run together on both sides (`\s` covers the French no-break space).
    expect(text).toContain(t('census.emptyCount', { count: 3 }).replace(/\s+/g, ' '));
    expect(pages).toBe(2);
    // Rows per page (the MRN is printed once per patient row): 20 patients and 3 empty beds with
    // these long names; a real ward of two-line names fits 27.
    const first = texts[0]?.match(/\b300\d{5}\b/g) ?? [];
    expect(first.length).toBeGreaterThanOrEqual(20);
  });

  it('never breaks an identifier or a name inside a word', async () => {
    for (const barcodes of [false, true]) {
      const { texts } = await print(barcodes);
      const lines = texts.join('\n').split('\n');
      const board = thirtyBeds();
      for (const r of board.rows) {
        expect(lines.some((l) => l.split(' ').includes(r.mrn))).toBe(true);
        expect(lines.some((l) => l.includes(r.birthDate ?? ''))).toBe(true);
        if (r.bed) expect(lines.some((l) => l.split(' ').includes(r.bed ?? ''))).toBe(true);
      }
      // Every word of every name is on one line (names wrap only at spaces and hyphens).
      const words = NAMES.flatMap((n) => n.split(/[ -]/));
      for (const word of words) expect(lines.some((l) => l.includes(word))).toBe(true);
    }
  });

  it('puts the stale-data line at the top of every page when the data is old', async () => {
    const { pdf } = await renderToBuffer(
      (tr) => censusReport({ scope: 'CHU Test', wards: [thirtyBeds()], barcodes: true }, tr),
      {
        ...context,
        language,
        manifest: { ...manifest, dataAsOf: '2026-03-28T10:00:00Z' },
        printedAt: new Date('2026-03-28T15:30:00Z'),
      },
    );
    const texts = await pageTexts(pdf);
    expect(texts.length).toBeGreaterThan(1);
    const line = t('stale.line', {
      instruction: t('dataAge.amber'),
      age: t('stale.hours', { count: 5 }),
      dataAsOf: '2026-03-28 11:00',
    });
    const running = (text: string) => text.replace(/\s+/g, ' ');
    for (const text of texts) expect(running(text)).toContain(running(line));
  });
});
