/**
 * The clinical and export shapes shared by every layer: the SQL queries return them, the printer
 * lays them out, the renderer shows them, the CLI prints them as JSON. One definition, as zod
 * schemas (validated at the IPC boundary) with their inferred types.
 *
 * Dates: ISO 8601 strings. Instants carry an offset (`2026-03-29T08:00:00+02:00` or `...Z`);
 * FHIR partial dates (`2014`, `2014-03`) are kept as given, so a birth date is a string, not a Date.
 */
import { z } from 'zod';

// ─── Preferences shared by the viewer, the printer and the settings file ──────────────────────

export const LanguageSchema = z.enum(['fr', 'nl', 'de', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const PaperSchema = z.enum(['A4', 'Letter']);
export type Paper = z.infer<typeof PaperSchema>;

// ─── The export manifest (public, signed, readable without keys) ────────────────────────────

export const ManifestSchema = z.object({
  format: z.literal(1),
  site: z.object({ id: z.string().min(1), name: z.string().min(1) }),
  exportId: z.string().min(1),
  /** Monotonically increasing per site: the rollback guard. */
  sequence: z.number().int().nonnegative(),
  createdAt: z.string(),
  /** The instant the census was computed for (`--as-of`): what "data age" measures. */
  dataAsOf: z.string(),
  /** Ward ids exported with full detail; other admitted patients are locator rows. */
  scope: z.object({ wards: z.array(z.string()) }),
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
]);
export type CodeStatus = z.infer<typeof CodeStatusSchema>;

/** I-PASS illness severity. */
export const SeveritySchema = z.enum(['stable', 'watcher', 'unstable']);
export type Severity = z.infer<typeof SeveritySchema>;

/** Whether allergies are recorded: present, "no known allergies", or never assessed. */
export const AllergyStateSchema = z.enum(['present', 'none-known', 'unknown']);
export type AllergyState = z.infer<typeof AllergyStateSchema>;

export const WardSchema = z.object({
  id: z.string(),
  name: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  /** In the export's scope (full detail) or not (locator rows only). */
  inScope: z.boolean(),
  censusCount: z.number().int().nonnegative(),
});
export type Ward = z.infer<typeof WardSchema>;

export const CensusRowSchema = z.object({
  patientId: z.string(),
  mrn: z.string(),
  /** "FAMILY, Given" as it should be read aloud at the bedside. */
  name: z.string(),
  birthDate: z.string().nullable(),
  sex: z.string().nullable(),
  wardId: z.string(),
  wardName: z.string(),
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
  family: z.string(),
  given: z.string(),
  name: z.string(),
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
  wardName: z.string(),
  siteName: z.string(),
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
  diet: z.string().nullable(),
  mobility: z.string().nullable(),
  fallRisk: z.string().nullable(),
  severity: SeveritySchema.nullable(),
});
export type Stay = z.infer<typeof StaySchema>;

export const AllergySchema = z.object({
  substance: z.string(),
  reaction: z.string().nullable(),
  severity: z.string().nullable(),
  criticality: z.string().nullable(),
  status: z.string().nullable(),
  category: z.string().nullable(),
  recordedAt: z.string().nullable(),
});
export type Allergy = z.infer<typeof AllergySchema>;

export const ProblemSchema = z.object({
  text: z.string(),
  code: z.string().nullable(),
  status: z.string().nullable(),
  onset: z.string().nullable(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/**
 * What a medication order means for the ward (issue 11). Only `active` is ever scheduled or given
 * a due time; every other state is shown with its label and never has a row to sign.
 * - `held`: FHIR `on-hold` (with its `statusReason`), or a known pause modifier.
 * - `draft`: not yet a prescription ("not validated").
 * - `status-unknown`: FHIR `unknown` — "status unknown, verify".
 * - `recently-stopped`: stopped, completed or cancelled within the last 72 h before data-as-of.
 * - `not-interpretable`: an unknown `modifierExtension`, or dosing the importer cannot compute;
 *   shown with every instruction text, "read the source".
 */
export const OrderStateSchema = z.enum([
  'active',
  'held',
  'draft',
  'status-unknown',
  'recently-stopped',
  'not-interpretable',
]);
export type OrderState = z.infer<typeof OrderStateSchema>;

export const MedicationOrderSchema = z.object({
  id: z.string(),
  drug: z.string(),
  code: z.string().nullable(),
  dose: z.number().nullable(),
  doseUnit: z.string().nullable(),
  /** Dose as written when it is not a single quantity ("1-2 tablets", "sliding scale"). */
  doseText: z.string().nullable(),
  route: z.string().nullable(),
  /** Human frequency as written or derived ("every 6 hours", "BID"). */
  frequency: z.string().nullable(),
  /** The FHIR `Timing` JSON, kept verbatim so schedules are expanded at view/print time. */
  timing: z.string().nullable(),
  prn: z.boolean(),
  prnReason: z.string().nullable(),
  maxDose: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  status: z.string(),
  prescriber: z.string().nullable(),
  instructions: z.string().nullable(),
  highAlert: z.boolean(),
});
export type MedicationOrder = z.infer<typeof MedicationOrderSchema>;

/** An order as the chart shows it: with its doses due in the next 24 h and the last given. */
export const ChartMedicationSchema = MedicationOrderSchema.extend({
  /** Instants due in the next 24 h; empty for PRN. */
  nextDue: z.array(z.string()),
  /** Why no times could be computed (then the order is flagged, never dropped). */
  scheduleProblem: z.string().nullable(),
  lastGiven: z.string().nullable(),
});
export type ChartMedication = z.infer<typeof ChartMedicationSchema>;

export const AdministrationSchema = z.object({
  orderId: z.string().nullable(),
  drug: z.string(),
  dose: z.string().nullable(),
  route: z.string().nullable(),
  at: z.string().nullable(),
  status: z.string(),
  performer: z.string().nullable(),
  note: z.string().nullable(),
});
export type Administration = z.infer<typeof AdministrationSchema>;

export const ObservationSchema = z.object({
  code: z.string().nullable(),
  name: z.string(),
  category: z.enum(['vital-signs', 'laboratory', 'other']),
  value: z.number().nullable(),
  valueText: z.string().nullable(),
  unit: z.string().nullable(),
  refLow: z.number().nullable(),
  refHigh: z.number().nullable(),
  refText: z.string().nullable(),
  /** HL7 interpretation code: H, L, HH, LL, A, AA, N … null when the source gives none. */
  flag: z.string().nullable(),
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
  text: z.string(),
  status: z.string().nullable(),
  due: z.string().nullable(),
  detail: z.string().nullable(),
});
export type PlanItem = z.infer<typeof PlanItemSchema>;

export const NoteSchema = z.object({
  kind: z.string(),
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
  problems: z.array(ProblemSchema),
  medications: z.array(ChartMedicationSchema),
  administrations: z.array(AdministrationSchema),
  observations: z.array(ObservationSchema),
  plan: z.array(PlanItemSchema),
  notes: z.array(NoteSchema),
  contacts: z.array(ContactSchema),
  handover: HandoverSchema,
});
export type Chart = z.infer<typeof ChartSchema>;
