/**
 * One MedicationRequest may become two order rows: its scheduled part under the request's id and
 * its as-needed part under `<id>:prn` (fhir/write-rows.ts). FHIR does not say which part a
 * MedicationAdministration was for, so a dose recorded for the request counts on both rows — and
 * rightly so for the checks that read it: a maximum per 24 h ("paracetamol max 4 g / 24 h") is
 * the drug's, scheduled and as-needed doses together, and so is the interval since the last dose.
 */
const PRN_PART = ':prn';

/** The row id of a request's as-needed part. */
export const prnPartId = (requestId: string): string => `${requestId}${PRN_PART}`;

/** The request an order row comes from (the row's own id for a request kept whole). */
export const requestIdOf = (orderId: string): string =>
  orderId.endsWith(PRN_PART) ? orderId.slice(0, -PRN_PART.length) : orderId;

/** Whether an administration recorded for `administeredFor` is a dose of the order `orderId`. */
export const isDoseOf = (orderId: string, administeredFor: string | null): boolean =>
  administeredFor !== null && requestIdOf(administeredFor) === requestIdOf(orderId);
