/**
 * Small clinical markers shared by the census, search results and the chart header, in the
 * words of electron/common (the ones the printed reports use).
 */
import { sexShort } from '../../electron/common/sex.ts';
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

/** FHIR administrative gender as a short label in the reader's words (common/sex.ts). */
export function useSexLabel(): (sex: string | null) => string {
  const { words } = useFormat();
  return (sex) => sexShort(words, sex);
}
