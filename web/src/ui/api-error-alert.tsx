import { Alert, Button } from 'antd';
import { Link } from 'react-router-dom';
import type { ApiError, ApiErrorBody } from '../api/client';
import { common } from '../i18n/common';
import { useBilingual, useT } from '../i18n/i18n';
import { ArticlePreview } from '../law/article-preview';

/** The citation of a refusal, as a link to the paragraph or item of the regulation. */
export function CitationLink({ citation }: { citation: NonNullable<ApiErrorBody['citation']> }) {
  const t = useT(common);
  const b = useBilingual();
  return (
    <ArticlePreview href={citation.href}>
      <Link to={citation.href} className="jf-citation">
        {t('legalBasis', { label: b(citation.label) })}
      </Link>
    </ArticlePreview>
  );
}

/**
 * An API error in the current language, with its citation and, unless the
 * caller shows them beside their fields, the field problems.
 */
export function ApiErrorAlert({ error, showFieldErrors = true, onRetry }: { error: ApiError | undefined | null; showFieldErrors?: boolean; onRetry?: () => void }) {
  const t = useT(common);
  const b = useBilingual();
  if (!error) return null;
  const { body } = error;
  const issues = showFieldErrors ? body.errors ?? [] : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="jf-api-error"
      data-code={body.code}
      title={b(body.messages)}
      description={
        body.citation || issues.length ? (
          <>
            {body.citation && <CitationLink citation={body.citation} />}
            {issues.length > 0 && (
              <ul className="jf-issue-list" aria-label={t('fieldErrors')}>
                {issues.map((x, i) => (
                  <li key={i}>
                    {x.row != null ? `#${x.row} ` : ''}
                    {b(x.message)}
                    {x.citation && (
                      <>
                        {' '}
                        <CitationLink citation={x.citation} />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
