import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegistrations } from '../../../electron/core/registrations/registrations.ts';
import { openStore } from '../../../electron/core/store/store.ts';
import { expectRefusal, run } from '../cli/capture.ts';
import { writeCliExport } from './cli-export.ts';
import { pageTexts } from './fixtures.ts';

let dir: string;
let common: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtv-cli-print-'));
  common = await writeCliExport(dir);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const outFile = (name: string): string => path.join(dir, name);

describe('downtime print', () => {
  it('writes the handover of a ward to a PDF and says how many pages', async () => {
    const out = outFile('handover.pdf');
    const r = await run(
      'print',
      ...common,
      '--report',
      'handover',
      '--ward',
      'w3b',
      '--user',
      'IT night shift',
      '--out',
      out,
    );
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/handover\.pdf: \d+ pages? \(handover\)/);
    const texts = await pageTexts(fs.readFileSync(out));
    // Bed order, one block per patient kept whole: the ward's first bed opens page 1.
    expect(texts[0]).toContain('MRN MRN0002 · Bed 2A');
    expect(texts.join('\n')).toContain('MRN MRN0001');
    expect(texts[0]).toMatch(/by IT night shift — page 1\/\d+/);
    expect(texts[0]).toContain('DEMO DATA — not real patients');
    expect(fs.existsSync(`${out}.part`)).toBe(false);
  });

  it('finds a patient by MRN and a ward by name, in the language asked for, on Letter paper', async () => {
    const summary = outFile('summary.pdf');
    expect(
      (
        await run(
          'print',
          ...common,
          '--report',
          'summary',
          '--patient',
          'MRN0001',
          '--lang',
          'nl',
          '--out',
          summary,
        )
      ).code,
    ).toBe(0);
    expect((await pageTexts(fs.readFileSync(summary)))[0]).toContain(
      'Samenvatting patiëntendossier',
    );
    const mar = outFile('mar.pdf');
    const r = await run(
      'print',
      ...common,
      '--report',
      'mar',
      '--ward',
      'Médecine interne 3B',
      '--paper',
      'Letter',
      '--start',
      '2026-11-28T07:00:00+01:00',
      '--out',
      mar,
    );
    expect(r.code).toBe(0);
    expect((await pageTexts(fs.readFileSync(mar))).join('\n')).toContain(
      'From 2026-11-28 07:00 to 2026-11-29 07:00',
    );
  });

  it('refuses with one line, and leaves no file, when the ward, patient, passphrase or folder is wrong', async () => {
    const out = outFile('refused.pdf');
    expect(
      expectRefusal(
        await run('print', ...common, '--report', 'census', '--ward', 'nowhere', '--out', out),
      ),
    ).toMatch(/no ward "nowhere"/);
    expect(
      expectRefusal(
        await run('print', ...common, '--report', 'summary', '--patient', 'MRN9999', '--out', out),
      ),
    ).toMatch(/MRN/);
    const wrongPass = path.join(dir, 'wrong.txt');
    fs.writeFileSync(wrongPass, 'not it\n');
    const withWrongPass = common.map((arg) => (arg.endsWith('pass.txt') ? wrongPass : arg));
    expectRefusal(await run('print', ...withWrongPass, '--report', 'census', '--out', out));
    expect(
      expectRefusal(
        await run(
          'print',
          ...common,
          '--report',
          'census',
          '--out',
          path.join(dir, 'missing', 'x.pdf'),
        ),
      ),
    ).toMatch(/Cannot write/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('answers wrong usage with exit 2 and the usage text', async () => {
    const noOut = await run('print', ...common, '--report', 'census');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('missing --out');
    const badReport = await run(
      'print',
      ...common,
      '--report',
      'letter',
      '--out',
      outFile('x.pdf'),
    );
    expect(badReport.code).toBe(2);
    expect(badReport.stderr).toContain('--report must be one of handover, mar, census, summary');
    expect(
      (
        await run(
          'print',
          ...common,
          '--report',
          'mar',
          '--start',
          'tomorrow',
          '--out',
          outFile('x.pdf'),
        )
      ).code,
    ).toBe(2);
    expect((await run('print', '--help')).stdout).toContain('--report KIND');
  });
});

describe('downtime print --printer', () => {
  /** A stand-in `lp` first on PATH: keeps what it read on stdin, answers like CUPS. */
  function fakeLp(): { bin: string; received: () => Buffer[]; args: () => string[] } {
    const bin = fs.mkdtempSync(path.join(dir, 'bin-'));
    const lp = path.join(bin, 'lp');
    fs.writeFileSync(
      lp,
      `#!/bin/sh\nn=$(ls "${bin}" | grep -c '^job-')\ncat > "${bin}/job-$n.pdf"\necho "$@" > "${bin}/args-$n"\necho "request id is Fake-$n (1 file(s))"\n`,
      { mode: 0o755 },
    );
    const jobs = () =>
      fs
        .readdirSync(bin)
        .filter((f) => f.startsWith('job-'))
        .sort();
    return {
      bin,
      received: () => jobs().map((f) => fs.readFileSync(path.join(bin, f))),
      args: () =>
        fs
          .readdirSync(bin)
          .filter((f) => f.startsWith('args-'))
          .sort()
          .map((f) => fs.readFileSync(path.join(bin, f), 'utf8').trim()),
    };
  }

  async function withPath<T>(bin: string, work: () => Promise<T>): Promise<T> {
    const saved = process.env['PATH'];
    process.env['PATH'] = `${bin}${path.delimiter}${saved ?? ''}`;
    try {
      return await work();
    } finally {
      process.env['PATH'] = saved;
    }
  }

  it('pipes the PDF to lp and reports the job id, writing no file', async () => {
    const lp = fakeLp();
    const before = fs.readdirSync(dir).length;
    const r = await withPath(lp.bin, () =>
      run(
        'print',
        ...common,
        '--report',
        'labels',
        '--ward',
        'w3b',
        '--printer',
        'Ward-3B',
        '--copies',
        '2',
      ),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Ward-3B: 3 pages × 2 \(labels w3b\), job Fake-0$/m);
    const [pdf] = lp.received();
    expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    expect(lp.args()).toEqual(['-d Ward-3B -n 2 -t Downtime Viewer -- -']);
    expect(fs.readdirSync(dir).length).toBe(before);
    const texts = await pageTexts(pdf ?? Buffer.alloc(0));
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain('MRN MRN0002');
  });

  it('pre-prints MAR, handover and census for every ward in scope', async () => {
    const lp = fakeLp();
    const r = await withPath(lp.bin, () =>
      run(
        'print',
        ...common,
        '--all-wards',
        '--report',
        'mar,handover,census',
        '--printer',
        'Backup',
      ),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.replace(/: \d+ pages?/, '')),
    ).toEqual([
      'Backup × 1 (mar w3b), job Fake-0',
      'Backup × 1 (handover w3b), job Fake-1',
      'Backup × 1 (census), job Fake-2',
    ]);
    expect(lp.received()).toHaveLength(3);
  });

  it('says what the printer answered when it refuses the job', async () => {
    const bin = fs.mkdtempSync(path.join(dir, 'bin-'));
    fs.writeFileSync(
      path.join(bin, 'lp'),
      '#!/bin/sh\ncat > /dev/null\necho "lp: The printer or class does not exist." >&2\nexit 1\n',
      { mode: 0o755 },
    );
    const r = await withPath(bin, () =>
      run('print', ...common, '--report', 'census', '--printer', 'Nope'),
    );
    expect(expectRefusal(r)).toMatch(/lp: The printer or class does not exist\./);
  });

  it('refuses --all-wards to a file and --copies without a printer', async () => {
    const toFile = await run(
      'print',
      ...common,
      '--all-wards',
      '--report',
      'mar',
      '--out',
      outFile('x.pdf'),
    );
    expect(toFile.code).toBe(2);
    expect(toFile.stderr).toMatch(/--all-wards prints to --printer NAME/);
    const copies = await run(
      'print',
      ...common,
      '--report',
      'mar',
      '--copies',
      '2',
      '--out',
      outFile('x.pdf'),
    );
    expect(copies.code).toBe(2);
  });
});

describe('downtime print --report registration', () => {
  let regDir: string;
  let withIds: string[];
  let storeDir: string;
  beforeAll(async () => {
    regDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtv-cli-registration-'));
    withIds = await writeCliExport(regDir, { downtimeIds: ['DT-0001', 'DT-0002'] });
    storeDir = path.join(regDir, 'store');
    openStore(storeDir);
  });
  afterAll(() => fs.rmSync(regDir, { recursive: true, force: true }));

  const issue = (out: string, ...more: string[]) =>
    run(
      'print',
      ...withIds,
      '--report',
      'registration',
      '--ward',
      'w3b',
      '--store',
      storeDir,
      '--user',
      'Inf. Claes',
      '--out',
      path.join(regDir, out),
      ...more,
    );
  const auditLines = () =>
    fs
      .readFileSync(path.join(storeDir, 'audit.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.includes('"registration-issued"'));

  it('issues the next number once, through the laptop’s registrations file and audit, and prints its packet', async () => {
    const first = await issue('first.pdf');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('Issued downtime number DT-0001 to Médecine interne 3B');
    expect(first.stdout).toMatch(/first\.pdf: \d+ pages \(registration\)/);
    const packet = (await pageTexts(fs.readFileSync(path.join(regDir, 'first.pdf')))).join('\n');
    expect(packet).toContain('DT-0001');
    expect(packet).not.toContain('DT-0002');

    const second = await issue('second.pdf');
    expect(second.stdout).toContain('Issued downtime number DT-0002');
    expect(readRegistrations(storeDir).map((r) => [r.number, r.issuedBy, r.wardId])).toEqual([
      ['DT-0001', 'Inf. Claes', 'w3b'],
      ['DT-0002', 'Inf. Claes', 'w3b'],
    ]);
    expect(auditLines()).toHaveLength(2);
  });

  it('prints an issued number again with --number, issuing nothing; refuses one never issued', async () => {
    const again = await issue('again.pdf', '--number', 'DT-0001');
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('Issued');
    expect((await pageTexts(fs.readFileSync(path.join(regDir, 'again.pdf')))).join('\n')).toContain(
      'DT-0001',
    );
    expect(expectRefusal(await issue('never.pdf', '--number', 'DT-0099'))).toMatch(
      /DT-0099 was not issued on this laptop/,
    );
    expect(readRegistrations(storeDir)).toHaveLength(2);
    expect(auditLines()).toHaveLength(2);
  });

  it('refuses once every reserved number is issued, and without a store or a ward', async () => {
    expect(expectRefusal(await issue('none-left.pdf'))).toMatch(/All 2 downtime numbers/);
    expect(fs.existsSync(path.join(regDir, 'none-left.pdf'))).toBe(false);
    const noStore = await run(
      'print',
      ...withIds,
      '--report',
      'registration',
      '--ward',
      'w3b',
      '--out',
      path.join(regDir, 'x.pdf'),
    );
    expect(noStore.code).toBe(2);
    expect(noStore.stderr).toContain('missing --store');
    const storeElsewhere = await run(
      'print',
      ...withIds,
      '--report',
      'census',
      '--store',
      storeDir,
      '--out',
      path.join(regDir, 'x.pdf'),
    );
    expect(storeElsewhere.code).toBe(2);
    expect(readRegistrations(storeDir)).toHaveLength(2);
  });
});
