import { Card, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { citationHref, formatCitation } from '../../../src/shared/citation';
import { useBilingual, useLang, useT, type Bilingual } from '../i18n/i18n';
import { registry } from '../i18n/registry';
import type { SessionUser } from '../session/session';
import { menuRegistries, ownRecordKind } from '../shell/menu';
import { useApi } from '../ui/use-api';
import { Checklist } from './checklist';
import { workspace } from './i18n';
import { Tile, TileGrid } from './tile';

/** An article as the tiles show it; the law pages hold the text. */
function art(article: number, paragraph?: number, item?: number): { label: Bilingual; href: string } {
  const cn = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const zhNum = (n: number) => (n < 10 ? cn[n] : `${n >= 20 ? cn[Math.floor(n / 10)] : ''}十${cn[n % 10]}`);
  return {
    label: {
      zh: `第${zhNum(article)}条${paragraph ? `第${zhNum(paragraph)}款` : ''}${item ? `第（${zhNum(item)}）项` : ''}`,
      en: `Art ${article}${paragraph ? ` ¶${paragraph}` : ''}${item ? ` (${item})` : ''}`,
    },
    href: `/law/${article}${paragraph ? `#p${paragraph}${item ? `-i${item}` : ''}` : ''}`,
  };
}

interface ItemList {
  total: number;
  items: { id: number; title: string; machine: string; state: string; stateLabel: Bilingual; dueAt: string | null; overdue: boolean; terminal: boolean }[];
}

/** What awaits the caller in the workflows: every role that acts has one. */
function InboxTile() {
  const t = useT(workspace);
  const inbox = useApi<{ total: number; overdue: number }>('/api/v1/workflow/inbox');
  return (
    <Tile
      testId="tile-inbox"
      title={t('tileInbox')}
      value={inbox.data?.total}
      to="/work"
      tone={inbox.data?.overdue ? 'alert' : undefined}
      extra={inbox.data?.overdue ? <span className="jf-ws-violation">{t('overdueCount', { count: inbox.data.overdue })}</span> : null}
    />
  );
}

function ItemsTile({ machine, title, article, open = true, testId }: { machine: string; title: string; article: { label: Bilingual; href: string }; open?: boolean; testId?: string }) {
  const items = useApi<ItemList>('/api/v1/workflow/items', { machine, open: open || undefined, limit: 1 });
  return <Tile testId={testId} title={title} value={items.data?.total} to={`/work/items?machine=${machine}${open ? '&open=true' : ''}`} article={article} />;
}

/** A short list of items with their state, each linked. */
function ItemsList({ machine, empty }: { machine: string; empty: string }) {
  const b = useBilingual();
  const items = useApi<ItemList>('/api/v1/workflow/items', { machine, limit: 5 });
  if (!items.data?.items.length) return <Typography.Paragraph type="secondary">{empty}</Typography.Paragraph>;
  return (
    <ul className="jf-ws-list">
      {items.data.items.map((i) => (
        <li key={i.id}>
          <Link to={`/work/items/${i.id}`}>{i.title}</Link> · {b(i.stateLabel)}
        </li>
      ))}
    </ul>
  );
}

function RegistryTile({ kind, title }: { kind: string; title: string }) {
  const list = useApi<{ total: number }>(`/api/v1/registry/${kind}`, { pageSize: 1 });
  return <Tile testId={`tile-${kind}`} title={title} value={list.data?.total} to={`/registry/${kind}`} article={art(10, 2)} />;
}


/** How many a list finds for the filters, read from its total (one row fetched, never the whole list). */
function useTotal(url: string, filters: Record<string, string | boolean>): number | undefined {
  return useApi<{ total: number }>(url, { ...filters, limit: 1 }).data?.total;
}

const sum = (a: number | undefined, b: number | undefined) => (a == null || b == null ? undefined : a + b);

/** Art 25 ¶1: the station's queue of citizens' viewing applications and the documents it issued. */
export function StationWorkspace() {
  const t = useT(workspace);
  const submitted = useTotal('/api/v1/viewing-applications', { state: 'submitted' });
  const registered = useTotal('/api/v1/viewing-applications', { state: 'registered' });
  const documents = useTotal('/api/v1/viewing-applications', { withDocument: true });
  const refused = useTotal('/api/v1/viewing-applications', { state: 'refused' });
  return (
    <>
      <TileGrid label={t('sectionQueue')} tour="queue">
        <Tile testId="tile-viewing-submitted" title={t('tileViewingSubmitted')} value={submitted} to="/captured/viewing?state=submitted" article={art(25, 1)} />
        <Tile title={t('tileViewingRegistered')} value={registered} to="/captured/viewing?state=registered" article={art(25, 1)} />
        <Tile title={t('tileViewingDocuments')} value={documents} to="/captured/viewing" article={art(25, 1)} />
        <Tile title={t('tileViewingRefused')} value={refused} to="/captured/viewing?state=refused" article={art(25, 1)} />
      </TileGrid>
      <TileGrid label={t('sectionWork')} tour="work">
        <InboxTile />
        <RegistryTile kind="key-units" title={t('tileUnitsInArea')} />
      </TileGrid>
    </>
  );
}

/** Art 10-15, 23-25: the unit's duties, its records, its recordings and what it must answer. */
export function KeyUnitWorkspace({ user }: { user: SessionUser }) {
  const t = useT(workspace);
  const tr = useT(registry);
  const requests = useTotal('/api/v1/access-requests', { state: 'awaiting_registration' });
  const viewings = useTotal('/api/v1/viewing-applications', { state: 'approved' });
  return (
    <>
      <section className="jf-ws-section" aria-label={t('sectionChecklist')} data-tour="checklist">
        <h2 className="jf-ws-section-title">{t('sectionChecklist')}</h2>
        <Typography.Paragraph type="secondary">{t('checklistIntro')}</Typography.Paragraph>
        {user.keyUnitId != null && <Checklist keyUnitId={user.keyUnitId} />}
      </section>
      <TileGrid label={t('sectionRecords')} tour="records">
        <Tile testId="tile-own-unit" title={t('tileOwnUnit')} value={1} to={`/registry/key-units`} article={art(10, 1)} />
        <RegistryTile kind="sites" title={tr('kind.sites')} />
        <RegistryTile kind="security-systems" title={tr('kind.security-systems')} />
        <RegistryTile kind="devices" title={tr('kind.devices')} />
        <Tile testId="tile-signage" title={t('tileSignage')} value={t('printSign')} to="/public/signage" article={art(15)} />
        <Tile title={t('tileRecordings')} value={t('open')} to="/captured" article={art(23, 2)} />
      </TileGrid>
      <TileGrid label={t('sectionWork')} tour="work">
        <Tile testId="tile-requests" title={t('tileRequestsToHandle')} value={requests != null && viewings != null ? requests + viewings : undefined} to="/captured/requests" article={art(24, 1)} />
        <InboxTile />
        <ItemsTile machine="case" title={t('tileOrders')} article={art(31)} />
      </TileGrid>
    </>
  );
}

/** Art 20 (2): 依法施工，并将相关建设资料存档备查. Its one paragraph's items are anchored as `p1-iN` on the law page. */
const ART20_2 = { label: formatCitation({ article: 20, item: 2 }), href: citationHref({ article: 20, paragraph: 1, item: 2 }) };

interface ProjectPage {
  total: number;
  items: { id: number; name: string; divisionName: string | null; updatedAt: string | null }[];
}

/**
 * Art 20 (2): the systems the registry records the provider installed, as the
 * registry's own list scopes them for it (never restricted ones, art 19): their
 * number, and the five changed last, each linked to its record's page.
 */
function ProviderProjects() {
  const t = useT(workspace);
  const count = useApi<{ total: number }>('/api/v1/registry/security-systems', { pageSize: 1 });
  const recent = useApi<ProjectPage>('/api/v1/registry/security-systems', { pageSize: 5, sort: 'updatedAt', order: 'desc' });
  return (
    <>
      <TileGrid label={t('sectionProjects')} tour="projects">
        <Tile testId="tile-projects" title={t('tileProjects')} value={count.data?.total} to="/registry/security-systems" article={ART20_2} />
      </TileGrid>
      <Card size="small" title={t('recentProjects')} className="jf-ws-chart-card" data-testid="recent-projects" extra={<Link to="/registry/security-systems">{t('allProjects')}</Link>}>
        {recent.data?.items.length ? (
          <ul className="jf-ws-list">
            {recent.data.items.map((p) => (
              <li key={p.id}>
                <Link to={`/compliance/entities/security-systems/${p.id}`}>{p.name}</Link> · {t('projectUpdated', { place: p.divisionName ?? '–', date: (p.updatedAt ?? '').slice(0, 10) })}
              </li>
            ))}
          </ul>
        ) : recent.data ? (
          <Typography.Paragraph type="secondary">{t('noProjects')}</Typography.Paragraph>
        ) : null}
      </Card>
    </>
  );
}

/** Art 16-18, 20, 28: the provider's filing, its place on the public list, warnings and complaints, and its projects. */
export function ProviderWorkspace() {
  const t = useT(workspace);
  const b = useBilingual();
  const own = useApi<{ items: { id: number; name: string; creditCode: string }[] }>('/api/v1/registry/providers', { pageSize: 1 });
  const code = own.data?.items[0]?.creditCode;
  const listed = useApi<{ total: number; items: { name: string; filingAuthority: { name: Bilingual }; receiptNumber: string; warning: { listed: boolean; count: number } }[] }>(
    code ? '/api/v1/public/providers' : null,
    { q: code ?? '', limit: 1 },
  );
  const entry = listed.data?.items[0];
  return (
    <>
      <TileGrid label={t('sectionFiling')} tour="filing">
        <ItemsTile testId="tile-filings" machine="provider-filing" title={t('tileFilings')} article={art(16, 1)} open={false} />
        <Tile
          testId="tile-public-list"
          title={t('tilePublicList')}
          value={listed.data ? (entry ? t('onList') : t('notOnList')) : undefined}
          to="/public/providers"
          article={art(18)}
          tone={listed.data && !entry ? 'alert' : entry ? 'ok' : undefined}
          extra={entry ? <span>{t('filedWith', { organ: b(entry.filingAuthority.name), number: entry.receiptNumber })}</span> : null}
        />
        <Tile title={t('tileWarnings')} value={entry ? entry.warning.count : listed.data ? 0 : undefined} to="/public/warnings" article={art(28)} tone={entry?.warning.listed ? 'alert' : undefined} />
        <ItemsTile machine="complaint" title={t('tileComplaints')} article={art(28)} />
        <InboxTile />
      </TileGrid>
      <Card size="small" title={t('filingHistory')} className="jf-ws-chart-card">
        <ItemsList machine="provider-filing" empty={t('noFiling')} />
      </Card>
      <ProviderProjects />
    </>
  );
}

/** Art 24: the officer's access requests and the grants in force. */
export function InvestigatorWorkspace() {
  const t = useT(workspace);
  const all = useTotal('/api/v1/access-requests', {});
  const pending = sum(useTotal('/api/v1/access-requests', { state: 'awaiting_officers' }), useTotal('/api/v1/access-requests', { state: 'awaiting_registration' }));
  // The officers' grants still running (Art 24 ¶1), as the list filtered by state counts them; emergency uses have their own tile.
  const grants = useTotal('/api/v1/access-requests', { state: 'granted' });
  const emergency = useTotal('/api/v1/access-requests', { kind: 'emergency' });
  return (
    <TileGrid label={t('sectionAccess')} tour="access">
      <Tile testId="tile-access-requests" title={t('tileAccessRequests')} value={all} to="/captured/requests" article={art(24, 1)} />
      <Tile title={t('tileAccessPending')} value={pending} to="/captured/requests" article={art(24, 1)} />
      <Tile testId="tile-grants" title={t('tileGrants')} value={grants} to="/captured/requests?state=granted" article={art(24, 1)} extra={<span>{t('grantsExtra')}</span>} />
      <Tile title={t('tileEmergency')} value={emergency} to="/captured/requests?kind=emergency" article={art(24, 2)} />
      <RegistryTile kind="security-systems" title={t('tileSystemsLookup')} />
    </TileGrid>
  );
}

/** Art 25, 28: the citizen's applications and complaints. */
export function CitizenWorkspace() {
  const t = useT(workspace);
  const viewings = useTotal('/api/v1/viewing-applications', {});
  const evidence = useTotal('/api/v1/evidence-requests', {});
  return (
    <TileGrid label={t('sectionApplications')} tour="applications">
      <Tile testId="tile-viewing" title={t('tileMyViewing')} value={viewings} to="/captured/viewing" article={art(25, 1)} />
      <Tile title={t('tileMyEvidence')} value={evidence} to="/captured/evidence" article={art(25, 2)} />
      <ItemsTile machine="complaint" title={t('tileMyComplaints')} article={art(28)} open={false} />
      <InboxTile />
    </TileGrid>
  );
}

/** Art 29, 36, 24 ¶2, 21(4): official acts, missed deadlines, emergency uses to review, the ledger. */
export function OversightWorkspace() {
  const t = useT(workspace);
  const missed = useApi<{ total: number }>('/api/v1/workflow/oversight/missed-deadlines', { open: true, limit: 1 });
  const refusals = useApi<{ total: number }>('/api/v1/workflow/oversight/refusals', { limit: 1 });
  const emergency = useTotal('/api/v1/access-requests', { kind: 'emergency', awaitingReview: true });
  const ledger = useApi<{ treeSize: number; signedAt: string | null }>('/api/v1/ledger/status');
  const acts = useApi<{ total: number }>('/api/v1/workflow/oversight/acts', { limit: 1 });
  // Counted from the start of the day 30 days ago, so the figure holds still while the page is open.
  const [monthAgo] = useState(() => new Date(new Date().setUTCHours(0, 0, 0, 0) - 30 * 86_400_000).toISOString());
  const recentActs = useApi<{ total: number }>('/api/v1/workflow/oversight/acts', { from: monthAgo, limit: 1 });
  return (
    <>
      <TileGrid label={t('sectionOversight')} tour="oversight">
        <Tile testId="tile-missed" title={t('tileMissedDeadlines')} value={missed.data?.total} to="/work/oversight?mOpen=true" article={art(36)} tone={missed.data?.total ? 'alert' : undefined} />
        <Tile title={t('tileRefusedActs')} value={refusals.data?.total} to="/work/oversight" article={art(29)} />
        <Tile
          testId="tile-official-acts"
          title={t('tileOfficialActs')}
          value={acts.data?.total}
          to="/work/oversight#acts"
          article={art(36)}
          extra={recentActs.data ? <span>{t('officialActsExtra', { count: recentActs.data.total })}</span> : null}
        />
        <Tile testId="tile-emergency" title={t('tileEmergencyReview')} value={emergency} to="/captured/requests?awaitingReview=true" article={art(24, 2)} />
        <Tile
          testId="tile-ledger"
          title={t('tileLedger')}
          value={ledger.data?.treeSize}
          to="/ledger"
          article={art(36)}
          extra={ledger.data?.signedAt ? <span>{t('signedAt', { date: ledger.data.signedAt.slice(0, 16).replace('T', ' ') })}</span> : null}
        />
      </TileGrid>
      <Typography.Paragraph>
        <Link to="/dashboard">{t('openDashboard')}</Link>
      </Typography.Paragraph>
    </>
  );
}

/** Whoever else logs in (the administrator): the registries they keep. */
export function RegistriesWorkspace({ user }: { user: SessionUser }) {
  const t = useT(workspace);
  const tr = useT(registry);
  const { lang } = useLang();
  const own = ownRecordKind(user.role);
  return (
    <TileGrid label={t('sectionRegistries')}>
      {menuRegistries(user.role).map((k) => (
        <RegistryTile key={`${k}-${lang}`} kind={k} title={k === own ? t('tileOwnUnit') : tr(`kind.${k}` as never)} />
      ))}
    </TileGrid>
  );
}
