/**
 * The 24-hour MAR worksheet as HTML, for the Chromium baseline of the `mar` row: per patient
 * the same band as the handover, then one row per order — drug, dose, route, frequency —
 * across 24 hour columns with a tick box at each due time, PRN orders and orders without a
 * computable schedule apart, as print/mar.ts lays them out with pdfkit.
 */
import type { Chart, ChartMedication } from '../../../electron/core/model.ts';
import type { Translate } from '../../../electron/core/print/messages.ts';
import { escape, footerTemplate, patientBand } from './handover-html.ts';

const HOUR_MS = 3600_000;

function orderCell(m: ChartMedication): string {
  const dose = m.doseText ?? (m.dose === null ? '' : `${m.dose} ${m.doseUnit ?? ''}`);
  const parts = [dose, m.route ?? '', m.frequency ?? ''].filter((p) => p.length > 0);
  return `<b>${escape(m.drug ?? '')}</b>${m.highAlert ? ' <i>HIGH ALERT</i>' : ''}<br>${escape(parts.join(' · '))}`;
}

function patientMar(t: Translate, chart: Chart, start: number): string {
  const hours = Array.from({ length: 24 }, (_, h) => start + h * HOUR_MS);
  const head = hours.map((h) => `<th>${new Date(h).toISOString().slice(11, 13)}</th>`).join('');
  const scheduled = chart.medications.filter((m) => !m.prn && m.scheduleProblem === null);
  const rows = scheduled.map((m) => {
    const due = m.nextDue.map((d) => Date.parse(d.at));
    const cells = hours
      .map((h) => {
        const at = due.filter((d) => d >= h && d < h + HOUR_MS);
        return `<td>${at.map((d) => `${new Date(d).toISOString().slice(11, 16)} ☐`).join('<br>')}</td>`;
      })
      .join('');
    return `<tr><td class="order">${orderCell(m)}</td>${cells}</tr>`;
  });
  const apart = (title: string, list: readonly ChartMedication[]) =>
    list.length === 0
      ? ''
      : `<h3>${escape(title)}</h3>${list.map((m) => `<div class="apart">${orderCell(m)} ☐ ☐ ☐</div>`).join('')}`;
  return `<section>${patientBand(t, chart)}
<h3>${escape(t('mar.scheduled'))}</h3>
${rows.length === 0 ? `<p>${escape(t('mar.noDoses'))}</p>` : `<table><tr><th class="order"></th>${head}</tr>${rows.join('')}</table>`}
${apart(
  t('mar.prn'),
  chart.medications.filter((m) => m.prn),
)}
${apart(
  t('mar.unscheduled'),
  chart.medications.filter((m) => !m.prn && m.scheduleProblem !== null),
)}
</section>`;
}

export function marHtml(
  t: Translate,
  scope: string,
  charts: readonly Chart[],
  start: Date,
  footer: { dataAsOf: string; printedAt: string; user: string },
): { html: string; footer: string } {
  const from = Math.floor(start.getTime() / HOUR_MS) * HOUR_MS;
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
body { font: 7.5pt 'DejaVu Sans', sans-serif; margin: 0; }
h1 { font-size: 14pt; margin: 0 0 2pt; } h3 { font-size: 8pt; margin: 4pt 0 2pt; }
section { margin-bottom: 10pt; break-inside: auto; }
.band { display: flex; justify-content: space-between; background: #ececec; padding: 5pt; break-inside: avoid; }
.band b:first-child { font-size: 11pt; } .code { background: #fff; text-align: center; font-size: 7pt; }
table { width: 100%; border-collapse: collapse; } tr { break-inside: avoid; }
td, th { border: 0.5pt solid #000; padding: 1pt; vertical-align: top; font-size: 6.5pt; }
.order { width: 150pt; font-size: 7.5pt; } .apart { margin: 1pt 0; }
</style></head><body><h1>${escape(t('report.mar'))}</h1><div>${escape(scope)}</div>
${charts.map((chart) => patientMar(t, chart, from)).join('\n')}
</body></html>`;
  return { html, footer: footerTemplate(t, footer) };
}
