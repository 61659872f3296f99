/**
 * An API failure as a nurse reads it: the translated sentence for its kind, with the API's own
 * sentence (meant for IT, never patient data) folded away under "Technical details".
 */
import { useTranslation } from 'react-i18next';
import { errorKindSentence } from '../../electron/common/error-kinds.ts';
import type { AppErrorShape } from '../../electron/core/result.ts';
import { useFormat } from '../app-context.ts';

/** The translated sentence for an error kind; the API's sentence for a kind we do not know. */
export function useErrorSentence(): (kind: string | null, fallback: string) => string {
  const { words } = useFormat();
  return (kind, fallback) => errorKindSentence(words, kind, fallback);
}

/** `sentence` replaces the kind's generic sentence where the screen knows better. */
export function ErrorNotice({
  error,
  sentence,
}: {
  readonly error: AppErrorShape;
  readonly sentence?: string;
}) {
  const { t } = useTranslation();
  const sentenceOf = useErrorSentence();
  return (
    <div className="notice notice-error" role="alert" data-error-kind={error.kind}>
      <p>{sentence ?? sentenceOf(error.kind, error.message)}</p>
      <details>
        <summary>{t('app.details')}</summary>
        <p className="technical">{error.message}</p>
      </details>
    </div>
  );
}
