/**
 * Downtime registrations: reserved numbers read from IT's list, issued one at a time, never the
 * same number twice on a laptop — across a restart (nothing is kept in memory between issues),
 * a newer export with the same or a longer list, a power cut mid-line — and listed for re-entry.
 */
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';
import {
  parseDowntimeIds,
  readDowntimeIds,
} from '../../../electron/core/registrations/downtime-ids.ts';
import {
  issueRegistration,
  nextDowntimeId,
  readRegistrations,
  REGISTRATIONS_FILE,
} from '../../../electron/core/registrations/registrations.ts';
import { ENROLLED_RECIPIENT_FILE } from '../../../electron/core/store/store.ts';
import { type ExportKit, makeExportKit } from '../store/make-exports.ts';
import { expectRefusal, run } from '../cli/capture.ts';
import { smallHospital, writeBundle } from '../fhir/small-hospital.ts';

let root: string;
let kit: ExportKit;
let storeDir: string;
let n = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'registrations-'));
  mkdirSync(join(root, 'trust'));
  kit = await makeExportKit(join(root, 'trust'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  n++;
  storeDir = join(root, `store-${n}`);
  mkdirSync(storeDir);
});

const issue = (reserved: string[], exportId = 'exp-1', user = 'Anne Claes') =>
  issueRegistration({
    storeDir,
    auditFile: join(storeDir, 'audit.jsonl'),
    reserved,
    exportId,
    wardId: 'W3',
    wardName: 'Cardiologie 3',
    user,
    device: 'ward-3-laptop',
    now: new Date('2026-12-01T09:00:00Z'),
  });

describe('the reserved numbers file', () => {
  it('reads one number per line, skipping blank lines and comments', () => {
    expect(
      parseDowntimeIds('# from ADT, 2026-11-30\nDT0001\n\n DT0002  # spare\r\nDT0003\n', 'ids.txt'),
    ).toEqual(['DT0001', 'DT0002', 'DT0003']);
  });

  it('refuses a repeated number, naming both lines', () => {
    expect(() => parseDowntimeIds('DT1\nDT2\nDT1\n', 'ids.txt')).toThrow(
      /ids\.txt, line 3: DT1 is already on line 1/,
    );
  });

  it('refuses a malformed number and an empty list', () => {
    expect(() => parseDowntimeIds('DT1\nDT 2\n', 'ids.txt')).toThrow(
      /line 2: "DT 2" is not a downtime number/,
    );
    expect(() => parseDowntimeIds('# nothing\n', 'ids.txt')).toThrow(/holds no downtime numbers/);
  });

  it('says which file it cannot read', () => {
    expect(() => readDowntimeIds(join(root, 'missing.txt'))).toThrow(
      /missing\.txt.*--downtime-ids/,
    );
  });
});

describe('issuing downtime numbers', () => {
  it('issues the list in order and records who, when, ward and export', () => {
    expect(issue(['D1', 'D2', 'D3']).number).toBe('D1');
    expect(issue(['D1', 'D2', 'D3'], 'exp-1', 'Bart Peeters').number).toBe('D2');
    const issued = readRegistrations(storeDir);
    expect(issued).toEqual([
      expect.objectContaining({ seq: 1, number: 'D1', issuedBy: 'Anne Claes', wardId: 'W3' }),
      expect.objectContaining({
        seq: 2,
        number: 'D2',
        issuedBy: 'Bart Peeters',
        exportId: 'exp-1',
      }),
    ]);
  });

  it('audits each number issued on the store trail', () => {
    issue(['D1', 'D2']);
    const lines = readFileSync(join(storeDir, 'audit.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      event: 'registration-issued',
      user: 'Anne Claes',
      detail: { number: 'D1', exportId: 'exp-1', ward: 'W3' },
    });
    expect(verifyAudit(join(storeDir, 'audit.jsonl'))).toMatchObject({ ok: true });
  });

  it('never issues a number twice across a newer export with the same list, or one that overlaps', () => {
    issue(['D1', 'D2', 'D3'], 'exp-1');
    issue(['D1', 'D2', 'D3'], 'exp-1');
    // A newer export re-sends the reservation, extended: the laptop goes on after D2.
    expect(issue(['D1', 'D2', 'D3', 'D4'], 'exp-2').number).toBe('D3');
    // Another newer export lists D2 again among new numbers: D2 stays issued once.
    expect(issue(['D2', 'D4', 'D5'], 'exp-3').number).toBe('D4');
    const numbers = readRegistrations(storeDir).map((r) => r.number);
    expect(numbers).toEqual(['D1', 'D2', 'D3', 'D4']);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('refuses once the list is used up, and when the export carries no numbers', () => {
    issue(['D1']);
    expect(() => issue(['D1'])).toThrow(/All 1 downtime numbers of this export have been issued/);
    expect(() => issue([])).toThrow(/carries no downtime numbers/);
    expect(readRegistrations(storeDir)).toHaveLength(1);
  });

  it('drops a line cut short by a power cut (never confirmed) and writes over it', () => {
    issue(['D1', 'D2', 'D3']);
    appendFileSync(join(storeDir, REGISTRATIONS_FILE), '{"seq":2,"number":"D2","iss');
    expect(readRegistrations(storeDir).map((r) => r.number)).toEqual(['D1']);
    expect(issue(['D1', 'D2', 'D3']).number).toBe('D2');
    expect(readRegistrations(storeDir).map((r) => [r.seq, r.number])).toEqual([
      [1, 'D1'],
      [2, 'D2'],
    ]);
  });

  it('refuses to issue from a damaged file rather than risk a number again', () => {
    issue(['D1', 'D2']);
    const file = join(storeDir, REGISTRATIONS_FILE);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('"D1"', '"D1x"').replace('"seq":1', '"seq":7'),
    );
    expect(() => issue(['D1', 'D2'])).toThrow(/line 1, is damaged; no number is issued/);
  });

  it('picks the first reserved number not yet issued', () => {
    expect(nextDowntimeId(['A', 'B', 'C'], [{ number: 'B' }, { number: 'A' }])).toBe('C');
    expect(nextDowntimeId(['A'], [{ number: 'A' }])).toBeNull();
  });
});

describe('downtime export --downtime-ids and downtime registrations', () => {
  it('lists the numbers issued and what is left of the installed export', async () => {
    const path = join(root, `with-ids-${n}.dtx`);
    writeFileSync(path, await kit.exportBytes(5, { downtimeIds: ['D1', 'D2', 'D3'] }));
    // The store installs only exports addressed to the laptop it was enrolled for.
    writeFileSync(join(storeDir, ENROLLED_RECIPIENT_FILE), `${kit.recipient}\n`);
    const installed = await run('install', path, '--store', storeDir, '--trust', kit.trustDir);
    expect(installed.code, installed.stderr).toBe(0);
    issue(['D1', 'D2', 'D3'], 'exp-5');

    const json = await run('registrations', '--store', storeDir, '--json');
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      issued: [
        { number: 'D1', issuedBy: 'Anne Claes', wardName: 'Cardiologie 3', exportId: 'exp-5' },
      ],
      reserved: 3,
      remaining: 2,
    });
    const text = await run('registrations', '--store', storeDir);
    expect(text.stdout).toMatch(
      /issued .*: 1\n {2}D1 .*2026-12-01T09:00:00\.000Z {2}Anne Claes {2}Cardiologie 3/,
    );
    expect(text.stdout).toMatch(/Reserved in the current export: 3, not yet issued: 2/);
  });

  it('signs the reserved numbers into the export', async () => {
    const bundle = writeBundle(smallHospital());
    try {
      const ids = join(root, 'ids.txt');
      writeFileSync(ids, '# ward 3B, from ADT\nDT-0001\nDT-0002\n');
      const out = join(root, 'ids.dtx');
      const exported = await run(
        'export',
        '--fhir',
        bundle.file,
        '--sign',
        join(root, 'trust', 'site.key'),
        '--to',
        kit.recipient,
        '--downtime-ids',
        ids,
        '--out',
        out,
      );
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stdout).toMatch(/2 downtime numbers\./);
      const verified = await run('verify', out, '--trust', kit.trustDir, '--json');
      expect(JSON.parse(verified.stdout)).toMatchObject({
        manifest: { downtimeIds: ['DT-0001', 'DT-0002'] },
      });
      writeFileSync(ids, 'DT-0001\nDT-0001\n');
      expect(
        expectRefusal(
          await run(
            'export',
            '--fhir',
            bundle.file,
            '--sign',
            join(root, 'trust', 'site.key'),
            '--to',
            kit.recipient,
            '--downtime-ids',
            ids,
            '--out',
            out,
          ),
        ),
      ).toMatch(/ids\.txt, line 2: DT-0001 is already on line 1/);
    } finally {
      bundle.cleanup();
    }
  });

  it('refuses a store that is not there', async () => {
    expect(expectRefusal(await run('registrations', '--store', join(root, 'nowhere')))).toMatch(
      /no export store/,
    );
  });
});
