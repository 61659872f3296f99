import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadonlyDb } from '../../../electron/core/db/queries.ts';
import { listWards } from '../../../electron/core/db/queries.ts';
import type { ReportRequest } from '../../../electron/core/model.ts';
import { renderReport, type ReportContext } from '../../../electron/core/print/render.ts';
import { DEFAULT_ADMIN_TIMES } from '../../../electron/core/schedule/admin-times.ts';
import { smallHospitalDb, AS_OF } from './export-db.ts';
import { manifest, pageTexts } from './fixtures.ts';

const ctx: ReportContext = {
  manifest: { ...manifest, dataAsOf: AS_OF.toISOString(), site: { id: 'chu', name: 'CHU Démo' } },
  language: 'en',
  paper: 'A4',
  printedAt: new Date('2026-11-28T07:30:00Z'),
  printedBy: 'IT batch',
  timeZone: 'Europe/Brussels',
  adminTimes: DEFAULT_ADMIN_TIMES,
  roundStarts: ['07:00', '15:00', '22:00'],
  censusBarcodes: true,
  staleAmberHours: 2,
  staleRedHours: 24,
};

let db: ReadonlyDb;
beforeAll(async () => {
  db = await smallHospitalDb();
});
afterAll(() => db.close());

/** Renders in the context's language and paper (the request names them). */
async function render(
  what: Omit<ReportRequest, 'language' | 'paper'>,
  context: ReportContext = ctx,
): Promise<{ pdf: Buffer; text: string; pages: number }> {
  const request: ReportRequest = { ...what, language: context.language, paper: context.paper };
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const { pages } = await renderReport(db, request, context, sink);
  const pdf = Buffer.concat(chunks);
  return { pdf, pages, text: (await pageTexts(pdf)).join('\n') };
}

describe('renderReport from an open export', () => {
  it('prints the handover of a ward with every admitted patient, allergies and code status', async () => {
    const { text } = await render({ report: 'handover', wardId: 'w3b' });
    expect(text).toContain('Site Nord — Médecine interne 3B');
    for (const mrn of ['MRN0001', 'MRN0002', 'MRN0005']) expect(text).toContain(`MRN ${mrn}`);
    expect(text).toMatch(/LEFÈVRE-DUPONT, Hélène|Lefèvre-Dupont/i);
    expect(text).toMatch(/Œuvrard/i);
    expect(text).toContain('Allergies: Pénicilline (Urticaire)');
    expect(text).toContain('No known allergies');
    expect(text).toContain('Code status: DNR — do not resuscitate');
    expect(text).toContain('data as of 2026-11-28 08:00');
  });

  it('prints the MAR of a ward from the start of the current round: each order, PRN and orders to check', async () => {
    // Printed at 08:30 local: the round began at 07:00.
    const { text } = await render({ report: 'mar', wardId: 'w3b', marStart: 'round' });
    expect(text).toContain('From 2026-11-28 07:00 to 2026-11-29 07:00');
    expect(text).toMatch(/Insuline glargine[^\n]*\n[^\n]*\n[\s\S]*?\n08:00\n/);
    expect(text).toContain('As needed (PRN)');
    expect(text).toContain('douleur');
    expect(text).toMatch(/DO NOT GIVE BEFORE CHECKING WITH THE PRESCRIBER[\s\S]*Furosémide/);
  });

  it('prints a 3-day MAR from a given start', async () => {
    const { text } = await render({
      report: 'mar',
      wardId: 'w3b',
      start: '2026-11-28T06:00:00Z',
      days: 3,
    });
    expect(text).toContain('Medication administration record — 3 days');
    expect(text).toContain('From 2026-11-28 07:00 to 2026-12-01 07:00');
  });

  it('prints the census of every ward of the site by bed, and of one ward', async () => {
    const site = await render({ report: 'census' });
    for (const ward of listWards(db)) expect(site.text).toContain(ward.name);
    expect(site.text).toContain('CHU Démo — All wards');
    const one = await render({ report: 'census', wardId: 'w3b' });
    const beds = one.text.split('\n').filter((line) => /^\d+[AB]$/.test(line));
    expect(beds).toEqual(['2A', '12A', '12B']);
  });

  it('prints the whole chart of one patient', async () => {
    const { text } = await render({ report: 'summary', patientId: 'p-helene' });
    for (const part of [
      'Stay',
      'Allergies',
      'Medications',
      'Insuline glargine',
      'Paracétamol',
      'Vital signs',
      'Notes',
      'Contacts',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('refuses what it cannot print, with a reason a person can act on', async () => {
    await expect(render({ report: 'summary' })).rejects.toMatchObject({ kind: 'invalid-argument' });
    await expect(render({ report: 'handover' })).rejects.toMatchObject({
      kind: 'invalid-argument',
    });
    await expect(render({ report: 'census', wardId: 'nope' })).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(render({ report: 'summary', patientId: 'nobody' })).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(render({ report: 'handover', wardId: 'w2a' })).rejects.toThrow(
      /locating patients only/,
    );
    await expect(render({ report: 'summary', patientId: 'p-prudhomme' })).rejects.toThrow(
      /locating patients only/,
    );
    await expect(render({ report: 'mar', wardId: 'w3b', start: 'garbage' })).rejects.toMatchObject({
      kind: 'invalid-argument',
    });
    await expect(
      render({ report: 'census' }, { ...ctx, timeZone: 'Mars/Olympus' }),
    ).rejects.toMatchObject({ kind: 'invalid-config' });
  });

  it('embeds every font it uses, on A4 and Letter', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtv-print-'));
    try {
      for (const paper of ['A4', 'Letter'] as const) {
        const { pdf } = await render(
          { report: 'summary', patientId: 'p-helene' },
          { ...ctx, paper },
        );
        const file = path.join(dir, `${paper}.pdf`);
        fs.writeFileSync(file, pdf);
        // pdffonts (poppler-utils) lists each font with its "emb" column.
        const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' })
          .trim()
          .split('\n')
          .slice(2);
        expect(rows.length).toBeGreaterThanOrEqual(2);
        for (const row of rows)
          expect(row).toMatch(/DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
        const size = execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(
          /Page size:\s+([\d.]+) x ([\d.]+)/,
        );
        expect(size?.slice(1).map(Number)).toEqual(paper === 'A4' ? [595.28, 841.89] : [612, 792]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
