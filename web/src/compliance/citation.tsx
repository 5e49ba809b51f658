import { Link } from 'react-router-dom';
import { citationHref, formatCitation } from '../../../src/shared/citation';
import { useBilingual } from '../i18n/i18n';
import { ArticlePreview } from '../law/article-preview';
import type { Citation } from './types';

/** A citation as a link to its article, paragraph and item: `/law/24#p1-i1`. */
export function ArticleLink({ citation, label, href }: { citation?: Citation; label?: { zh: string; en: string }; href?: string }) {
  const b = useBilingual();
  const to = href ?? (citation ? citationHref(citation) : '/law');
  const text = label ?? (citation ? formatCitation(citation) : { zh: '条例', en: 'Regulation' });
  return (
    <ArticlePreview href={to}>
      <Link to={to} className="jf-article-link">
        {b(text)}
      </Link>
    </ArticlePreview>
  );
}
