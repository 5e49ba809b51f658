import { Button, Checkbox, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { Link } from 'react-router-dom';
import { api, ApiError, withQuery, type ApiCitation } from '../api/client';
import { useBilingual, useT } from '../i18n/i18n';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { portal } from './i18n';
import './portal.css';

interface Signage {
  titleZh: string;
  textZh: string;
  titleEn: string;
  textEn: string;
  english: boolean;
  widthMm: number;
  heightMm: number;
  citation: ApiCitation;
}

/** The SVG as the server draws it, without its XML prolog, to sit inline in the page (and print as text, not pixels). */
function useSignSvg(unit: string, english: boolean | undefined) {
  const [svg, setSvg] = useState<string>();
  useEffect(() => {
    if (english === undefined) return;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      fetch(withQuery('/api/v1/public/signage.svg', { unit: unit.trim() || undefined, english }), { signal: ctl.signal })
        .then((r) => (r.ok ? r.text() : undefined))
        .then((s) => setSvg(s?.replace(/^<\?xml[^>]*>\s*/, '')))
        .catch(() => undefined);
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [unit, english]);
  return svg;
}

/**
 * Art 15: the sign for areas under video capture, in the style configured for
 * the province. The preview scales to the screen; printing gives the sign
 * alone on a page of its own size, so the browser's print (or "Save as PDF")
 * makes it at 100 %.
 */
export default function SignagePage() {
  const t = useT(portal);
  const b = useBilingual();
  const [cfg, setCfg] = useState<Signage>();
  const [error, setError] = useState<ApiError>();
  const [unit, setUnit] = useState('');
  const [english, setEnglish] = useState<boolean>();
  useDocumentTitle(t('signageTitle'));
  useEffect(() => {
    api<Signage>('/api/v1/public/signage')
      .then((c) => {
        setCfg(c);
        setEnglish(c.english);
      })
      .catch((e: ApiError) => setError(e));
  }, []);
  const svg = useSignSvg(unit, english);
  const pageCss = useMemo(
    () => (cfg ? `@page { size: ${cfg.widthMm}mm ${cfg.heightMm}mm; margin: 0; } @media print { .jf-sign-print, .jf-sign-print svg { width: ${cfg.widthMm}mm; height: ${cfg.heightMm}mm; } }` : ''),
    [cfg],
  );
  const svgHref = withQuery('/api/v1/public/signage.svg', { unit: unit.trim() || undefined, english });
  return (
    <div className="jf-page jf-portal-signage">
      <Typography.Title level={1}>{t('signageTitle')}</Typography.Title>
      <Typography.Paragraph>
        {t('signageIntro')} {cfg && <Link to={cfg.citation.href}>{b(cfg.citation.label)}</Link>}
      </Typography.Paragraph>
      <ApiErrorAlert error={error} />
      {cfg && (
        <>
          <Descriptions bordered size="small" column={1} className="jf-portal-sign-facts">
            <Descriptions.Item label={t('wording')}>
              <span lang="zh-CN">
                {cfg.titleZh} / {cfg.textZh}
              </span>
              {english && (
                <>
                  <br />
                  <span lang="en">
                    {cfg.titleEn} / {cfg.textEn}
                  </span>
                </>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('size')}>
              <span data-testid="sign-size">{t('sizeValue', { width: cfg.widthMm, height: cfg.heightMm })}</span>
            </Descriptions.Item>
          </Descriptions>
          <Form layout="vertical" className="jf-portal-form jf-portal-sign-form">
            <Form.Item label={t('unitName')} htmlFor="jf-sign-unit">
              <Input id="jf-sign-unit" value={unit} maxLength={60} onChange={(e) => setUnit(e.target.value)} />
            </Form.Item>
            <Form.Item>
              <Checkbox checked={english} onChange={(e) => setEnglish(e.target.checked)}>
                {t('withEnglish')}
              </Checkbox>
            </Form.Item>
            <Space wrap>
              <Button type="primary" onClick={() => window.print()} disabled={!svg}>
                {t('print')}
              </Button>
              <a href={svgHref} download="signage.svg">
                {t('downloadSvg')}
              </a>
            </Space>
          </Form>
          <Typography.Paragraph className="jf-muted jf-portal-print-hint">{t('printHint', { width: cfg.widthMm, height: cfg.heightMm })}</Typography.Paragraph>
          {svg && (
            <figure className="jf-sign-preview" aria-label={t('signPreview')} data-testid="sign-preview">
              <div dangerouslySetInnerHTML={{ __html: svg }} />
            </figure>
          )}
          {svg &&
            createPortal(
              <div className="jf-sign-print" aria-hidden="true">
                <style>{pageCss}</style>
                <div dangerouslySetInnerHTML={{ __html: svg }} />
              </div>,
              document.body,
            )}
        </>
      )}
    </div>
  );
}
