/**
 * A report request as the report builders read it: the wire shape (`ReportRequest`, validated at
 * the IPC gate and built by the CLI) with its window's ISO instants parsed once, here, so every
 * report — the four clinical ones and the ward supplies — reads the same fields.
 */
import { AppError } from '../errors.ts';
import type { ReportRequest } from '../model.ts';

/** The request with its window's ISO instants read as dates (see `withInstants`). */
export type ParsedReportRequest = Omit<ReportRequest, 'language' | 'paper' | 'start' | 'end'> & {
  readonly start?: Date;
  readonly end?: Date;
};

function instant(value: string | undefined, which: 'start' | 'end'): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new AppError('invalid-argument', `The ${which} time of the report is not a valid date.`);
  }
  return date;
}

/** The request as the report builders read it: a bad instant is refused before any layout. */
export function withInstants(request: ReportRequest): ParsedReportRequest {
  const { language: _language, paper: _paper, start, end, ...rest } = request;
  const from = instant(start, 'start');
  const to = instant(end, 'end');
  return {
    ...rest,
    ...(from === undefined ? {} : { start: from }),
    ...(to === undefined ? {} : { end: to }),
  };
}
