import { Card, Skeleton, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PenaltyCalculatorLink } from '../compliance/menu';
import { useBilingual, useLang, useT } from '../i18n/i18n';
import { law } from '../i18n/law';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import type { LawIndex } from './law-types';

/** `2014-11-27` → `2014年11月27日` / `27 November 2014`. */
export function formatDate(iso: string, lang: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (lang === 'en') return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `${y}年${m}月${d}日`;
}

export default function LawIndexPage() {
  const t = useT(law);
  const b = useBilingual();
  const { lang } = useLang();
  const { data, error, loading, reload } = useApi<LawIndex>('/api/v1/law');
  useDocumentTitle(t('title'));
  const reg = data?.instruments.find((i) => i.id === data.regulation);
  const byNumber = new Map(data?.articles.map((a) => [a.number, a]));

  return (
    <div className="jf-page jf-law-index">
      <Typography.Title level={1}>{reg ? b(reg.title) : t('title')}</Typography.Title>
      <ApiErrorAlert error={error} onRetry={reload} />
      {loading && !data && <Skeleton active />}
      {reg && (
        <Typography.Paragraph className="jf-law-meta">
          {t('subtitle', { adoptedBy: reg.adoptedBy ? b(reg.adoptedBy) : '', inForce: formatDate(reg.inForce, lang) })}
        </Typography.Paragraph>
      )}
      {data && <Typography.Paragraph className="jf-law-tools"><PenaltyCalculatorLink /></Typography.Paragraph>}
      {data && (
        <>
          <nav aria-label={t('chapters')} className="jf-law-toc">
            <Typography.Title level={2}>{t('chapters')}</Typography.Title>
            {data.chapters.map((c) => (
              <section key={c.number} className="jf-law-toc-chapter" aria-labelledby={`chapter-${c.number}`}>
                <Typography.Title level={3} id={`chapter-${c.number}`}>
                  {b(c.heading)} <span className="jf-muted">{t('articleCount', { count: c.articles.length })}</span>
                </Typography.Title>
                <ol className="jf-law-toc-articles">
                  {c.articles.map((n) => {
                    const a = byNumber.get(n);
                    return (
                      <li key={n}>
                        <Link to={`/law/${n}`}>{a ? b(a.heading) : n}</Link>
                        {a && <span className="jf-law-excerpt"> {b(a.excerpt)}</span>}
                      </li>
                    );
                  })}
                </ol>
              </section>
            ))}
          </nav>
          <section aria-labelledby="instruments" className="jf-law-instruments">
            <Typography.Title level={2} id="instruments">
              {t('instruments')}
            </Typography.Title>
            {data.instruments.map((i) => (
              <Card key={i.id} size="small" className="jf-law-instrument">
                <Typography.Text strong>{b(i.title)}</Typography.Text>
                <div>
                  {i.adopted && <span className="jf-law-date">{t('adopted', { date: formatDate(i.adopted, lang) })}</span>}
                  <span className="jf-law-date">{t('inForce', { date: formatDate(i.inForce, lang) })}</span>
                </div>
                {!i.textAvailable && <div className="jf-muted">{t('textNotHeld')}</div>}
                {i.note && <div className="jf-muted">{b(i.note)}</div>}
              </Card>
            ))}
          </section>
        </>
      )}
    </div>
  );
}
