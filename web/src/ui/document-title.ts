import { useEffect } from 'react';
import { common } from '../i18n/common';
import { useT } from '../i18n/i18n';

/** `<title>`: the page, then the product. */
export function useDocumentTitle(page: string | undefined) {
  const t = useT(common);
  const product = t('productTitle');
  useEffect(() => {
    document.title = page ? `${page} · ${product}` : product;
  }, [page, product]);
}
