/**
 * What every printed page needs to know besides the report itself: which export the data came
 * from (data-as-of, site, demo), who printed it and when, in which language, on which paper.
 */
import { ageLevel } from '../../common/data-age.ts';
import type { Language, Manifest, Paper } from '../model.ts';
import type { PageSetup } from './document.ts';
import { assertTimeZone } from '../schedule/zoned-time.ts';
import { formatDateTime, parseInstant } from './format.ts';
import { translator, type Translate } from './messages.ts';

export interface PrintContext {
  readonly manifest: Manifest;
  readonly language: Language;
  readonly paper: Paper;
  readonly printedAt: Date;
  readonly printedBy: string;
  /** The site's IANA time zone: every clock time on paper is in it. */
  readonly timeZone: string;
  /** Data older than this when printed (settings' amber threshold) gets the stale line. */
  readonly staleAmberHours: number;
  /** From this age (settings' red threshold) the stale line says the red level's instruction. */
  readonly staleRedHours: number;
}

/** A footer must stay one legible line: longer user names are shortened there (not in the audit). */
const MAX_NAME_IN_FOOTER = 40;

export function pageSetup(ctx: PrintContext): { setup: PageSetup; t: Translate } {
  assertTimeZone(ctx.timeZone);
  const t = translator(ctx.language);
  const asOf = parseInstant(ctx.manifest.dataAsOf);
  const dataAsOf = asOf ? formatDateTime(asOf, ctx.timeZone, ctx.language) : ctx.manifest.dataAsOf;
  const printedAt = formatDateTime(ctx.printedAt, ctx.timeZone, ctx.language);
  const user =
    ctx.printedBy.length > MAX_NAME_IN_FOOTER
      ? `${ctx.printedBy.slice(0, MAX_NAME_IN_FOOTER - 1)}…`
      : ctx.printedBy;
  return {
    t,
    setup: {
      paper: ctx.paper,
      language: ctx.language,
      createdAt: ctx.printedAt,
      demo: ctx.manifest.demo ? { banner: t('demo.banner'), watermark: t('demo.watermark') } : null,
      footer: (page, pages) => t('footer', { dataAsOf, printedAt, user, page, pages }),
      staleNotice: asOf ? staleNotice(t, asOf, ctx, dataAsOf) : t('dataAge.unknown'),
    },
  };
}

const HOUR = 3_600_000;
/** Up to two days the age is said in hours ("30 hours"): a shift counts hours, not days. */
const HOURS_IN_WORDS_UP_TO = 48;

/**
 * The stale-data line, or null when the data is younger than the amber threshold. It says the
 * same instruction as the screen's banner at the same level (`dataAge.*`, common words).
 */
function staleNotice(t: Translate, asOf: Date, ctx: PrintContext, dataAsOf: string): string | null {
  const ageMs = ctx.printedAt.getTime() - asOf.getTime();
  const level = ageLevel(ageMs, ctx.staleAmberHours, ctx.staleRedHours);
  if (level === 'green') return null;
  const hours = ageMs / HOUR;
  const whole = Math.max(1, Math.floor(hours));
  const age =
    hours >= HOURS_IN_WORDS_UP_TO
      ? t('stale.days', { count: Math.floor(hours / 24) })
      : whole === 1
        ? t('stale.oneHour')
        : t('stale.hours', { count: whole });
  return t('stale.line', { instruction: t(`dataAge.${level}`), age, dataAsOf });
}
