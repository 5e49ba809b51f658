import { Card } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ArticlePreview } from '../law/article-preview';
import { useBilingual, useT, type Bilingual } from '../i18n/i18n';
import { workspace } from './i18n';

/**
 * One figure of a workspace: its number as a link down to the list it is
 * counted from, and the article it rests on.
 */
export function Tile({
  title,
  value,
  to,
  article,
  testId,
  extra,
  tone,
}: {
  title: string;
  value: number | string | null | undefined;
  to: string;
  article?: { label: Bilingual; href: string } | null;
  testId?: string;
  extra?: ReactNode;
  tone?: 'alert' | 'ok';
}) {
  const t = useT(workspace);
  const b = useBilingual();
  return (
    <Card size="small" className={`jf-ws-tile${tone ? ` jf-ws-tile-${tone}` : ''}`} data-testid={testId}>
      <div className="jf-ws-tile-title">{title}</div>
      <Link to={to} className="jf-ws-tile-value" aria-label={t('figureLink', { title, value: value ?? '–' })}>
        {value ?? '–'}
      </Link>
      <div className="jf-ws-tile-foot">
        {article && (
          <ArticlePreview href={article.href}>
            <Link to={article.href} className="jf-article-link">
              {t('basis', { label: b(article.label) })}
            </Link>
          </ArticlePreview>
        )}
        {extra}
      </div>
    </Card>
  );
}

/** A titled row of tiles. */
export function TileGrid({ children, label, tour }: { children: ReactNode; label: string; tour?: string }) {
  return (
    <section className="jf-ws-section" aria-label={label} data-tour={tour}>
      <h2 className="jf-ws-section-title">{label}</h2>
      <div className="jf-ws-tiles">{children}</div>
    </section>
  );
}
