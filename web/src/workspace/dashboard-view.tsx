import { Alert, Breadcrumb, Card, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ArticlePreview } from '../law/article-preview';
import { useBilingual, useLang, useT } from '../i18n/i18n';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useApi } from '../ui/use-api';
import { Chart, type ChartOption } from './chart';
import { workspace } from './i18n';
import { Tile, TileGrid } from './tile';
import type { Dashboard } from './types';
import './workspace.css';

/** The figures compared place by place, in this order. */
const PLACE_FIGURES = ['keyUnitsInViolation', 'openHazards', 'rectificationOrders', 'overdue', 'complaints', 'systemsOffline'] as const;
/** The chart adds the units themselves, so a place with nothing wrong still shows. */
const CHART_FIGURES = ['keyUnits', ...PLACE_FIGURES] as const;
const ALERTING = new Set(['keyUnitsInViolation', 'overdue', 'refusals', 'emergencyAwaitingReview', 'systemsOffline']);
const COLORS = { violation: '#cf1322', obligation: '#d48806', compliant: '#389e0d' };

/**
 * The supervision dashboard of a place (`?division=`): figures as tiles, by
 * city or county and by month as charts, each mark and number leading down
 * to its list, and the next deadlines of orders leading to each case.
 */
export default function DashboardView() {
  const t = useT(workspace);
  const b = useBilingual();
  const { lang } = useLang();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const division = params.get('division') ?? undefined;
  const board = useApi<Dashboard>('/api/v1/dashboard', { division });
  const d = board.data;
  const drill = (code: string) => {
    const next = new URLSearchParams(params);
    next.set('division', code);
    setParams(next);
  };
  const figure = (key: string) => d?.figures.find((f) => f.key === key);

  const chartFigures = useMemo(() => (d ? CHART_FIGURES.map((k) => d.figures.find((f) => f.key === k)).filter((f) => !!f) : []), [d]);
  const placeOption = useMemo<ChartOption | null>(() => {
    if (!d) return null;
    const figs = chartFigures;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 70 },
      xAxis: { type: 'category', data: d.places.map((p) => p.name), axisLabel: { rotate: d.places.length > 8 ? 40 : 0, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: figs.map((f) => ({ name: b(f.label), type: 'bar', data: d.places.map((p) => f.byPlace[p.code] ?? 0) })),
    };
  }, [d, b, chartFigures]);

  const categoryRows = useMemo(() => d?.categories.filter((c) => c.total > 0) ?? [], [d]);
  const categoryOption = useMemo<ChartOption | null>(() => {
    if (!d) return null;
    const rows = categoryRows;
    const names = rows.map((c) => `${lang === 'en' ? `(${c.item})` : `（${c.item}）`} ${b(c.label).slice(0, lang === 'en' ? 28 : 12)}`);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: names, inverse: true },
      series: (['violation', 'obligation', 'compliant'] as const).map((k) => ({ name: t(`state.${k}`), type: 'bar', stack: 'units', color: COLORS[k], data: rows.map((c) => c[k]) })),
    };
  }, [d, categoryRows, b, t, lang]);

  const monthOption = useMemo<ChartOption | null>(() => {
    if (!d || !d.series.length) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: d.months },
      yAxis: { type: 'value', minInterval: 1 },
      series: d.series.map((s) => ({ name: b(s.label), type: 'line', data: s.values, symbolSize: 8 })),
    };
  }, [d, b]);

  if (!d) {
    return (
      <div className="jf-ws-dashboard">
        <ApiErrorAlert error={board.error} onRetry={board.reload} />
        {board.loading && <Typography.Paragraph>{t('loadingFigures')}</Typography.Paragraph>}
      </div>
    );
  }

  const placeColumns: TableProps<Dashboard['places'][number]>['columns'] = [
    {
      title: d.by === 'city' ? t('colCity') : t('colCounty'),
      dataIndex: 'name',
      render: (name: string, p) => (p.drill ? <Link to={`?division=${p.code}`}>{name}</Link> : name),
    },
    ...(['keyUnits', ...PLACE_FIGURES] as const)
      .map((k) => figure(k))
      .filter((f) => !!f)
      .map((f) => ({
        title: b(f.label),
        key: f.key,
        align: 'right' as const,
        render: (_: unknown, p: Dashboard['places'][number]) => <Link to={p.drill ? `?division=${p.code}` : f.href}>{f.byPlace[p.code] ?? 0}</Link>,
      })),
  ];

  const crumbs = [
    ...(d.parent ? [{ title: <Link to={`?division=${d.parent.code}`}>{d.parent.name}</Link> }] : []),
    { title: d.division.name },
  ];
  const placesLabel = d.by === 'city' ? t('byCity') : t('byCounty');

  return (
    <div className="jf-ws-dashboard" data-testid="dashboard">
      {d.parent && <Breadcrumb items={crumbs} className="jf-ws-crumbs" />}
      <Typography.Title level={2} className="jf-ws-dashboard-title">
        {t('dashboardOf', { place: d.division.name })}
      </Typography.Title>
      {d.sweep ? (
        <Typography.Paragraph type="secondary">{t('sweepAsOf', { date: d.sweep.asOf })}</Typography.Paragraph>
      ) : (
        <Alert type="info" showIcon message={t('noSweep')} className="jf-ws-alert" />
      )}
      <ApiErrorAlert error={board.error} onRetry={board.reload} />

      <TileGrid label={t('figuresTitle')} tour="figures">
        {d.figures.map((f) => (
          <Tile key={f.key} testId={`figure-${f.key}`} title={b(f.label)} value={f.value} to={f.href} article={f.article} tone={ALERTING.has(f.key) && f.value > 0 ? 'alert' : undefined} />
        ))}
      </TileGrid>

      <div className="jf-ws-charts">
        <Card size="small" title={placesLabel} className="jf-ws-chart-card jf-ws-chart-wide" data-tour="places">
          {placeOption && (
            <Chart
              testId="chart-places"
              label={t('chartPlacesLabel', { place: d.division.name, by: placesLabel })}
              option={placeOption}
              height={d.places.length > 8 ? 340 : 300}
              onPick={(i, s) => {
                const p = d.places[i];
                const f = chartFigures[s];
                if (p?.drill) drill(p.code);
                else if (f) navigate(f.href);
              }}
            />
          )}
          <Table size="small" rowKey="code" pagination={false} columns={placeColumns} dataSource={d.places} scroll={{ x: true }} className="jf-ws-place-table" />
        </Card>
        <Card size="small" title={t('byCategory')} className="jf-ws-chart-card" data-tour="categories" extra={<Link to="/law/10#p1">{t('basis', { label: lang === 'en' ? 'Art 10 ¶1' : '第十条第一款' })}</Link>}>
          {categoryOption && categoryRows.length > 0 ? (
            <Chart
              testId="chart-categories"
              label={t('chartCategoriesLabel', { place: d.division.name })}
              option={categoryOption}
              height={Math.max(200, 40 + categoryRows.length * 32)}
              onPick={(i, s) => {
                const c = categoryRows[i];
                if (c) navigate(s === 0 ? c.violationHref : c.href);
              }}
            />
          ) : (
            <Typography.Paragraph type="secondary">{t('noUnitsCounted')}</Typography.Paragraph>
          )}
          <ul className="jf-ws-category-list">
            {categoryRows.map((c) => (
              <li key={c.item}>
                <ArticlePreview href={c.article.href}>
                  <Link to={c.article.href} className="jf-article-link">
                    {b(c.article.label)}
                  </Link>
                </ArticlePreview>{' '}
                <Link to={c.href}>{t('categoryCount', { count: c.total })}</Link>
                {c.violation > 0 && (
                  <>
                    {' · '}
                    <Link to={c.violationHref} className="jf-ws-violation">
                      {t('categoryViolations', { count: c.violation })}
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </Card>
        {monthOption && (
          <Card size="small" title={t('byMonth')} className="jf-ws-chart-card" data-tour="months">
            <Chart
              testId="chart-months"
              label={t('chartMonthsLabel', { place: d.division.name })}
              option={monthOption}
              onPick={(_i, s) => {
                const x = d.series[s];
                if (x) navigate(x.href);
              }}
            />
            <ul className="jf-ws-category-list">
              {d.series.map((s) => (
                <li key={s.key}>
                  <Link to={s.href}>{t('seriesTotal', { label: b(s.label), count: s.values.reduce((a, v) => a + v, 0) })}</Link>
                  {s.article && (
                    <>
                      {' '}
                      <ArticlePreview href={s.article.href}>
                        <Link to={s.article.href} className="jf-article-link">
                          {b(s.article.label)}
                        </Link>
                      </ArticlePreview>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>

      <Card size="small" title={t('deadlinesTitle')} className="jf-ws-chart-card" data-tour="deadlines" extra={<Link to="/law/31">{t('basis', { label: lang === 'en' ? 'Art 31' : '第三十一条' })}</Link>}>
        {d.deadlines.length ? (
          <ul className="jf-ws-list">
            {d.deadlines.map((x) => (
              <li key={x.id}>
                <Link to={x.href}>{x.title}</Link> · {x.divisionName ?? x.divisionCode} · {b(x.stateLabel)} · {t('dueOn', { date: x.dueAt.slice(0, 10) })}{' '}
                {x.overdue && <Tag style={{ color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' }}>{t('overdue')}</Tag>}
              </li>
            ))}
          </ul>
        ) : (
          <Typography.Paragraph type="secondary">{t('noDeadlines')}</Typography.Paragraph>
        )}
      </Card>
      {d.gaps.map((g) => (
        <Typography.Paragraph key={g.key} type="secondary" className="jf-ws-gap">
          {b(g.label)} ·{' '}
          <ArticlePreview href={g.article.href}>
            <Link to={g.article.href} className="jf-article-link">
              {b(g.article.label)}
            </Link>
          </ArticlePreview>
        </Typography.Paragraph>
      ))}
    </div>
  );
}
