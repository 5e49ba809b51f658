import { Breadcrumb, Button, Dropdown, Select, Skeleton, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, download } from '../api/client';
import { compliance } from '../i18n/compliance';
import { useBilingual, useT } from '../i18n/i18n';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { ArticleLink } from './citation';
import './compliance.css';
import { OutcomeTag } from './outcome-tag';
import { chinaDateTime, ENTITY_KINDS, OUTCOMES, type FindingsPage, type Outcome, type RuleRow, type Summary, type SummaryRow } from './types';

const levelOf = (code: string | null) => (!code || code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'city' : 'county');
const cityOf = (code: string) => `${code.slice(0, 4)}00`;
const PAGE_SIZE = 20;

/**
 * The province-wide sweep's results: per city, then per county of a city,
 * then the findings of a county, each linked to its record and its article.
 * Where you are and what you filter live in the address, so every view can
 * be shared and the back button works.
 */
export default function CompliancePage() {
  const t = useT(compliance);
  const b = useBilingual();
  const [params, setParams] = useSearchParams();
  const division = params.get('division');
  const level = levelOf(division);
  const rule = params.get('rule') ?? undefined;
  const outcome = (params.get('outcome') as Outcome | null) ?? 'violation';
  const kind = params.get('kind') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  useDocumentTitle(t('complianceTitle'));

  const summaryQuery = level === 'province' ? { by: 'city' } : { by: 'county', division: level === 'county' ? cityOf(division!) : division };
  const summary = useApi<Summary>('/api/v1/compliance/summary', summaryQuery);
  const here = useApi<Summary>(level === 'county' ? '/api/v1/compliance/summary' : null, { by: 'county', division });
  const rules = level === 'county' ? here.data?.rules : summary.data?.rules;
  const filters = { division: division ?? undefined, rule, outcome: outcome === ('all' as Outcome) ? undefined : outcome, kind, order: order === 'desc' ? order : undefined };
  const findings = useApi<FindingsPage>('/api/v1/compliance/findings', { ...filters, page, pageSize: PAGE_SIZE });
  const [exportError, setExportError] = useState<ApiError>();
  async function exportAs(format: 'csv' | 'xlsx') {
    setExportError(undefined);
    try {
      await download('/api/v1/compliance/findings/export', { format, ...filters }, `compliance-findings.${format}`);
    } catch (e) {
      if (e instanceof ApiError) setExportError(e);
    }
  }

  const go = (changes: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const run = summary.data?.run;
  const cityName = summary.data?.division?.name;
  const countyRow = level === 'county' ? summary.data?.rows.find((r) => r.code === division) : undefined;
  const crumbs = [
    { title: division ? <Link to="/compliance">{t('province')}</Link> : t('province') },
    ...(level !== 'province' ? [{ title: level === 'city' ? cityName ?? division : <Link to={`/compliance?division=${cityOf(division!)}`}>{cityName ?? cityOf(division!)}</Link> }] : []),
    ...(level === 'county' ? [{ title: countyRow?.name ?? division }] : []),
  ];

  const placeColumns: TableProps<SummaryRow>['columns'] = [
    {
      title: t('colPlace'),
      dataIndex: 'name',
      render: (name: string, r) => (level === 'county' ? name : <Link to={`/compliance?division=${r.code}`}>{name}</Link>),
    },
    { title: t('colEntities'), dataIndex: 'entities', align: 'right' },
    { title: t('colWithViolations'), dataIndex: 'entitiesWithViolations', align: 'right' },
    { title: t('colViolations'), key: 'violation', align: 'right', render: (_, r) => r.counts.violation },
    { title: t('colObligations'), key: 'obligation', align: 'right', render: (_, r) => r.counts.obligation },
    { title: t('colCompliant'), key: 'compliant', align: 'right', render: (_, r) => r.counts.compliant },
  ];
  const shownRows = level === 'county' ? (countyRow ? [countyRow] : []) : summary.data?.rows ?? [];

  const countButton = (r: RuleRow, o: Outcome) =>
    r.counts[o] > 0 ? (
      <Button type="link" size="small" onClick={() => go({ rule: r.ruleId, outcome: o })} aria-label={t('showFindings', { rule: b(r.citationLabel), outcome: t(`outcome.${o}`) })}>
        {r.counts[o]}
      </Button>
    ) : (
      0
    );
  const ruleColumns: TableProps<RuleRow>['columns'] = [
    { title: t('colRule'), key: 'article', render: (_, r) => <ArticleLink href={r.href} label={r.citationLabel} /> },
    { title: t('colRuleTitle'), key: 'title', render: (_, r) => b(r.title) },
    { title: t('colViolations'), key: 'violation', align: 'right', render: (_, r) => countButton(r, 'violation') },
    { title: t('colObligations'), key: 'obligation', align: 'right', render: (_, r) => countButton(r, 'obligation') },
    { title: t('colCompliant'), key: 'compliant', align: 'right', render: (_, r) => countButton(r, 'compliant') },
  ];

  type Item = FindingsPage['items'][number];
  const findingColumns: TableProps<Item>['columns'] = [
    {
      title: t('colEntity'),
      key: 'entity',
      className: 'jf-col-entity',
      render: (_, i) => (
        <>
          <span className="jf-muted">{t(`kind.${i.entity.type}`)} </span>
          <Link to={`/compliance/entities/${i.entity.type}/${i.entity.id}`}>{i.entity.name || `#${i.entity.id}`}</Link>
        </>
      ),
    },
    { title: t('colPlace'), key: 'place', className: 'jf-col-place', sorter: true, sortOrder: order === 'desc' ? 'descend' : 'ascend', sortDirections: ['ascend', 'descend', 'ascend'], render: (_, i) => [i.entity.cityName, i.entity.divisionName !== i.entity.cityName ? i.entity.divisionName : null].filter(Boolean).join(' ') },
    { title: t('colOutcome'), key: 'outcome', className: 'jf-col-place', render: (_, i) => <OutcomeTag outcome={i.finding.outcome} /> },
    { title: t('colRule'), key: 'article', className: 'jf-col-article', render: (_, i) => <ArticleLink href={i.finding.href} label={i.finding.citationLabel} /> },
    { title: t('colMessage'), key: 'message', render: (_, i) => b(i.finding.message) },
  ];
  const selectedRule = rules?.find((r) => r.ruleId === rule);

  return (
    <div className="jf-page jf-compliance">
      <Typography.Title level={1}>{t('complianceTitle')}</Typography.Title>
      <Typography.Paragraph>{t('complianceIntro')}</Typography.Paragraph>
      <ApiErrorAlert error={summary.error} onRetry={summary.reload} />
      {summary.data && <Typography.Paragraph className="jf-muted">{run ? t('lastRun', { at: chinaDateTime(run.finishedAt ?? run.startedAt), asOf: run.asOf }) : t('noRun')}</Typography.Paragraph>}
      <nav aria-label={t('breadcrumb')}>
        <Breadcrumb items={crumbs} />
      </nav>

      <section className="jf-compliance-section" aria-labelledby="compliance-places">
        <Typography.Title level={2} id="compliance-places">
          {level === 'province' ? t('byCity') : t('byCounty')}
        </Typography.Title>
        {summary.loading && !summary.data ? (
          <Skeleton active />
        ) : (
          <Table<SummaryRow>
            className="jf-compliance-places"
            rowKey="code"
            size="small"
            pagination={false}
            columns={placeColumns}
            dataSource={shownRows}
            summary={() =>
              level !== 'county' && summary.data ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('colTotal')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">{summary.data.total.entities}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">{summary.data.total.entitiesWithViolations}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">{summary.data.total.counts.violation}</Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">{summary.data.total.counts.obligation}</Table.Summary.Cell>
                  <Table.Summary.Cell index={5} align="right">{summary.data.total.counts.compliant}</Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
        )}
      </section>

      <section className="jf-compliance-section" aria-labelledby="compliance-rules">
        <Typography.Title level={2} id="compliance-rules">
          {t('rulesTitle')}
        </Typography.Title>
        <Table<RuleRow> className="jf-compliance-rules" rowKey="ruleId" size="small" pagination={false} columns={ruleColumns} dataSource={rules ?? []} loading={!rules && (summary.loading || here.loading)} />
      </section>

      <section className="jf-compliance-section" aria-labelledby="compliance-findings">
        <Typography.Title level={2} id="compliance-findings">
          {t('findingsTitle')}
        </Typography.Title>
        <div className="jf-compliance-filters">
          <div className="jf-filter">
            <label htmlFor="compliance-outcome">{t('filterOutcome')}</label>
            <Select
              id="compliance-outcome"
              value={outcome}
              onChange={(v) => go({ outcome: v })}
              options={[...OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) })), { value: 'all', label: t('anyOutcome') }]}
            />
          </div>
          <div className="jf-filter">
            <label htmlFor="compliance-kind">{t('filterKind')}</label>
            <Select id="compliance-kind" value={kind ?? ''} onChange={(v) => go({ kind: v || null })} options={[{ value: '', label: t('anyKind') }, ...ENTITY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))]} />
          </div>
          <div className="jf-filter">
            <label htmlFor="compliance-rule">{t('filterRule')}</label>
            <Select
              id="compliance-rule"
              value={rule ?? ''}
              onChange={(v) => go({ rule: v || null })}
              popupMatchSelectWidth={false}
              options={[{ value: '', label: t('anyRule') }, ...(rules ?? []).map((r) => ({ value: r.ruleId, label: `${b(r.citationLabel)} ${b(r.title)}` }))]}
            />
          </div>
          {selectedRule && <ArticleLink href={selectedRule.href} label={selectedRule.citationLabel} />}
          <Dropdown
            menu={{
              items: [
                { key: 'csv', label: t('exportCsv') },
                { key: 'xlsx', label: t('exportXlsx') },
              ],
              onClick: ({ key }) => void exportAs(key as 'csv' | 'xlsx'),
            }}
          >
            <Button>{t('exportMenu')} ▾</Button>
          </Dropdown>
        </div>
        <ApiErrorAlert error={findings.error} onRetry={findings.reload} />
        <ApiErrorAlert error={exportError} />
        <Table<Item>
          className="jf-compliance-findings"
          rowKey={(i) => `${i.entity.type}/${i.entity.id}/${i.finding.ruleId}/${i.finding.outcome}`}
          size="small"
          columns={findingColumns}
          dataSource={findings.data?.items ?? []}
          loading={findings.loading}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: findings.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('total', { total }),
            onChange: (p) => go({ page: p }),
          }}
          onChange={(_p, _f, sorter, extra) => {
            // Findings sort by place (then kind and id), the order their index serves; the header turns it around.
            if (extra.action !== 'sort') return;
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            go({ order: s?.order === 'descend' ? 'desc' : null });
          }}
        />
      </section>
    </div>
  );
}
