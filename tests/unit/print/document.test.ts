import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pageSetup } from '../../../electron/core/print/context.ts';
import { writePdf } from '../../../electron/core/print/document.ts';
import { loadFonts } from '../../../electron/core/print/fonts.ts';
import { handoverReport } from '../../../electron/core/print/handover.ts';
import { chart, context, pageTexts } from './fixtures.ts';

const charts = Array.from({ length: 9 }, (_, i) => chart(i + 1));

function render(out: Writable) {
  const { setup, t } = pageSetup(context);
  return writePdf(handoverReport({ scope: 'CHU Test', charts }, t), setup, loadFonts(), out);
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
