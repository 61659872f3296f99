/**
 * The patient band that opens every patient block (and repeats on continuation pages): two
 * identifiers (name + birth date, MRN) and a Code 128 of the MRN for the scanner, where the
 * patient is, allergies and code status — the facts that must be in front of whoever acts on
 * the paper. Allergies are never blank: "no known allergies" and "not recorded" are said out loud.
 */
import { isChild } from '../../common/age.ts';
import {
  type AllergyAbsenceCategory,
  allergyAbsenceNotes,
  allergyLines,
  type AllergyLine,
  reactionWords,
} from '../../common/allergies.ts';
import { allergyBand, codeStatusSources, codeStatusWithWording } from '../../common/clinical.ts';
import { formatNumber } from '../../common/numbers.ts';
import { named } from '../../common/placeholder.ts';
import { sexLabel } from '../../common/sex.ts';
import { dosingWeight } from '../../common/weight.ts';
import type { AllergyState, Chart, CodeStatus, CodeStatusClaim } from '../model.ts';
import { code128, MIN_MODULE } from './barcode.ts';
import { storedDay } from './format.ts';
import type { Block, Measure, TextStyle } from './layout.ts';
import type { Translate } from './messages.ts';

export interface PatientIdentity {
  /** Null when the source records no name (printed as "no name recorded"). */
  readonly name: string | null;
  readonly birthDate: string | null;
  readonly sex: string | null;
  readonly mrn: string;
  readonly room: string | null;
  readonly bed: string | null;
  readonly allergyState: AllergyState;
  /** One per substance, merged as on screen; empty unless `allergyState` is present. */
  readonly allergies: readonly AllergyLine[];
  /** The source's "no known … allergy" statements, said beside the band as on screen. */
  readonly allergyAbsences: readonly { readonly category: AllergyAbsenceCategory }[];
  readonly codeStatus: CodeStatus;
  /** The hospital's own wording of the code status, printed beside the category. */
  readonly codeStatusText: string | null;
  readonly codeStatusFromText: boolean;
  /** Every source's claim when they disagree. */
  readonly codeStatusClaims: readonly CodeStatusClaim[];
  readonly isolation: string | null;
  /**
   * The dosing weight and when it was measured; for a child (under 18 at `at`) said even when
   * missing, since their doses are per kilogram. Absent where the report does not ask for it.
   */
  readonly weight?: {
    readonly kg: number | null;
    readonly at: string | null;
    readonly child: boolean;
  };
}

/**
 * The patient band's facts; `dosing` (the print time and the ward's zone) adds the dosing
 * weight, its date said on the ward's calendar (a weight taken at 00:30 is that day's, not the
 * day before's in UTC).
 */
export function identityFromChart(
  chart: Chart,
  dosing?: { readonly at: Date; readonly timeZone: string },
): PatientIdentity {
  const weight = dosingWeight(chart.observations, chart.patient.weightKg);
  return {
    ...(dosing
      ? {
          weight: {
            kg: weight?.kg ?? null,
            at: weight?.at ? storedDay(weight.at, dosing.timeZone) : null,
            child: isChild(chart.patient.birthDate, dosing.at, dosing.timeZone),
          },
        }
      : {}),
    name: chart.patient.name,
    birthDate: chart.patient.birthDate,
    sex: chart.patient.sex,
    mrn: chart.patient.mrn,
    room: chart.stay?.room ?? null,
    bed: chart.stay?.bed ?? null,
    allergyState: chart.allergyState,
    // Merged as on screen: one entry per substance, its reactions together; a refuted allergy
    // is no allergy (allergyLines leaves it out), so it is never in the header's allergy box.
    allergies: allergyLines(chart.allergies),
    allergyAbsences: chart.allergyAbsences,
    codeStatus: chart.stay?.codeStatus ?? 'unknown',
    codeStatusText: chart.stay?.codeStatusText ?? null,
    codeStatusFromText: chart.stay?.codeStatusFromText ?? false,
    codeStatusClaims: chart.stay?.codeStatusClaims ?? [],
    isolation: chart.stay?.isolation ?? null,
  };
}

const NAME: TextStyle = { face: 'bold', size: 11 };
const LINE: TextStyle = { face: 'regular', size: 9 };
const ALERT: TextStyle = { face: 'bold', size: 9.5 };
const MRN_TEXT: TextStyle = { face: 'regular', size: 8 };

const PAD = 5;
const ALLERGY_PAD = 2.5;
const BAR_HEIGHT = 22;
const MAX_MODULE = 0.9;
const MAX_BARCODE_WIDTH = 150;
const QUIET_MODULES = 10;

/** "Penicillin (anaphylaxis)": the substance (or the word for an unnamed one), its reactions. */
export function allergyText(t: Translate, line: AllergyLine): string {
  const substance = named(t, 'substance', line.substance, line.code);
  const reactions = reactionWords(t, line);
  return reactions.length > 0 ? `${substance} (${reactions.join(', ')})` : substance;
}

export function allergyLine(t: Translate, identity: PatientIdentity): string {
  const band = allergyBand(identity.allergyState, identity.allergies.length);
  const said =
    band === 'list'
      ? t('patient.allergies', {
          list: identity.allergies.map((line) => allergyText(t, line)).join(', '),
        })
      : t(`allergy.${band}`);
  const notes = allergyAbsenceNotes(t, identity.allergyState, identity.allergyAbsences);
  return [said, ...notes].join(' · ');
}

/** The patient's name, or "no name recorded" in the reader's words. */
export const patientName = (t: Translate, identity: Pick<PatientIdentity, 'name'>): string =>
  named(t, 'name', identity.name);

/** The code status category, the hospital's wording beside it (as on the chart header). */
export function codeStatusLine(
  t: Translate,
  identity: Pick<
    PatientIdentity,
    'codeStatus' | 'codeStatusText' | 'codeStatusFromText' | 'codeStatusClaims'
  >,
): string {
  const category = codeStatusWithWording(
    t,
    t(`codeStatus.${identity.codeStatus}`),
    identity.codeStatusText,
  );
  return [
    category,
    identity.codeStatusFromText ? t('codeStatus.fromText') : '',
    identity.codeStatus === 'conflicting'
      ? codeStatusSources(t, identity.codeStatusClaims, (iso) => iso)
      : '',
  ]
    .filter((part) => part !== '')
    .join(' — ');
}

export function placeLine(t: Translate, identity: Pick<PatientIdentity, 'room' | 'bed'>): string {
  if (identity.bed) return t('patient.bed', { bed: identity.bed });
  if (identity.room) return t('patient.room', { room: identity.room });
  return t('patient.noBed');
}

export function patientHeader(
  m: Measure,
  t: Translate,
  identity: PatientIdentity,
  width: number,
  continued: boolean,
): Block {
  const pattern = code128(identity.mrn);
  const moduleWidth = pattern ? Math.min(MAX_MODULE, MAX_BARCODE_WIDTH / pattern.modules) : 0;
  const barcode = pattern && moduleWidth >= MIN_MODULE ? { pattern, moduleWidth } : null;
  const barcodeWidth = barcode ? barcode.pattern.modules * barcode.moduleWidth : 0;
  // Code 128 needs a quiet zone of 10 modules each side: a white box around the bars.
  const quiet = barcode ? QUIET_MODULES * barcode.moduleWidth : 0;
  const textWidth = width - 2 * PAD - (barcode ? barcodeWidth + 2 * quiet + 4 : 0);

  const name = continued
    ? `${patientName(t, identity)} ${t('patient.continued')}`
    : patientName(t, identity);
  const facts = [
    identity.birthDate ? t('patient.born', { date: identity.birthDate }) : t('patient.bornUnknown'),
    sexLabel(t, identity.sex),
    t('patient.mrn', { mrn: identity.mrn }),
    placeLine(t, identity),
    weightLine(t, identity),
  ]
    .filter((part) => part.length > 0)
    .join('  ·  ');
  const lines: { text: string[]; style: TextStyle; boxed?: boolean }[] = [
    { text: m.wrap(name, NAME, textWidth), style: NAME },
    { text: m.wrap(facts, LINE, textWidth), style: LINE },
    {
      text: m.wrap(allergyLine(t, identity), ALERT, textWidth - 2 * ALLERGY_PAD),
      style: ALERT,
      boxed: true,
    },
    {
      text: m.wrap(
        t('patient.codeStatus', { status: codeStatusLine(t, identity) }),
        ALERT,
        textWidth,
      ),
      style: ALERT,
    },
  ];
  if (identity.isolation) {
    lines.push({
      text: m.wrap(t('patient.isolation', { isolation: identity.isolation }), ALERT, textWidth),
      style: ALERT,
    });
  }
  const lineBlockHeight = (l: (typeof lines)[number]): number =>
    l.text.length * m.lineHeight(l.style) + (l.boxed ? 2 * ALLERGY_PAD : 0);
  const textHeight = lines.reduce((sum, l) => sum + lineBlockHeight(l), 0);
  const barcodeHeight = barcode ? BAR_HEIGHT + m.lineHeight(MRN_TEXT) + 2 : 0;
  const height = Math.max(textHeight, barcodeHeight) + 2 * PAD;

  return {
    height: height + 4,
    keepWithNext: true,
    draw: (pen, x, y) => {
      pen.box(x, y, width, height, { fill: '#ececec' });
      let lineY = y + PAD;
      for (const line of lines) {
        if (line.boxed) {
          // Allergies in a white box with a heavy rule: found at a glance, in black and white.
          const h = lineBlockHeight(line);
          pen.box(x + PAD - 2, lineY, textWidth + 4, h - 1, { fill: '#ffffff' });
          pen.box(x + PAD - 2, lineY, textWidth + 4, h - 1, { lineWidth: 1.4 });
          pen.lines(line.text, x + PAD + ALLERGY_PAD - 2, lineY + ALLERGY_PAD, line.style);
        } else {
          pen.lines(line.text, x + PAD, lineY, line.style);
        }
        lineY += lineBlockHeight(line);
      }
      if (barcode) {
        const bx = x + width - quiet - barcodeWidth;
        pen.box(bx - quiet, y + PAD - 3, barcodeWidth + 2 * quiet, barcodeHeight + 4, {
          fill: '#ffffff',
        });
        pen.bars(barcode.pattern, bx, y + PAD, barcode.moduleWidth, BAR_HEIGHT);
        pen.text(
          identity.mrn,
          bx + barcodeWidth / 2 - pen.measure.width(identity.mrn, MRN_TEXT) / 2,
          y + PAD + BAR_HEIGHT + 2,
          MRN_TEXT,
        );
      }
    },
  };
}

/** "Weight 12,4 kg (2026-11-30)"; for a child with none, a warning to weigh before dosing. */
function weightLine(t: Translate, identity: PatientIdentity): string {
  const w = identity.weight;
  if (!w) return '';
  if (w.kg === null) return w.child ? t('weight.missingChild') : '';
  const kg = formatNumber(Math.round(w.kg * 100) / 100, t.language);
  return w.at
    ? t('patient.weightAt', { kg, date: w.at.slice(0, 10) })
    : t('patient.weight', { kg });
}
