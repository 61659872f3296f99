/**
 * A real CUPS print: the test starts its own `cupsd` (its own config, spool and state under a
 * temp folder, on a free local port), adds a cups-pdf queue, prints a ward's labels and round
 * through `downtime print --printer`, and finds the same pages in the PDF that lands: same count,
 * same sizes, and each landed page looks like its original (cups-pdf re-renders the document
 * through Ghostscript, so the bytes and the text encoding differ; the pixels do not).
 *
 * cups-pdf reads its per-queue settings (where the PDF lands) only from /etc/cups, so the test
 * writes one uniquely named file there and removes it. It is skipped, saying why, only where
 * CUPS, cups-pdf or Ghostscript is not installed or cupsd cannot run its backend (not root).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../cli/capture.ts';
import { writeCliExport } from './cli-export.ts';

const CUPS_PDF_BACKEND = '/usr/lib/cups/backend/cups-pdf';
const CUPS_PDF_PPD = '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd';

function missing(): string | null {
  for (const tool of ['/usr/sbin/cupsd', '/usr/sbin/lpadmin']) {
    if (!fs.existsSync(tool)) return `${tool} is not installed (apt-get install cups)`;
  }
  if (!fs.existsSync(CUPS_PDF_BACKEND) || !fs.existsSync(CUPS_PDF_PPD))
    return 'cups-pdf is not installed (apt-get install printer-driver-cups-pdf)';
  try {
    execFileSync('lp', ['-h'], { stdio: 'ignore' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'lp is not installed';
  }
  if (process.getuid?.() !== 0)
    return 'the cups-pdf backend runs only under a cupsd started as root';
  return null;
}

const reason = missing();
if (reason) console.log(`CUPS test skipped: ${reason}`);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitFor<T>(what: string, probe: () => T | null, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

let dir: string;
let common: string[];
let cupsd: ChildProcess | null = null;
let server = '';
const queue = `DowntimeTest${process.pid}`;
const queueConfig = `/etc/cups/cups-pdf-dtv${process.pid}.conf`;

describe.skipIf(reason !== null)('printing through a real CUPS queue', () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtv-cups-'));
    common = await writeCliExport(dir);
    const root = path.join(dir, 'cups');
    for (const sub of ['spool', 'tmp', 'cache', 'state', 'log', 'out'])
      fs.mkdirSync(path.join(root, sub), { recursive: true });
    fs.chmodSync(path.join(root, 'tmp'), 0o1777);
    fs.chmodSync(path.join(root, 'out'), 0o1777);
    fs.chmodSync(dir, 0o711);
    fs.chmodSync(root, 0o711);
    const port = await freePort();
    server = `127.0.0.1:${port}`;
    fs.writeFileSync(
      path.join(root, 'cupsd.conf'),
      [
        `Listen ${server}`,
        'LogLevel warn',
        'Browsing No',
        'WebInterface No',
        'DefaultAuthType None',
        '<Location />',
        '  Order allow,deny',
        '  Allow all',
        '</Location>',
        '<Policy default>',
        '  <Limit All>',
        '    Order deny,allow',
        '    Allow all',
        '  </Limit>',
        '</Policy>',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(root, 'cups-files.conf'),
      [
        `ServerRoot ${root}`,
        `RequestRoot ${root}/spool`,
        `TempDir ${root}/tmp`,
        `CacheDir ${root}/cache`,
        `StateDir ${root}/state`,
        `ErrorLog ${root}/log/error_log`,
        `AccessLog ${root}/log/access_log`,
        `PageLog ${root}/log/page_log`,
        'DataDir /usr/share/cups',
        'ServerBin /usr/lib/cups',
        'Printcap',
        'SystemGroup root',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      queueConfig,
      `Out ${root}/out\nAnonDirName ${root}/out\nLabel 0\nUserUMask 0077\n`,
    );
    cupsd = spawn(
      '/usr/sbin/cupsd',
      ['-f', '-c', path.join(root, 'cupsd.conf'), '-s', path.join(root, 'cups-files.conf')],
      { stdio: 'ignore' },
    );
    await waitFor(
      'cupsd to listen',
      () => {
        try {
          execFileSync('lpstat', ['-h', server, '-r'], { stdio: 'ignore' });
          return true;
        } catch {
          return null;
        }
      },
      20_000,
    );
    execFileSync(
      '/usr/sbin/lpadmin',
      ['-h', server, '-p', queue, '-E', '-v', `cups-pdf:/dtv${process.pid}`, '-P', CUPS_PDF_PPD],
      { stdio: 'ignore' },
    );
  });

  afterAll(async () => {
    if (cupsd && cupsd.exitCode === null) {
      const exited = new Promise((r) => cupsd?.once('exit', r));
      cupsd.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(queueConfig, { force: true });
    if (dir && !process.env['KEEP_CUPS']) fs.rmSync(dir, { recursive: true, force: true });
  });

  const landed = (): string[] =>
    fs
      .readdirSync(path.join(dir, 'cups', 'out'))
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => path.join(dir, 'cups', 'out', f));

  it('prints a ward’s labels through --printer and the same pages land', async () => {
    const original = path.join(dir, 'labels.pdf');
    const options = ['--report', 'labels', '--ward', 'w3b', '--user', 'CUPS test'];
    expect((await run('print', ...common, ...options, '--out', original)).code).toBe(0);

    const saved = process.env['CUPS_SERVER'];
    process.env['CUPS_SERVER'] = server;
    let printed;
    try {
      printed = await run('print', ...common, ...options, '--printer', queue);
    } finally {
      if (saved === undefined) delete process.env['CUPS_SERVER'];
      else process.env['CUPS_SERVER'] = saved;
    }
    expect(printed.code, printed.stderr).toBe(0);
    const job = /job (\S+)$/m.exec(printed.stdout)?.[1];
    expect(job).toMatch(new RegExp(`^${queue}-\\d+$`));

    const [pdf] = await waitFor('the PDF to land', () => {
      const files = landed();
      // cups-pdf writes in place: wait until the file is complete (pdfinfo reads it).
      if (files.length === 0) return null;
      try {
        execFileSync('pdfinfo', [files[0] as string], { stdio: 'ignore' });
        return files;
      } catch {
        return null;
      }
    });
    const info = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(info(file))?.[1]);
    const size = (file: string) =>
      /Page size:\s+([\d.]+) x ([\d.]+)/
        .exec(info(file))
        ?.slice(1)
        .map((n) => Math.round(Number(n)));
    expect(pages(pdf as string)).toBe(pages(original));
    expect(pages(original)).toBe(3);
    expect(size(pdf as string)).toEqual(size(original));

    // Each landed page is closest to its own original page among all of them (the sheets of
    // two patients differ only in the name and barcodes, so this is a real test of identity).
    const originals = [1, 2, 3].map((page) => raster(original, page));
    for (let page = 1; page <= 3; page++) {
      const arrived = raster(pdf as string, page);
      const scores = originals.map((o) => Math.max(unmatched(o, arrived), unmatched(arrived, o)));
      expect(scores.indexOf(Math.min(...scores)), `page ${page}: ${scores.join(', ')}`).toBe(
        page - 1,
      );
      expect(scores[page - 1]).toBeLessThan(0.04);
    }
  });
});

interface Raster {
  readonly width: number;
  readonly height: number;
  readonly pixels: Buffer;
}

/** Page `page` of `file` in grey at 72 dpi (a binary PGM from pdftoppm). */
function raster(file: string, page: number): Raster {
  const pgm = execFileSync(
    'pdftoppm',
    ['-gray', '-r', '72', '-f', String(page), '-l', String(page), file],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const [, width, height] = pgm.subarray(0, 32).toString('latin1').split(/\s+/);
  return { width: Number(width), height: Number(height), pixels: pgm.subarray(pgmBody(pgm)) };
}

const dark = (r: Raster, x: number, y: number): boolean =>
  x >= 0 && y >= 0 && x < r.width && y < r.height && (r.pixels[y * r.width + x] as number) < 100;

/**
 * The share of `a`'s dark pixels with no dark pixel of `b` within one pixel: 0 for the same
 * page however the two were anti-aliased, more where text or bars differ.
 */
function unmatched(a: Raster, b: Raster): number {
  let ink = 0;
  let missing = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      if (!dark(a, x, y)) continue;
      ink++;
      let found = false;
      for (let dy = -1; dy <= 1 && !found; dy++)
        for (let dx = -1; dx <= 1 && !found; dx++) found = dark(b, x + dx, y + dy);
      if (!found) missing++;
    }
  }
  return ink === 0 ? 1 : missing / ink;
}

/** Where the pixels of a binary PGM (`P5 w h max\n`) start. */
function pgmBody(pgm: Buffer): number {
  let fields = 0;
  let i = 0;
  while (fields < 4 && i < pgm.length) {
    while (i < pgm.length && /\s/.test(String.fromCharCode(pgm[i] as number))) i++;
    while (i < pgm.length && !/\s/.test(String.fromCharCode(pgm[i] as number))) i++;
    fields++;
  }
  return i + 1;
}
