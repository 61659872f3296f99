/**
 * The patient band that opens every patient block (and repeats on continuation pages): two
 * identifiers (name + birth date, MRN) and a Code 128 of the MRN for the scanner, where the
 * patient is, allergies and code status — the facts that must be in front of whoever acts on
 * the paper. Allergies are never blank: "no known allergies" and "not recorded" are said out loud.
 */
import { allergyLines } from '../../common/allergies.ts';
import { allergyBand, codeStatusSources, codeStatusWithWording } from '../../common/clinical.ts';
import type { AllergyState, Chart, CodeStatus, CodeStatusClaim } from '../model.ts';
import { code128, MIN_MODULE } from './barcode.ts';
import type { Block, Measure, TextStyle } from './layout.ts';
import type { Translate } from './messages.ts';

export interface PatientIdentity {
  readonly name: string;
  readonly birthDate: string | null;
  readonly sex: string | null;
  readonly mrn: string;
  readonly room: string | null;
  readonly bed: string | null;
  readonly allergyState: AllergyState;
  /** "Penicillin (anaphylaxis)", one per allergy; empty unless `allergyState` is present. */
  readonly allergies: readonly string[];
  readonly codeStatus: CodeStatus;
  /** The hospital's own wording of the code status, printed beside the category. */
  readonly codeStatusText: string | null;
  readonly codeStatusFromText: boolean;
  /** Every source's claim when they disagree. */
  readonly codeStatusClaims: readonly CodeStatusClaim[];
  readonly isolation: string | null;
}

export function identityFromChart(chart: Chart): PatientIdentity {
  return {
    name: chart.patient.name,
    birthDate: chart.patient.birthDate,
    sex: chart.patient.sex,
    mrn: chart.patient.mrn,
    room: chart.stay?.room ?? null,
    bed: chart.stay?.bed ?? null,
    allergyState: chart.allergyState,
    // Merged as on screen: one entry per substance, its reactions together; a refuted allergy
    // is no allergy (allergyLines leaves it out), so it is never in the header's allergy box.
    allergies: allergyLines(chart.allergies).map((line) =>
      line.reactions.length > 0
        ? `${line.substance} (${line.reactions.join(', ')})`
        : line.substance,
    ),
    codeStatus: chart.stay?.codeStatus ?? 'unknown',
    codeStatusText: chart.stay?.codeStatusText ?? null,
    codeStatusFromText: chart.stay?.codeStatusFromText ?? false,
    codeStatusClaims: chart.stay?.codeStatusClaims ?? [],
    isolation: chart.stay?.isolation ?? null,
  };
}

const NAME: TextStyle = { face: 'bold', size: 11 };
const LINE: TextStyle = { face: 'regular', size: 8.5 };
const ALERT: TextStyle = { face: 'bold', size: 8.5 };
const MRN_TEXT: TextStyle = { face: 'regular', size: 7 };

const PAD = 5;
const BAR_HEIGHT = 22;
const MAX_MODULE = 0.9;
const MAX_BARCODE_WIDTH = 150;
const QUIET_MODULES = 10;

export function allergyLine(t: Translate, identity: PatientIdentity): string {
  const band = allergyBand(identity.allergyState, identity.allergies.length);
  return band === 'list'
    ? t('patient.allergies', { list: identity.allergies.join(', ') })
    : t(`allergy.${band}`);
}

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

  const name = continued ? `${identity.name} ${t('patient.continued')}` : identity.name;
  const facts = [
    identity.birthDate ? t('patient.born', { date: identity.birthDate }) : t('patient.bornUnknown'),
    sexLabel(t, identity.sex),
    t('patient.mrn', { mrn: identity.mrn }),
    placeLine(t, identity),
  ]
    .filter((part) => part.length > 0)
    .join('  ·  ');
  const lines: { text: string[]; style: TextStyle }[] = [
    { text: m.wrap(name, NAME, textWidth), style: NAME },
    { text: m.wrap(facts, LINE, textWidth), style: LINE },
    { text: m.wrap(allergyLine(t, identity), ALERT, textWidth), style: ALERT },
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
  const textHeight = lines.reduce((sum, l) => sum + l.text.length * m.lineHeight(l.style), 0);
  const barcodeHeight = barcode ? BAR_HEIGHT + m.lineHeight(MRN_TEXT) + 2 : 0;
  const height = Math.max(textHeight, barcodeHeight) + 2 * PAD;

  return {
    height: height + 4,
    keepWithNext: true,
    draw: (pen, x, y) => {
      pen.box(x, y, width, height, { fill: '#ececec' });
      let lineY = y + PAD;
      for (const line of lines) {
        pen.lines(line.text, x + PAD, lineY, line.style);
        lineY += line.text.length * pen.measure.lineHeight(line.style);
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

const SEXES = ['male', 'female', 'other', 'unknown'] as const;

/** FHIR administrative gender in the report's language; another value as the source wrote it. */
export function sexLabel(t: Translate, sex: string | null): string {
  const known = SEXES.find((s) => s === sex);
  return known ? t(`sex.${known}`) : (sex ?? '');
}
