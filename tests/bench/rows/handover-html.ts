/**
 * The handover sheet as HTML, for the Chromium baseline: the same words, in the same order, as
 * print/handover.ts lays out with pdfkit — title, patient band with the Code 128 MRN bars,
 * the four I-PASS parts with tick boxes, blank synthesis lines, and the page footer — so
 * `page.pdf()` has the same content to typeset.
 */
import type { Chart } from '../../../electron/core/model.ts';
import { barRects, code128 } from '../../../electron/core/print/barcode.ts';
import type { Translate } from '../../../electron/core/print/messages.ts';
import {
  allergyLine,
  identityFromChart,
  placeLine,
} from '../../../electron/core/print/patient-header.ts';

export const escape = (text: string): string =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );

const MODULE_PT = 0.9;

function barcodeSvg(mrn: string): string {
  const pattern = code128(mrn);
  if (!pattern) return '';
  const bars = barRects(pattern, MODULE_PT)
    .map(
      (r) =>
        `<rect x="${(r.x + 10 * MODULE_PT).toFixed(2)}" width="${r.width.toFixed(2)}" height="22"/>`,
    )
    .join('');
  const width = (pattern.modules + 20) * MODULE_PT;
  return `<svg class="bars" width="${width.toFixed(1)}pt" height="22pt" viewBox="0 0 ${width.toFixed(1)} 22">${bars}</svg><div class="mrn">${escape(mrn)}</div>`;
}

/** The patient band both sheets open with: identity, allergies, code status, MRN bars. */
export function patientBand(t: Translate, chart: Chart): string {
  const id = identityFromChart(chart);
  const facts = [
    id.birthDate ? t('patient.born', { date: id.birthDate }) : t('patient.bornUnknown'),
    id.sex ?? '',
    t('patient.mrn', { mrn: id.mrn }),
    placeLine(t, id),
  ]
    .filter((part) => part.length > 0)
    .join('  ·  ');
  return `<div class="band"><div class="who"><b>${escape(id.name ?? '')}</b><br>${escape(facts)}<br><b>${escape(allergyLine(t, id))}</b><br><b>${escape(
    t('patient.codeStatus', { status: t(`codeStatus.${id.codeStatus}`) }),
  )}</b>${id.isolation ? `<br><b>${escape(t('patient.isolation', { isolation: id.isolation }))}</b>` : ''}</div><div class="code">${barcodeSvg(id.mrn)}</div></div>`;
}

function patientBlock(t: Translate, chart: Chart): string {
  const severity = chart.handover.severity ?? chart.stay?.severity ?? null;
  const actions = chart.handover.actions.length === 0 ? [] : chart.handover.actions;
  const row = (label: string, value: string) =>
    `<tr><th>${escape(label)}</th><td>${value}</td></tr>`;
  return `<section>
${patientBand(t, chart)}
<table>
${row(t('ipass.severity'), escape(severity ? t(`severity.${severity}`).toUpperCase() : t('severity.none')))}
${row(t('ipass.summary'), escape(chart.handover.summary ?? chart.stay?.reason ?? t('summary.none')))}
${row(
  t('ipass.actions'),
  `${actions.length === 0 ? escape(t('ipass.noActions')) : ''}${[...actions, '']
    .map((a) => `<div class="tick">☐ ${escape(a)}</div>`)
    .join('')}`,
)}
${row(t('ipass.awareness'), escape(chart.handover.situationAwareness ?? t('summary.none')))}
${row(t('ipass.synthesis'), '<div class="line"></div><div class="line"></div>')}
</table></section>`;
}

export interface HandoverPage {
  readonly html: string;
  /** Chromium's footer template (its own page numbers). */
  readonly footer: string;
}

export function handoverHtml(
  t: Translate,
  scope: string,
  charts: readonly Chart[],
  footer: { dataAsOf: string; printedAt: string; user: string },
): HandoverPage {
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
body { font: 8.5pt 'DejaVu Sans', sans-serif; margin: 0; }
h1 { font-size: 14pt; margin: 0 0 2pt; } .scope { margin-bottom: 8pt; }
section { margin-bottom: 10pt; }
.band { display: flex; justify-content: space-between; background: #ececec; padding: 5pt; break-inside: avoid; }
.band b:first-child { font-size: 11pt; } .code { background: #fff; text-align: center; font-size: 7pt; }
table { width: 100%; border-collapse: collapse; } th { width: 150pt; text-align: left; vertical-align: top; }
.line { border-bottom: 0.5pt solid #000; height: 14pt; } .tick { margin: 1pt 0; }
</style></head><body><h1>${escape(t('report.handover'))}</h1><div class="scope">${escape(scope)}</div>
${charts.map((chart) => patientBlock(t, chart)).join('\n')}
</body></html>`;
  return { html, footer: footerTemplate(t, footer) };
}

/** Chromium's footer template with the same words as the printed footer, its own page numbers. */
export function footerTemplate(
  t: Translate,
  footer: { dataAsOf: string; printedAt: string; user: string },
): string {
  const text = escape(t('footer', { ...footer, page: '{page}', pages: '{pages}' }))
    .replace('{page}', '<span class="pageNumber"></span>')
    .replace('{pages}', '<span class="totalPages"></span>');
  return `<div style="font-size:7pt; width:100%; text-align:center">${text}</div>`;
}
