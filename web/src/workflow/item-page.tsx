import { Breadcrumb, Card, Col, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useBilingual, useT } from '../i18n/i18n';
import { LedgerHistoryPanel } from '../ledger/history-panel';
import { ApiErrorAlert, CitationLink } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { ActionButton } from './action-button';
import { workflow } from './i18n';
import { ItemSummary } from './item-summary';
import { useMachines } from './machines';
import { DueTag, StateTag } from './tags';
import { chinaDateTime, type ItemDetail } from './types';
import './workflow.css';

/**
 * One item: where it stands, what the caller may do now (each act with the
 * rule it rests on), its record, its documents and who did what, when, under
 * which rule.
 */
export default function ItemPage() {
  const { id } = useParams();
  const t = useT(workflow);
  const b = useBilingual();
  const detail = useApi<ItemDetail>(`/api/v1/workflow/items/${Number(id)}`);
  const machines = useMachines();
  const item = detail.data?.item;
  useDocumentTitle(item?.title);
  const machine = machines?.find((m) => m.name === item?.machine);

  if (detail.error) return <ApiErrorAlert error={detail.error} onRetry={detail.reload} />;
  if (!item) return <Skeleton active />;
  const stateName = (s: string | null) => (s ? b(machine?.states.find((x) => x.name === s)?.label ?? { zh: s, en: s }) : '');
  const transitionName = (n: string) => b(machine?.transitions.find((x) => x.name === n)?.label ?? { zh: n, en: n });

  return (
    <div className="jf-page jf-wf-item" data-state={item.state}>
      <Breadcrumb items={[{ title: <Link to="/work">{t('menuInbox')}</Link> }, { title: <Link to={`/work/items?machine=${item.machine}`}>{t(`machine.${item.machine}` as never)}</Link> }, { title: `#${item.id}` }]} />
      <Typography.Title level={1}>{item.title}</Typography.Title>
      <Space wrap className="jf-wf-status">
        <span>{b(item.machineTitle)}</span>
        <StateTag item={item} />
        <DueTag item={item} />
        <span className="jf-muted">{t('version', { version: item.version })}</span>
        {item.parentId && (
          <Link to={`/work/items/${item.parentId}`}>
            {t('parent')} #{item.parentId}
          </Link>
        )}
      </Space>
      <Card title={t('actions')} className="jf-wf-actions" size="small">
        {item.actions.filter((a) => a.name !== 'open-case').length === 0 ? (
          <Typography.Text className="jf-muted">{t('noActions')}</Typography.Text>
        ) : (
          <Space wrap>
            {item.actions
              .filter((a) => a.name !== 'open-case')
              .map((a, i) => (
                <ActionButton
                  key={a.name}
                  primary={i === 0}
                  itemId={item.id}
                  machine={item.machine}
                  version={item.version}
                  action={a}
                  input={machine?.transitions.find((x) => x.name === a.name)?.input ?? null}
                  onDone={() => detail.reload()}
                />
              ))}
          </Space>
        )}
        {(item.notYet ?? []).length > 0 && (
          <div className="jf-wf-not-yet">
            <Typography.Text strong>{t('notYetTitle')}</Typography.Text>
            <ul>
              {item.notYet!.map((a) => (
                <li key={a.name} data-transition={a.name}>
                  {b(a.label)}：{t('notYetNeeds', { states: a.from.map((f) => b(f.label)).join(t('notYetOr')) })} <CitationLink citation={a.rule.citation} />
                </li>
              ))}
            </ul>
          </div>
        )}
      </Card>
      <Row gutter={24}>
        <Col xs={24} lg={15}>
          <Typography.Title level={2}>{t('data')}</Typography.Title>
          <ItemSummary item={item} onChanged={() => detail.reload()} />
          {detail.data!.children.length > 0 && (
            <>
              <Typography.Title level={2}>{t('children')}</Typography.Title>
              <ul>
                {detail.data!.children.map((c) => (
                  <li key={c.id}>
                    <Link to={`/work/items/${c.id}`}>
                      #{c.id} {c.title}
                    </Link>{' '}
                    <Tag>{b(c.stateLabel)}</Tag>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Col>
        <Col xs={24} lg={9}>
          <Typography.Title level={2}>{t('documents')}</Typography.Title>
          <ul className="jf-wf-documents">
            {detail.data!.documents.map((d) => (
              <li key={d.id}>
                <Link to={`/documents/${d.id}`} data-document-kind={d.kind}>
                  {b(d.title)} {d.number}
                </Link>
              </li>
            ))}
          </ul>
          <Typography.Title level={2}>{t('history')}</Typography.Title>
          <Timeline
            className="jf-wf-history"
            items={detail.data!.history.map((h) => ({
              color: h.system ? 'orange' : 'blue',
              children: (
                <>
                  <div>
                    <strong>{transitionName(h.transition)}</strong> → {stateName(h.toState)}
                  </div>
                  <div className="jf-muted">
                    {chinaDateTime(h.at)} · {h.system ? t('historySystem') : `${h.actor?.username ?? ''}${h.actor?.jurisdiction ? ` (${h.actor.jurisdiction})` : ''}`} · <code>{h.rule}</code>
                  </div>
                </>
              ),
            }))}
          />
        </Col>
      </Row>
      <LedgerHistoryPanel kind="workflow-items" id={item.id} />
    </div>
  );
}
