import { Popover, Spin } from 'antd';
import { useEffect, useState, type ReactElement } from 'react';
import { api } from '../api/client';
import { useBilingual, useLang } from '../i18n/i18n';
import type { LawArticle, LawItem } from './law-types';

/** Articles fetched once per page load: the text never changes while the app runs. */
const articles = new Map<number, Promise<LawArticle>>();

function loadArticle(n: number): Promise<LawArticle> {
  let p = articles.get(n);
  if (!p) {
    p = api<LawArticle>(`/api/v1/law/articles/${n}`);
    // A failed load is tried again on the next hover, not remembered.
    p.catch(() => articles.delete(n));
    articles.set(n, p);
  }
  return p;
}

/** `/law/24#p1-i1` → article 24, anchor `p1-i1`; null for anything that is not an article of the regulation. */
export function parseArticleHref(href: string): { article: number; anchor: string | null } | null {
  const m = /^\/law\/(\d+)(?:#(p\d+(?:-i\d+)?))?$/.exec(href);
  return m ? { article: Number(m[1]), anchor: m[2] ?? null } : null;
}

/** The paragraphs or the one paragraph or item an anchor names, as the preview shows them. */
function passages(a: LawArticle, anchor: string | null): LawItem[] {
  if (!anchor) return a.paragraphs.flatMap((p) => [p, ...p.items]);
  for (const p of a.paragraphs) {
    if (p.anchor === anchor) return [p, ...p.items];
    const item = p.items.find((i) => i.anchor === anchor);
    if (item) return [p, item];
  }
  return a.paragraphs.flatMap((p) => [p, ...p.items]);
}

function PreviewBody({ article, anchor }: { article: number; anchor: string | null }) {
  const b = useBilingual();
  const { lang } = useLang();
  const [a, setA] = useState<LawArticle | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadArticle(article).then(
      (x) => live && setA(x),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [article]);
  if (failed) return null;
  if (!a) return <Spin size="small" />;
  return (
    <div className="jf-article-preview" data-testid="article-preview" lang={lang}>
      <div className="jf-article-preview-title">
        {b(a.label)} {b(a.heading)}
      </div>
      {passages(a, anchor).map((p) => (
        <p key={p.anchor} className={p.anchor === anchor ? 'jf-article-preview-cited' : undefined}>
          {lang === 'en' ? p.en : p.zh}
        </p>
      ))}
    </div>
  );
}

/**
 * The text of the article a link cites, on hover or keyboard focus, so a
 * reader sees what a refusal, finding or figure rests on without leaving the
 * page; the link itself still opens the article. Anything but a link to an
 * article of the regulation is left as it is.
 */
export function ArticlePreview({ href, children }: { href: string; children: ReactElement }) {
  const target = parseArticleHref(href);
  if (!target) return children;
  return (
    <Popover trigger={['hover', 'focus']} mouseEnterDelay={0.3} destroyOnHidden content={<PreviewBody article={target.article} anchor={target.anchor} />} classNames={{ root: 'jf-article-preview-popover' }}>
      {children}
    </Popover>
  );
}
