/**
 * The clinical and export shapes shared by every layer: the SQL queries return them, the printer
 * lays them out, the renderer shows them, the CLI prints them as JSON. One definition, as zod
 * schemas (validated at the IPC boundary) with their inferred types.
 *
 * Dates: ISO 8601 strings. Instants carry an offset (`2026-03-29T08:00:00+02:00` or `...Z`);
 * FHIR partial dates (`2014`, `2014-03`) are kept as given, so a birth date is a string, not a Date.
 */
import { z } from 'zod';
import { AllergyAbsenceCategorySchema, type AllergyAbsenceCategory } from '../common/allergies.ts';
import { FrequencySchema } from '../common/frequency.ts';
import { LanguageSchema } from '../common/language.ts';
import { NotInterpretableSchema, OrderStateSchema } from '../common/order-state.ts';
import { ReadinessFactSchema } from '../common/readiness.ts';
import { RouteTermSchema } from '../common/route.ts';
import { ScheduleProblemSchema } from '../common/schedule-problem.ts';

export {
  NotInterpretableSchema,
  type NotInterpretable,
  OrderStateSchema,
  type OrderState,
} from '../common/order-state.ts';

// ─── Preferences shared by the viewer, the printer and the settings file ──────────────────────

export { LanguageSchema, type Language } from '../common/language.ts';

export const PaperSchema = z.enum(['A4', 'Letter']);
export type Paper = z.infer<typeof PaperSchema>;

export const ReportKindSchema = z.enum([
  'handover',
  'mar',
  'census',
  'summary',
  // What a ward on paper runs out of (issue 14):
  'labels',
  'wristband',
  'round',
  'pharmacy',
  'obs-chart',
  'registration',
]);
export type ReportKind = z.infer<typeof ReportKindSchema>;

/**
 * Every string and array the renderer may send has a maximum, so a compromised renderer cannot
 * hand the main process a 50 MB ward id (checked for every method by tests/unit/api).
 */
export const ARG_LIMITS = {
  /** Ward, patient and export ids: FHIR ids are ≤ 64 characters; room for prefixes. */
  id: 200,
  passphrase: 1024,
  userName: 200,
  query: 200,
  printer: 256,
  /** An ISO 8601 instant with offset and fractions. */
  instant: 40,
} as const;

/**
 * A report to render, one shape from the renderer's request (validated at the IPC gate) through
 * the report service and the engine to the printer, and the CLI's too: what, for whom, the
 * window as ISO instants (the printer parses them where it lays the report out), paper and
 * language.
 */
/** The observation chart's layout: by the patient's age, NEWS2 or PEWS. */
export const ObsLayoutChoiceSchema = z.enum(['auto', 'news2', 'pews']);
export type ObsLayoutChoice = z.infer<typeof ObsLayoutChoiceSchema>;

export const ReportRequestSchema = z.object({
  report: ReportKindSchema,
  wardId: z.string().min(1).max(ARG_LIMITS.id).optional(),
  patientId: z.string().min(1).max(ARG_LIMITS.id).optional(),
  paper: PaperSchema,
  language: LanguageSchema,
  /** MAR, round or pharmacy window start (ISO instant); for the MAR it wins over `marStart`. */
  start: z.string().max(ARG_LIMITS.instant).optional(),
  /** MAR window start: now (default) or the start of the current round (settings). */
  marStart: z.enum(['now', 'round']).optional(),
  /** MAR length in wall-clock days: 1 (default), 3 or 7. */
  days: z.union([z.literal(1), z.literal(3), z.literal(7)]).optional(),
  /** Handover: one block per patient (default) or one row per bed. */
  handoverLayout: z.enum(['per-patient', 'board']).optional(),
  /** Round window end (ISO instant); default: two hours after the start. */
  end: z.string().max(ARG_LIMITS.instant).optional(),
  /** Labels per patient; default: one full sheet. */
  count: z.number().int().min(1).max(500).optional(),
  /** Pharmacy list: the next 24 hours (default) or 3 days. */
  hours: z.union([z.literal(24), z.literal(72)]).optional(),
  /** Wristband size; default: by the patient's age. */
  band: z.enum(['adult', 'child']).optional(),
  /** Registration packet: the downtime number it is for (one already issued). */
  number: z.string().min(1).max(32).optional(),
  /** Observation chart: by the patient's age (default), NEWS2 or PEWS. */
  obsLayout: ObsLayoutChoiceSchema.optional(),
});
export type ReportRequest = z.infer<typeof ReportRequestSchema>;

// ─── The export manifest (public, signed, readable without keys) ────────────────────────────

/**
 * The manifest format this viewer reads and writes. 2: `recipients` (issue 15). 3: the site's
 * name may be null, and the scope names each ward and its site (null names: the source names
 * none) so the unlock screen says ward names before any key is used (issues 11, 12). A
 * manifest of another format is refused by its number, before its fields are read.
 */
export const MANIFEST_FORMAT = 3;

/** A ward of the export's scope as the signed header names it. */
export const ManifestWardSchema = z.object({
  id: z.string().min(1),
  /** Null when the source names none: the display says the placeholder word. */
  name: z.string().min(1).nullable(),
  siteId: z.string().min(1),
  siteName: z.string().min(1).nullable(),
});
export type ManifestWard = z.infer<typeof ManifestWardSchema>;

export const ManifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  /** name null: the source names no site (screens and paper say "site unknown"). */
  site: z.object({ id: z.string().min(1), name: z.string().min(1).nullable() }),
  exportId: z.string().min(1),
  /** Monotonically increasing per site: the rollback guard. */
  sequence: z.number().int().nonnegative(),
  createdAt: z.string(),
  /** The instant the census was computed for (`--as-of`): what "data age" measures. */
  dataAsOf: z.string(),
  /** Wards exported with full detail, by id; other admitted patients are locator rows. */
  scope: z.object({ wards: z.array(ManifestWardSchema) }),
  schemaVersion: z.number().int().positive(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  payload: z.object({
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  /** Synthetic data: every screen and page says DEMO DATA. */
  demo: z.boolean().default(false),
  /**
   * The ward's reserved downtime numbers (`export --downtime-ids`), in the order IT gave them:
   * what the charge nurse issues to new arrivals. Public like the rest of the manifest — they
   * name no one — and signed with it. Absent in exports made without `--downtime-ids`.
   */
  downtimeIds: z.array(z.string().min(1).max(32)).max(1000).optional(),
  /**
   * Fingerprints of the devices the payload is encrypted to (keys/recipient.ts): an install
   * refuses an export that does not name this laptop.
   */
  recipients: z
    .array(z.string().regex(/^[0-9a-f]{32}$/))
    .min(1)
    .max(10_000),
});
export type Manifest = z.infer<typeof ManifestSchema>;

// ─── Census ──────────────────────────────────────────────────────────────────────────────────

export const CodeStatusSchema = z.enum([
  'full-code',
  'dnr',
  'dnr-dni',
  'comfort-care',
  'limited',
  /** Nothing explicit in the source: never guessed as full code. */
  'unknown',
  /** The sources disagree (an explicit status and a newer DNR diagnosis …): verify; see the claims. */
  'conflicting',
]);
export type CodeStatus = z.infer<typeof CodeStatusSchema>;

/** Where a code-status fact was read. */
export const CodeStatusSourceSchema = z.enum(['observation', 'condition', 'flag', 'consent']);
export type CodeStatusSource = z.infer<typeof CodeStatusSourceSchema>;

/** One source's statement of code status; a conflicting status shows every claim. */
export const CodeStatusClaimSchema = z.object({
  value: CodeStatusSchema.exclude(['unknown', 'conflicting']),
  source: CodeStatusSourceSchema,
  /** The source's own wording ("DNR — discussed with family", "Z66 Do not resuscitate"). */
  text: z.string().nullable(),
  at: z.string().nullable(),
  /** Read from a diagnosis or flag text alone (no code says so): verify. */
  fromText: z.boolean(),
  /** The source carries a modifier the importer does not know: shown, unverified. */
  unverified: z.boolean(),
});
export type CodeStatusClaim = z.infer<typeof CodeStatusClaimSchema>;

/** I-PASS illness severity. */
export const SeveritySchema = z.enum(['stable', 'watcher', 'unstable']);
export type Severity = z.infer<typeof SeveritySchema>;

/** Whether allergies are recorded: present, "no known allergies", or never assessed. */
export const AllergyStateSchema = z.enum(['present', 'none-known', 'unknown']);
export type AllergyState = z.infer<typeof AllergyStateSchema>;

export { AllergyAbsenceCategorySchema, type AllergyAbsenceCategory };

export const AllergyAbsenceSchema = z.object({
  category: AllergyAbsenceCategorySchema,
  /** The source's wording ("No known contrast allergy"). */
  text: z.string().nullable(),
  /** FHIR verificationStatus code (unconfirmed, confirmed …), null when absent. */
  verification: z.string().nullable(),
  recordedAt: z.string().nullable(),
});
export type AllergyAbsence = z.infer<typeof AllergyAbsenceSchema>;

/** Null only when nothing in the source names it: the display says the placeholder word. */
const unnamed = z.string().nullable();

export const WardSchema = z.object({
  id: z.string(),
  /** Null for a site's unassigned ward ("no unit assigned" in the reader's language). */
  name: unnamed,
  siteId: z.string(),
  siteName: unnamed,
  /** In the export's scope (full detail) or not (locator rows only). */
  inScope: z.boolean(),
  censusCount: z.number().int().nonnegative(),
});
export type Ward = z.infer<typeof WardSchema>;

/** A bed (or a room without bed Locations) of a ward, occupied or not: the bed board. */
export const BedSchema = z.object({
  id: z.string(),
  wardId: z.string(),
  room: z.string().nullable(),
  /** Null for a room known without beds. */
  bed: z.string().nullable(),
  /** The patients whose current stay is in this bed (or room): empty for an empty bed. */
  patientIds: z.array(z.string()),
});
export type Bed = z.infer<typeof BedSchema>;

export const CensusRowSchema = z.object({
  patientId: z.string(),
  mrn: z.string(),
  /** "FAMILY, Given" as it should be read aloud at the bedside; null when none is recorded. */
  name: unnamed,
  birthDate: z.string().nullable(),
  sex: z.string().nullable(),
  wardId: z.string(),
  wardName: unnamed,
  room: z.string().nullable(),
  bed: z.string().nullable(),
  /** A patient of a ward outside the export's scope: where they are, nothing more. */
  locator: z.boolean(),
  admittedAt: z.string().nullable(),
  attending: z.string().nullable(),
  reason: z.string().nullable(),
  allergyState: AllergyStateSchema,
  codeStatus: CodeStatusSchema,
  isolation: z.string().nullable(),
  severity: SeveritySchema.nullable(),
});
export type CensusRow = z.infer<typeof CensusRowSchema>;

export const SearchHitSchema = CensusRowSchema.pick({
  patientId: true,
  mrn: true,
  name: true,
  birthDate: true,
  sex: true,
  wardName: true,
  bed: true,
  locator: true,
}).extend({
  /** Not currently admitted (in the export as a known patient, no current stay). */
  admitted: z.boolean(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

// ─── Chart ───────────────────────────────────────────────────────────────────────────────────

export const PatientSchema = z.object({
  id: z.string(),
  mrn: z.string(),
  family: unnamed,
  given: unnamed,
  name: unnamed,
  birthDate: z.string().nullable(),
  sex: z.string().nullable(),
  language: z.string().nullable(),
  weightKg: z.number().nullable(),
  heightCm: z.number().nullable(),
  identifiers: z.array(z.object({ system: z.string().nullable(), value: z.string() })),
});
export type Patient = z.infer<typeof PatientSchema>;

export const StaySchema = z.object({
  wardId: z.string(),
  wardName: unnamed,
  siteName: unnamed,
  room: z.string().nullable(),
  bed: z.string().nullable(),
  admittedAt: z.string().nullable(),
  expectedDischarge: z.string().nullable(),
  attending: z.string().nullable(),
  service: z.string().nullable(),
  reason: z.string().nullable(),
  isolation: z.string().nullable(),
  codeStatus: CodeStatusSchema,
  /** Free text from the source ("DNR — discussed with family 2026-11-20"). */
  codeStatusText: z.string().nullable(),
  /** The status is read from a diagnosis or flag text alone ("DNR — from a diagnosis text, verify"). */
  codeStatusFromText: z.boolean(),
  /** Every claim behind a `conflicting` status (empty otherwise). */
  codeStatusClaims: z.array(CodeStatusClaimSchema),
  diet: z.string().nullable(),
  mobility: z.string().nullable(),
  fallRisk: z.string().nullable(),
  severity: SeveritySchema.nullable(),
});
export type Stay = z.infer<typeof StaySchema>;

export const AllergySchema = z.object({
  substance: unnamed,
  /** The source's code of the substance (shown beside the placeholder when it has no words). */
  code: z.string().nullable(),
  /**
   * FHIR verificationStatus: `unconfirmed`, `presumed`, `confirmed`, `refuted` (a refuted one is
   * kept and shown as such, and is not an allergy for the allergy state); `not-interpretable`
   * when the record carries a modifier the importer does not know (shown, unverified).
   */
  verification: z.string().nullable(),
  reaction: z.string().nullable(),
  /** The codes of the reactions the source coded without words, ", "-joined. */
  reactionCode: z.string().nullable(),
  severity: z.string().nullable(),
  criticality: z.string().nullable(),
  status: z.string().nullable(),
  category: z.string().nullable(),
  recordedAt: z.string().nullable(),
});
export type Allergy = z.infer<typeof AllergySchema>;

export const ProblemSchema = z.object({
  text: unnamed,
  code: z.string().nullable(),
  status: z.string().nullable(),
  onset: z.string().nullable(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/**
 * One dosage instruction: a dose (or rate) with its own schedule. An order with one instruction
 * carries it in its own fields; an order with several lists each in `doseLines`.
 */
export const DoseLineSchema = z.object({
  dose: z.number().nullable(),
  doseUnit: z.string().nullable(),
  /** Dose as written when it is not a single quantity ("1–2 TAB", a range). */
  doseText: z.string().nullable(),
  /** Infusion rate (`rateQuantity`) with its unit ("mL/h"). */
  rate: z.number().nullable(),
  rateUnit: z.string().nullable(),
  /** Rate as written when it is a range or a ratio ("2–4 mL/h", "5 mg / 1 h"). */
  rateText: z.string().nullable(),
  /** A continuous infusion: a rate and no dose times (never "no timing"). */
  continuous: z.boolean(),
  /** The route in the source's words; `routeTerm` when the source gave only a code. */
  route: z.string().nullable(),
  routeTerm: RouteTermSchema.nullable(),
  /** The route's code as given (SNOMED, EDQM, local …), said when neither words nor a term are. */
  routeCode: z.string().nullable(),
  /** Short frequency derived from the timing (schedule/describe.ts). */
  frequency: z.string().nullable(),
  /**
   * The FHIR `Timing` JSON, kept verbatim (bounds, `frequencyMax`, `periodMax` included) so
   * schedules are expanded and described at view/print time.
   */
  timing: z.string().nullable(),
  prn: z.boolean(),
  prnReason: z.string().nullable(),
  /** The PRN reason's code (`asNeededCodeableConcept`), said only when it has no words. */
  prnReasonCode: z.string().nullable(),
  maxDose: z.string().nullable(),
});
export type DoseLine = z.infer<typeof DoseLineSchema>;

/** A dose line that says nothing: an order without any dosage instruction. */
export const NO_DOSE: DoseLine = {
  dose: null,
  doseUnit: null,
  doseText: null,
  rate: null,
  rateUnit: null,
  rateText: null,
  continuous: false,
  route: null,
  routeTerm: null,
  routeCode: null,
  frequency: null,
  timing: null,
  prn: false,
  prnReason: null,
  prnReasonCode: null,
  maxDose: null,
};

export const OrderDoseLineSchema = DoseLineSchema.extend({
  /** `dosageInstruction.sequence`: equal (or all absent) run together, higher ones follow. */
  sequence: z.number().int().nullable(),
  /** The instruction's own text, as written. */
  text: z.string().nullable(),
});
export type OrderDoseLine = z.infer<typeof OrderDoseLineSchema>;

export const MedicationOrderSchema = DoseLineSchema.extend({
  id: z.string(),
  /** Null only when nothing in the source names the drug (the display says "unnamed"). */
  drug: z.string().nullable(),
  code: z.string().nullable(),
  /** What the order means for the ward; only `active` is ever scheduled. */
  state: OrderStateSchema,
  /** The FHIR status code as given (`on-hold`, `stopped` …), for the record. */
  status: z.string(),
  /** `statusReason` as written ("awaiting INR", "patient nil by mouth"). */
  statusReason: z.string().nullable(),
  notInterpretable: NotInterpretableSchema.nullable(),
  /** An order NOT to give this drug: shown as such, never scheduled. */
  doNotPerform: z.boolean(),
  /** The drug's concentration when the source gives it ("8 mg / 50 mL"), for infusions. */
  concentration: z.string().nullable(),
  /**
   * Two or more instructions (concurrent doses, taper steps), each with its own schedule; then
   * the order's own dose fields read "several" (null dose, every dose text joined). Empty when
   * the order is a single instruction, held in the order's own fields.
   */
  doseLines: z.array(OrderDoseLineSchema),
  start: z.string().nullable(),
  end: z.string().nullable(),
  prescriber: z.string().nullable(),
  /** Every instruction text and note, joined; never reduced to the first. */
  instructions: z.string().nullable(),
  highAlert: z.boolean(),
});
export type MedicationOrder = z.infer<typeof MedicationOrderSchema>;

/** A dose due: when, and which of the order's `doseLines` (null: the order's own fields). */
export const DueDoseSchema = z.object({
  at: z.string(),
  line: z.number().int().nonnegative().nullable(),
});
export type DueDose = z.infer<typeof DueDoseSchema>;

/** A dose line as the chart shows it: with its timing read into the parts said in words. */
export const ChartDoseLineSchema = OrderDoseLineSchema.extend({
  frequencyParts: FrequencySchema.nullable(),
  /** The step's window (ISO instants) when the lines follow one another; null when they run together. */
  step: z.object({ start: z.string().nullable(), end: z.string().nullable() }).nullable(),
});
export type ChartDoseLine = z.infer<typeof ChartDoseLineSchema>;

/** An order as the chart shows it: with its doses due in the next 24 h and the last given. */
export const ChartMedicationSchema = MedicationOrderSchema.extend({
  doseLines: z.array(ChartDoseLineSchema),
  /** Doses due in the next 24 h; empty for PRN, infusions and every order not `active`. */
  nextDue: z.array(DueDoseSchema),
  /** The timing read into the parts its frequency is said with, in the reader's words. */
  frequencyParts: FrequencySchema.nullable(),
  /** Why no times could be computed (then the order is flagged, never dropped). */
  scheduleProblem: ScheduleProblemSchema.nullable(),
  lastGiven: z.string().nullable(),
});
export type ChartMedication = z.infer<typeof ChartMedicationSchema>;

export const AdministrationSchema = z.object({
  orderId: z.string().nullable(),
  /** Null only when nothing in the source names the drug (the display says "unnamed"). */
  drug: z.string().nullable(),
  dose: z.string().nullable(),
  /** As an order's: the source's words, the term its code names, the code (common/route.ts). */
  route: z.string().nullable(),
  routeTerm: RouteTermSchema.nullable(),
  routeCode: z.string().nullable(),
  at: z.string().nullable(),
  status: z.string(),
  performer: z.string().nullable(),
  note: z.string().nullable(),
});
export type Administration = z.infer<typeof AdministrationSchema>;

export const ObservationSchema = z.object({
  code: z.string().nullable(),
  /** Null only when the code has no words (the display says "observation not named"). */
  name: unnamed,
  category: z.enum(['vital-signs', 'laboratory', 'other']),
  value: z.number().nullable(),
  valueText: z.string().nullable(),
  unit: z.string().nullable(),
  refLow: z.number().nullable(),
  refHigh: z.number().nullable(),
  refText: z.string().nullable(),
  /** Quantity comparator of the value: `<`, `<=`, `>=`, `>` ("> 60"), null for an exact value. */
  comparator: z.enum(['<', '<=', '>=', '>']).nullable(),
  /** The reference ranges that do not apply to this patient, kept as labelled bands. */
  otherRanges: z.array(
    z.object({
      low: z.number().nullable(),
      high: z.number().nullable(),
      /** Who it is for: `text`, else `appliesTo`/`type`/`age` in words from the source. */
      label: z.string().nullable(),
    }),
  ),
  /** HL7 interpretation code: H, L, HH, LL, A, AA, N … null when the source gives none. */
  flag: z.string().nullable(),
  /** The interpretation's wording when no HL7 code could be read from it. */
  flagText: z.string().nullable(),
  at: z.string().nullable(),
});
export type Observation = z.infer<typeof ObservationSchema>;

export const PlanItemKindSchema = z.enum([
  'careplan-activity',
  'goal',
  'service-request',
  'nursing-task',
  'diet',
  'activity',
  'procedure',
  'flag',
]);
export type PlanItemKind = z.infer<typeof PlanItemKindSchema>;

export const PlanItemSchema = z.object({
  kind: PlanItemKindSchema,
  /** What the item is about, as the source names it ("Sonde urinaire"); null: a code only. */
  text: unnamed,
  /** The source's code (shown beside the placeholder when the item has no words). */
  code: z.string().nullable(),
  status: z.string().nullable(),
  due: z.string().nullable(),
  detail: z.string().nullable(),
  /** An order *not* to do `text` (FHIR doNotPerform): shown as "do not" in the reader's words. */
  doNotPerform: z.boolean(),
});
export type PlanItem = z.infer<typeof PlanItemSchema>;

/**
 * A line, drain or device in use (FHIR DeviceUseStatement, status active): what the handover
 * lists. Every field is the source's words; kind and name null only when the source names
 * neither (the display says "device not named").
 */
export const DeviceSchema = z.object({
  /** `Device.type` text/display ("Peripheral venous catheter", "Sonde urinaire"). */
  kind: z.string().nullable(),
  /** `Device.deviceName`, else the reference's display. */
  name: z.string().nullable(),
  /** `bodySite` text/display ("Left forearm"). */
  site: z.string().nullable(),
  /** When it was placed: `timingPeriod.start`, else `timingDateTime`, as given. */
  placedAt: z.string().nullable(),
  /** The statement's notes and reasons. */
  note: z.string().nullable(),
  /** The statement or its Device carries a modifier the importer does not know: verify. */
  unverified: z.boolean(),
});
export type Device = z.infer<typeof DeviceSchema>;

export const NoteSchema = z.object({
  /** The document type's text or display; null when the source gives none (the display words it). */
  kind: z.string().nullable(),
  /** `description`, else the type's text or display. */
  title: z.string().nullable(),
  author: z.string().nullable(),
  at: z.string().nullable(),
  text: z.string(),
});
export type Note = z.infer<typeof NoteSchema>;

export const ContactSchema = z.object({
  name: z.string(),
  relationship: z.string().nullable(),
  phone: z.string().nullable(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const HandoverSchema = z.object({
  severity: SeveritySchema.nullable(),
  summary: z.string().nullable(),
  actions: z.array(z.string()),
  situationAwareness: z.string().nullable(),
});
export type Handover = z.infer<typeof HandoverSchema>;

export const ChartSchema = z.object({
  patient: PatientSchema,
  /** Null when the patient is in the export but not admitted at `dataAsOf`. */
  stay: StaySchema.nullable(),
  locator: z.boolean(),
  allergyState: AllergyStateSchema,
  allergies: z.array(AllergySchema),
  /** "No known … allergy" statements: NKA (`all`) and per category (NKDA, NKLA …). */
  allergyAbsences: z.array(AllergyAbsenceSchema),
  problems: z.array(ProblemSchema),
  medications: z.array(ChartMedicationSchema),
  administrations: z.array(AdministrationSchema),
  observations: z.array(ObservationSchema),
  plan: z.array(PlanItemSchema),
  /** Lines, drains and devices in use, newest placed first. */
  devices: z.array(DeviceSchema),
  notes: z.array(NoteSchema),
  contacts: z.array(ContactSchema),
  handover: HandoverSchema,
});
export type Chart = z.infer<typeof ChartSchema>;

// ─── What the laptop reports about itself (inbox, readiness): screen, CLI and audit alike ────

export const InboxEventSchema = z.object({
  at: z.string(),
  file: z.string(),
  outcome: z.enum(['installed', 'refused', 'duplicate']),
  /** For refusals: the error kind and the sentence to show. */
  kind: z.string().nullable(),
  message: z.string().nullable(),
});
export type InboxEvent = z.infer<typeof InboxEventSchema>;

export const ReadinessCheckSchema = z.object({
  id: z.enum([
    'data-age',
    'signature',
    'device-identity',
    'store',
    'disk',
    'printers',
    'last-install',
    'last-refusal',
    /** The audit trail's chain and its sealed head (audit/audit-seal.ts). */
    'audit',
    /** Whether keys at rest are sealed by the OS (not Linux's plaintext `basic_text`). */
    'secure-storage',
    /** IT's signed settings and the laptop's record of the one in use (settings/it-settings.ts). */
    'it-settings',
    /** The laptop's copy of the rollback marks (app/rollback-guard.ts). */
    'rollback-copy',
    'version',
  ]),
  level: z.enum(['green', 'amber', 'red']),
  /** The facts as a code and values, said in the reader's language where shown. */
  fact: ReadinessFactSchema,
  /** The same facts in English, for `downtime status` and logs. */
  detail: z.string(),
});
export type ReadinessCheck = z.infer<typeof ReadinessCheckSchema>;
