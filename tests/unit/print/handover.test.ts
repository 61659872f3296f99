import { describe, expect, it } from 'vitest';
import { handoverReport } from '../../../electron/core/print/handover.ts';
import { chart, pageTexts, renderToBuffer } from './fixtures.ts';

describe('handover', () => {
  it('smoke', async () => {
    const charts = Array.from({ length: 12 }, (_, i) => chart(i + 1));
    const { pdf, pages } = await renderToBuffer((t) =>
      handoverReport({ scope: 'CHU Test — Médecine interne 3B', charts }, t),
    );
    require('node:fs').writeFileSync('/tmp/d_handover.pdf', pdf);
    const texts = await pageTexts(pdf);
    console.log(pages, texts[0]);
    expect(texts.length).toBe(pages);
  });
});
