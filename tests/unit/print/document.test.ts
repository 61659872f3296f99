import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pageSetup } from '../../../electron/core/print/context.ts';
import { writePdf } from '../../../electron/core/print/document.ts';
import { loadFonts } from '../../../electron/core/print/fonts.ts';
import { handoverReport } from '../../../electron/core/print/handover.ts';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { chart, context, pageTexts, handoverDefaults } from './fixtures.ts';

const charts = Array.from({ length: 9 }, (_, i) => chart(i + 1));

function render(out: Writable) {
  const { setup, t } = pageSetup(context);
  return writePdf(
    handoverReport({ ...handoverDefaults, scope: 'CHU Test', charts }, t),
    setup,
    loadFonts(),
    out,
  );
}

describe('streaming the PDF', () => {
  it('waits for a slow destination (back-pressure) and still delivers every byte', async () => {
    const chunks: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        setImmediate(callback);
      },
    });
    const { pages } = await render(slow);
    expect(slow.writableFinished).toBe(true);
    expect(await pageTexts(Buffer.concat(chunks))).toHaveLength(pages);
  });

  it('fails, rather than hangs, when the destination fails mid-document', async () => {
    let written = 0;
    const full = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        written += chunk.length;
        callback(written > 4096 ? Object.assign(new Error('no space'), { code: 'ENOSPC' }) : null);
      },
    });
    await expect(render(full)).rejects.toMatchObject({ code: 'ENOSPC' });
  });
});

describe('page body', () => {
  it('flows text longer than a page onto the next page, never into the footer', async () => {
    const long = chart(1, {
      handover: {
        ...chart(1).handover,
        summary: 'Lorem ipsum dolor sit amet, consectetur. '.repeat(400),
      },
    });
    const { setup, t } = pageSetup(context);
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    });
    const { pages } = await writePdf(
      handoverReport({ ...handoverDefaults, scope: 'CHU Test', charts: [long] }, t),
      setup,
      loadFonts(),
      out,
    );
    expect(pages).toBeGreaterThan(1);
    const task = getDocument({
      data: new Uint8Array(Buffer.concat(chunks)),
      useSystemFonts: false,
    });
    const doc = await task.promise;
    for (let n = 1; n <= doc.numPages; n++) {
      const items = (await (await doc.getPage(n)).getTextContent()).items.filter(
        (item) => 'str' in item && item.str.trim().length > 0,
      ) as { str: string; transform: number[] }[];
      const footer = items.find((item) => item.str.startsWith('Downtime copy'));
      const lowestText = Math.min(
        ...items.filter((item) => item !== footer).map((item) => item.transform[5] ?? 0),
      );
      // PDF y grows upwards: all content sits above the footer line.
      expect(lowestText).toBeGreaterThan((footer?.transform[5] ?? 0) + 8);
    }
    await task.destroy();
  });
});
