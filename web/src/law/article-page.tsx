import { Alert, Segmented, Skeleton, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useBilingual, useT } from '../i18n/i18n';
import { law } from '../i18n/law';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import type { LawArticle, LawItem } from './law-types';

type Shown = 'both' | 'zh' | 'en';

/** One paragraph lead or item: its anchor, a link to itself, and the text in the shown languages. */
function Provision({ p, shown, targeted, className, children }: { p: LawItem; shown: Shown; targeted: boolean; className: string; children?: ReactNode }) {
  const t = useT(law);
  const b = useBilingual();
  return (
    <div id={p.anchor} tabIndex={-1} className={`${className}${targeted ? ' jf-law-target' : ''}`} data-targeted={targeted ? 'true' : undefined}>
      <div className={`jf-law-row jf-law-row-${shown}`}>
        <Link to={{ hash: p.anchor }} className="jf-law-anchor" aria-label={t('linkToHere', { label: b(p.label) })} title={b(p.label)}>
          #
        </Link>
        {shown !== 'en' && p.zh && (
          <p lang="zh-CN" className="jf-law-zh">
            {p.zh}
          </p>
        )}
        {shown !== 'zh' && p.en && (
          <p lang="en" className="jf-law-en">
            {p.en}
          </p>
        )}
      </div>
      {children}
    </div>
  );
}

/**
 * One article, every paragraph and item addressable: `/law/24#p1-i1` scrolls
 * to Art 24 ¶1 (1) and marks it.
 */
export default function ArticlePage() {
  const t = useT(law);
  const b = useBilingual();
  const { n } = useParams();
  const { hash } = useLocation();
  const [shown, setShown] = useState<Shown>('both');
  const valid = /^\d{1,4}$/.test(n ?? '');
  const { data, error, loading, reload } = useApi<LawArticle>(valid ? `/api/v1/law/articles/${n}` : null);
  const article = data && String(data.number) === n ? data : undefined;
  const target = decodeURIComponent(hash.replace(/^#/, ''));
  useDocumentTitle(article ? b(article.heading) : t('title'));

  useEffect(() => {
    if (!article || !target) return;
    const el = document.getElementById(target);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [article, target]);

  return (
    <div className="jf-page jf-law-article">
      <Typography.Paragraph>
        <Link to="/law">{t('backToIndex')}</Link>
      </Typography.Paragraph>
      {!valid && <Alert type="error" showIcon title={t('notFound')} />}
      <ApiErrorAlert error={error} onRetry={error?.status === 404 ? undefined : reload} />
      {loading && !article && <Skeleton active />}
      {article && (
        <article aria-labelledby="article-heading">
          <Typography.Text className="jf-law-chapter">{b(article.chapter.heading)}</Typography.Text>
          <div className="jf-law-head">
            <Typography.Title level={1} id="article-heading">
              {b(article.heading)}
            </Typography.Title>
            <Segmented
              aria-label={t('showLanguages')}
              value={shown}
              onChange={(v) => setShown(v as Shown)}
              options={[
                { value: 'both', label: t('bothLanguages') },
                { value: 'zh', label: t('chineseOnly') },
                { value: 'en', label: t('englishOnly') },
              ]}
            />
          </div>
          {shown === 'both' && (
            <div className="jf-law-row jf-law-row-both jf-law-columns" aria-hidden="true">
              <span />
              <span>{t('chineseText')}</span>
              <span>{t('englishText')}</span>
            </div>
          )}
          {article.paragraphs.map((p) => (
            <section key={p.anchor} aria-label={b(p.label)} className="jf-law-para-section">
              <Provision p={p} shown={shown} targeted={target === p.anchor} className="jf-law-para">
                {p.items.map((i) => (
                  <Provision key={i.anchor} p={i} shown={shown} targeted={target === i.anchor} className="jf-law-item" />
                ))}
              </Provision>
            </section>
          ))}
          {shown !== 'zh' && <Typography.Paragraph className="jf-muted jf-law-note">{t('translationNote')}</Typography.Paragraph>}
          <nav className="jf-law-pager" aria-label={t('pager')}>
            {article.previous != null ? <Link to={`/law/${article.previous}`}>{t('previous', { n: article.previous })}</Link> : <span />}
            {article.next != null ? <Link to={`/law/${article.next}`}>{t('next', { n: article.next })}</Link> : <span />}
          </nav>
        </article>
      )}
    </div>
  );
}
