/**
 * Small clinical markers shared by the census, search results and the chart header, in the
 * words of electron/common (the ones the printed reports use).
 */
import { useTranslation } from 'react-i18next';
import type { AllergyState, CodeStatus, Severity } from '../../electron/core/model.ts';
import { useFormat } from '../app-context.ts';

/** `short` for the census column, whose title already says "Allergies". */
export function AllergyMarker({
  state,
  short = false,
}: {
  readonly state: AllergyState;
  readonly short?: boolean;
}) {
  const { words } = useFormat();
  const full = state === 'present' ? words('allergyShort.present') : words(`allergy.${state}`);
  return (
    <span
      className={`badge allergy-${state}`}
      data-allergy={state}
      title={short ? full : undefined}
    >
      {short ? words(`allergyShort.${state}`) : full}
    </span>
  );
}

/** `short` for the census column (the full wording stays available as a tooltip). */
export function CodeStatusBadge({
  status,
  short = false,
}: {
  readonly status: CodeStatus;
  readonly short?: boolean;
}) {
  const { words } = useFormat();
  const full = words(`codeStatus.${status}`);
  return (
    <span
      className={`badge code-${status}`}
      data-code-status={status}
      title={short ? full : undefined}
    >
      {short ? words(`codeStatusShort.${status}`) : full}
    </span>
  );
}

export function SeverityBadge({ severity }: { readonly severity: Severity | null }) {
  const { words } = useFormat();
  if (severity === null) return null;
  return <span className={`badge severity-${severity}`}>{words(`severity.${severity}`)}</span>;
}

const SEXES = ['male', 'female', 'other', 'unknown'] as const;

/** FHIR administrative gender as a short translated label; anything else as written. */
export function useSexLabel(): (sex: string | null) => string {
  const { t } = useTranslation();
  return (sex) => {
    if (sex === null) return '';
    const known = SEXES.find((s) => s === sex.toLowerCase());
    return known ? t(`sex.${known}`) : sex;
  };
}
