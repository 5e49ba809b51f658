import { Alert, Card, Descriptions, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatCitation } from '../../../src/shared/citation';
import { useBilingual, useT } from '../i18n/i18n';
import { useDocumentTitle } from '../ui/document-title';
import { portal } from './i18n';
import './portal.css';

type CardKey = 'Providers' | 'Warnings' | 'Law' | 'Signage' | 'Verify' | 'Status';
/** Each service with the article it carries out. */
const CARDS: { key: CardKey; to: string; article?: number }[] = [
  { key: 'Providers', to: '/public/providers', article: 18 },
  { key: 'Warnings', to: '/public/warnings', article: 28 },
  { key: 'Status', to: '/public/status', article: 25 },
  { key: 'Verify', to: '/verify' },
  { key: 'Signage', to: '/public/signage', article: 15 },
  { key: 'Law', to: '/law' },
];

/** A C2SP signed note: origin, size, root; a blank line; signature lines. */
export interface Checkpoint {
  note: string;
  origin: string;
  size: number;
  root: string;
}

export function parseCheckpoint(note: string): Checkpoint | null {
  const [body] = note.split('\n\n');
  const [origin, size, root] = body.split('\n');
  if (!origin || !/^\d+$/.test(size ?? '') || !root) return null;
  return { note, origin, size: Number(size), root };
}

function LatestCheckpoint() {
  const t = useT(portal);
  const [cp, setCp] = useState<Checkpoint | null | undefined>();
  useEffect(() => {
    let live = true;
    fetch('/api/v1/ledger/checkpoint', { headers: { accept: 'text/plain' } })
      .then(async (r) => (r.ok ? parseCheckpoint(await r.text()) : null))
      .catch(() => null)
      .then((c) => live && setCp(c));
    return () => {
      live = false;
    };
  }, []);
  return (
    <section aria-labelledby="jf-portal-checkpoint" className="jf-portal-checkpoint">
      <Typography.Title level={2} id="jf-portal-checkpoint">
        {t('checkpointTitle')}
      </Typography.Title>
      <Typography.Paragraph className="jf-muted">{t('checkpointIntro')}</Typography.Paragraph>
      {cp === null && <Alert type="info" showIcon title={t('noCheckpoint')} />}
      {cp && (
        <>
          <Descriptions bordered size="small" column={1} className="jf-portal-checkpoint-facts">
            <Descriptions.Item label={t('origin')}>{cp.origin}</Descriptions.Item>
            <Descriptions.Item label={t('treeSize')}>
              <span data-testid="checkpoint-size">{cp.size}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('rootHash')}>
              <code data-testid="checkpoint-root" className="jf-portal-wrap">
                {cp.root}
              </code>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={3} className="jf-portal-note-title">
            {t('signedNote')}
          </Typography.Title>
          <pre className="jf-portal-note" data-testid="checkpoint-note" tabIndex={0} aria-label={t('signedNote')}>
            {cp.note}
          </pre>
          <a href="/api/v1/ledger/verifier-key">{t('verifierKey')}</a>
        </>
      )}
    </section>
  );
}

/** The public portal: everything the public may see, no login. */
export default function PortalHomePage() {
  const t = useT(portal);
  const b = useBilingual();
  useDocumentTitle(t('homeTitle'));
  return (
    <div className="jf-page jf-portal">
      <Typography.Title level={1}>{t('homeTitle')}</Typography.Title>
      <Typography.Paragraph>{t('homeIntro')}</Typography.Paragraph>
      <ul className="jf-portal-cards">
        {CARDS.map((c) => (
          <li key={c.key}>
            <Card size="small" className="jf-portal-card">
              <Typography.Title level={2} className="jf-portal-card-title">
                <Link to={c.to}>{t(`card${c.key}`)}</Link>
              </Typography.Title>
              <Typography.Paragraph className="jf-portal-card-text">{t(`card${c.key}Text`)}</Typography.Paragraph>
              {c.article && (
                <Link to={`/law/${c.article}`} className="jf-portal-card-article">
                  {b(formatCitation({ article: c.article }))}
                </Link>
              )}
            </Card>
          </li>
        ))}
      </ul>
      <LatestCheckpoint />
    </div>
  );
}
