/**
 * The API contract: every method the renderer may call, with zod schemas for its argument and
 * its result. Implemented once by `createApi` (create-api.ts) and mounted three ways — IPC in
 * electron/main, `exposeBinding` in the E2E harness, direct calls in tests — so all three see
 * the same validation and the same `Result` shape. Every value is JSON-safe.
 *
 * The renderer imports this module for its *types* only.
 */
import { z } from 'zod';
import {
  ARG_LIMITS,
  CensusRowSchema,
  ChartSchema,
  InboxEventSchema,
  LanguageSchema,
  ManifestWardSchema,
  PaperSchema,
  ReadinessCheckSchema,
  ReportRequestSchema,
  SearchHitSchema,
  WardSchema,
} from '../model.ts';
import { RegistrationSchema } from '../registrations/registrations.ts';
import { SettingsSchema } from '../settings/settings.ts';
import type { Result } from '../result.ts';

const Nothing = z.object({}).strict();

const Id = z.string().min(1).max(ARG_LIMITS.id);

// Shapes that print, inbox and readiness share live in the model; the contract re-exports them
// so the renderer and the CLI keep one place to import the API's types from.
export {
  ARG_LIMITS,
  InboxEventSchema,
  LanguageSchema,
  PaperSchema,
  ReadinessCheckSchema,
  ReportKindSchema,
  ReportRequestSchema,
  type InboxEvent,
  type Language,
  type Paper,
  type ReadinessCheck,
  type ReportKind,
  type ReportRequest,
} from '../model.ts';

/** What the unlock screen shows about an installed export before any key is used. */
export const ExportSummarySchema = z.object({
  exportId: z.string(),
  sequence: z.number().int(),
  siteId: z.string(),
  siteName: z.string().nullable(),
  /** Short fingerprint of the signing key that the trust store pinned. */
  signer: z.string(),
  createdAt: z.string(),
  dataAsOf: z.string(),
  /** The scope's wards as the signed manifest names them (names null: none in the source). */
  wards: z.array(ManifestWardSchema),
  demo: z.boolean(),
  /** The store's newest good export (false: a kept older one). */
  current: z.boolean(),
});
export type ExportSummary = z.infer<typeof ExportSummarySchema>;

export const UiSettingsSchema = z.object({
  language: LanguageSchema.nullable(),
  lockTimeoutSeconds: z.number().positive(),
  staleAmberHours: z.number().positive(),
  staleRedHours: z.number().positive(),
  paper: PaperSchema,
  /** The ward's clock: the screen shows times in it, as the printed MAR does. */
  timeZone: z.string(),
});
export type UiSettings = z.infer<typeof UiSettingsSchema>;

export const StatusSchema = z.object({
  /** Wall clock of the API side, so the renderer computes data age against one clock. */
  now: z.string(),
  identity: z.enum(['absent', 'present']),
  unlocked: z.boolean(),
  user: z.string().nullable(),
  /** The export that is open (when unlocked) or that unlock will open. */
  current: ExportSummarySchema.nullable(),
  /** Every installed export, newest first (the current one included). */
  kept: z.array(ExportSummarySchema),
  recentInbox: z.array(InboxEventSchema),
  /** Seconds before the next unlock may be tried, after wrong passphrases (0: now). */
  unlockWaitSeconds: z.number().int().nonnegative(),
  settings: UiSettingsSchema,
});
export type Status = z.infer<typeof StatusSchema>;

export const RegistrationsSchema = z.object({
  /** Oldest first. */
  issued: z.array(RegistrationSchema),
  /** Numbers reserved in the open export, and how many of them are not issued yet. */
  reserved: z.number().int().nonnegative(),
  remaining: z.number().int().nonnegative(),
});

export const contract = {
  getStatus: { args: Nothing, result: StatusSchema },
  enrol: {
    args: z.object({ passphrase: z.string().min(1).max(ARG_LIMITS.passphrase) }).strict(),
    result: z.object({ recipient: z.string(), qrSvg: z.string(), savedTo: z.string().nullable() }),
  },
  unlock: {
    args: z
      .object({
        passphrase: z.string().min(1).max(ARG_LIMITS.passphrase),
        user: z.string().trim().min(1).max(ARG_LIMITS.userName),
        /** Open a kept export other than the current (e.g. the newest is refused). */
        exportId: Id.optional(),
      })
      .strict(),
    result: z.object({ wards: z.array(WardSchema) }),
  },
  lock: { args: Nothing, result: z.object({}) },
  setLanguage: { args: z.object({ language: LanguageSchema }).strict(), result: z.object({}) },
  listWards: { args: Nothing, result: z.array(WardSchema) },
  census: {
    args: z.object({ wardId: Id }).strict(),
    result: z.array(CensusRowSchema),
  },
  search: {
    args: z
      .object({
        query: z.string().max(ARG_LIMITS.query),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    result: z.array(SearchHitSchema),
  },
  /** A scanned wristband: every live patient with that MRN or other identifier (one opens). */
  scan: { args: z.object({ code: Id }).strict(), result: z.array(SearchHitSchema) },
  chart: { args: z.object({ patientId: Id }).strict(), result: ChartSchema },
  /** Renders a report as a job: the preview's bytes are what `printReport`/`saveReport` send. */
  renderReport: {
    args: ReportRequestSchema.strict(),
    result: z.object({ jobId: z.string(), pdfBase64: z.string(), pages: z.number().int() }),
  },
  printReport: {
    args: z
      .object({ jobId: Id, printer: z.string().min(1).max(ARG_LIMITS.printer).optional() })
      .strict(),
    result: z.object({
      via: z.enum(['dialog', 'spooler']),
      pages: z.number().int(),
      /** The spooler's own job id (`lpstat` shows it), when the spooler printed it. */
      spoolerJob: z.string().nullable(),
    }),
  },
  saveReport: {
    args: z.object({ jobId: Id }).strict(),
    result: z.object({ savedTo: z.string().nullable() }),
  },
  readiness: { args: Nothing, result: z.array(ReadinessCheckSchema) },
  /** IT's settings screen: read while unlocked; change only with the ward passphrase again. */
  getSettings: { args: Nothing, result: SettingsSchema },
  updateSettings: {
    args: z
      .object({
        passphrase: z.string().min(1).max(ARG_LIMITS.passphrase),
        settings: SettingsSchema,
      })
      .strict(),
    result: z.object({ changed: z.array(z.string()) }),
  },
  exportAudit: { args: Nothing, result: z.object({ savedTo: z.string().nullable() }) },
  /** Downtime registrations: what the open export reserved, what this laptop issued. */
  registrations: { args: Nothing, result: RegistrationsSchema },
  /** Issues the next reserved downtime number to a new arrival on a ward (audited, never twice). */
  issueRegistration: {
    args: z.object({ wardId: Id }).strict(),
    result: RegistrationSchema,
  },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
export type ValueOf<M extends MethodName> = z.infer<Contract[M]['result']>;

/** The object the renderer sees as `window.downtime`. */
export type DowntimeApi = {
  readonly [M in MethodName]: (args: ArgsOf<M>) => Promise<Result<ValueOf<M>>>;
};

/** The implementation side: plain async functions that throw `AppError` on failure. */
export type ApiImplementation = {
  readonly [M in MethodName]: (args: z.infer<Contract[M]['args']>) => Promise<ValueOf<M>>;
};
