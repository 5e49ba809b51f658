import { Button, Card, Form, Input, InputNumber, Radio, Select, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import { compliance } from '../i18n/compliance';
import { useBilingual, useT } from '../i18n/i18n';
import type { LawArticle } from '../law/law-types';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { ArticleLink } from './citation';
import './compliance.css';
import type { Fine, PenaltyDecision } from './types';

const ARTICLES = [31, 32, 33, 34, 35] as const;
type Article = (typeof ARTICLES)[number];

/** Whose items the `item` of each penalty article names (see PenaltyInputSchema): its own, or the article it punishes. */
const ITEMS_OF: Record<Article, { article: number; only?: number[] } | null> = {
  31: { article: 31 },
  32: { article: 11 },
  33: null,
  34: { article: 21 },
  35: { article: 22, only: [1, 3, 4] },
};

interface Values {
  article: Article;
  item?: number;
  offender: 'unit' | 'individual';
  rectified: 'pending' | 'yes' | 'no';
  serious: boolean;
  illegalGainsYuan?: number | null;
  at?: string;
}

/** Today in China (UTC+8), as the server reads "today". */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The penalty calculator: what Chapter 5 provides for one violation
 * (POST /api/v1/penalties/calculate), explained provision by provision.
 * Public: anyone may ask what the regulation says.
 */
export default function PenaltyCalculatorPage() {
  const t = useT(compliance);
  const b = useBilingual();
  useDocumentTitle(t('penaltiesTitle'));
  const [form] = Form.useForm<Values>();
  const article = (Form.useWatch('article', form) ?? 31) as Article;
  const itemsOf = ITEMS_OF[article];
  const law = useApi<LawArticle>(itemsOf ? `/api/v1/law/articles/${itemsOf.article}` : null);
  const items = itemsOf && law.data?.number === itemsOf.article ? (law.data.paragraphs[0]?.items ?? []).filter((i) => !itemsOf.only || itemsOf.only.includes(i.number)) : [];
  const [result, setResult] = useState<PenaltyDecision>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  async function calculate(v: Values) {
    setBusy(true);
    setError(undefined);
    try {
      const body: Record<string, unknown> = { article: v.article, offender: v.offender };
      if (v.item && ITEMS_OF[v.article]) body.item = v.item;
      if ((v.article === 31 || v.article === 32) && v.rectified !== 'pending') body.rectifiedInTime = v.rectified === 'yes';
      if (v.article === 34) body.serious = !!v.serious;
      if (v.article === 35 && v.illegalGainsYuan != null) body.illegalGainsYuan = v.illegalGainsYuan;
      if (v.at) body.at = v.at;
      setResult(await api<PenaltyDecision>('/api/v1/penalties/calculate', { method: 'POST', json: body }));
    } catch (e) {
      setResult(undefined);
      if (e instanceof ApiError) setError(e);
      else throw e;
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="jf-page jf-penalties">
      <Typography.Title level={1}>{t('penaltiesTitle')}</Typography.Title>
      <Typography.Paragraph>{t('penaltiesIntro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        name="penalty-calculator"
        className="jf-penalty-form"
        initialValues={{ article: 31, offender: 'unit', rectified: 'no', serious: false, at: chinaToday() }}
        onValuesChange={(changed) => {
          if ('article' in changed) form.setFieldValue('item', undefined);
        }}
        onFinish={calculate}
      >
        <Form.Item name="article" label={t('fieldArticle')}>
          <Select options={ARTICLES.map((a) => ({ value: a, label: t(`article.${a}`) }))} />
        </Form.Item>
        {itemsOf ? (
          <Form.Item name="item" label={t('fieldItem')} rules={article === 35 ? [{ required: true, message: t('fieldItem') }] : undefined} required={article === 35}>
            <Select allowClear loading={law.loading} options={items.map((i) => ({ value: i.number, label: b({ zh: i.zh, en: i.en }) }))} popupMatchSelectWidth={false} />
          </Form.Item>
        ) : (
          <Typography.Paragraph className="jf-muted">{t('noItem')}</Typography.Paragraph>
        )}
        <Form.Item name="offender" label={t('fieldOffender')}>
          <Radio.Group
            options={[
              { value: 'unit', label: t('offenderUnit') },
              { value: 'individual', label: t('offenderIndividual') },
            ]}
          />
        </Form.Item>
        {(article === 31 || article === 32) && (
          <Form.Item name="rectified" label={t('fieldRectified')}>
            <Radio.Group
              options={[
                { value: 'pending', label: t('rectifiedPending') },
                { value: 'yes', label: t('rectifiedYes') },
                { value: 'no', label: t('rectifiedNo') },
              ]}
            />
          </Form.Item>
        )}
        {article === 34 && (
          <Form.Item name="serious" label={t('fieldSerious')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        {article === 35 && (
          <Form.Item name="illegalGainsYuan" label={t('fieldGains')}>
            <InputNumber min={0} max={1e12} step={100} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item name="at" label={t('fieldAt')}>
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('calculate')}
        </Button>
      </Form>
      <div aria-live="polite">
        <ApiErrorAlert error={error} />
        {result && <PenaltyResult d={result} />}
      </div>
    </div>
  );
}

function FineTable({ fines }: { fines: Fine[] }) {
  const t = useT(compliance);
  const b = useBilingual();
  return (
    <Table<Fine>
      size="small"
      pagination={false}
      rowKey={(f) => `${f.payer}-${f.amountYuan}`}
      dataSource={fines}
      columns={[
        { title: t('colPayer'), key: 'payer', render: (_, f) => t(`payer.${f.payer}`) + (f.perPerson ? t('perPerson') : '') },
        { title: t('colAmount'), key: 'amount', align: 'right', render: (_, f) => t('yuan', { amount: f.amountYuan.toLocaleString('en') }) },
        { title: t('colBasis'), key: 'basis', render: (_, f) => b(f.basis) },
        { title: t('colRule'), key: 'citation', render: (_, f) => <ArticleLink citation={f.citation} /> },
      ]}
    />
  );
}

function PenaltyResult({ d }: { d: PenaltyDecision }) {
  const t = useT(compliance);
  const b = useBilingual();
  return (
    <Card className="jf-penalty-result" data-testid="penalty-result" title={<h2 className="jf-drawer-title">{t('resultTitle')}</h2>}>
      <Typography.Paragraph className="jf-penalty-summary">{b(d.summary)}</Typography.Paragraph>
      <Typography.Paragraph>
        <ArticleLink citation={{ article: d.article, ...(d.article === 31 && d.item ? { paragraph: 1, item: d.item } : {}) }} />
        {d.violated && (
          <>
            {' · '}
            {t('resultViolated')} <ArticleLink citation={d.violated} />
          </>
        )}
      </Typography.Paragraph>
      {d.orders.length > 0 && (
        <>
          <Typography.Title level={3}>{t('resultOrders')}</Typography.Title>
          <ul>
            {d.orders.map((o, i) => (
              <li key={i}>
                {o.condition ? `${b(o.condition)}，` : ''}
                {b(o.text)} <ArticleLink citation={o.citation} />
              </li>
            ))}
          </ul>
        </>
      )}
      <Typography.Title level={3}>{t('resultFines')}</Typography.Title>
      {d.fines.length ? <FineTable fines={d.fines} /> : !d.contingentFines && <Typography.Paragraph>{t('resultNoFine')}</Typography.Paragraph>}
      {d.contingentFines && (
        <>
          <Typography.Paragraph>{t('resultContingent', { condition: b(d.contingentFines.condition) })}</Typography.Paragraph>
          <FineTable fines={d.contingentFines.fines} />
        </>
      )}
      {d.confiscation && (
        <>
          <Typography.Title level={3}>{t('resultConfiscation')}</Typography.Title>
          <Typography.Paragraph>
            {b(d.confiscation.basis)} <ArticleLink citation={d.confiscation.citation} />
          </Typography.Paragraph>
        </>
      )}
      {d.referrals.length > 0 && (
        <>
          <Typography.Title level={3}>{t('resultReferrals')}</Typography.Title>
          <ul>
            {d.referrals.map((r, i) => (
              <li key={i}>
                {b(r.condition)}，{b(r.text)} <ArticleLink citation={r.citation} />
              </li>
            ))}
          </ul>
        </>
      )}
      {d.interpretations.length > 0 && <Typography.Paragraph className="jf-muted">{t('resultInterpretations', { ids: d.interpretations.join(', ') })}</Typography.Paragraph>}
    </Card>
  );
}
