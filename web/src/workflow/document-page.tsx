import { Button, Skeleton, Space } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useBilingual, useLang, useT, type Bilingual } from '../i18n/i18n';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { citationLink } from './citation';
import { workflow } from './i18n';
import type { DocumentFull } from './types';
import './workflow.css';

/**
 * An official document, generated from the data of its item when it was
 * issued, laid out for A4 and printed from the browser (see the print rules
 * in workflow.css). Number and verification code are printed on it; the
 * public checks them at /verify.
 */

type C = Record<string, unknown>;
type Cite = { citation: { article: number; paragraph?: number; item?: number }; label: Bilingual; text: Bilingual | null };

function chineseDate(iso: string, lang: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return lang === 'en' ? `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}` : `${y}年${m}月${day}日`;
}

function Para({ children }: { children: ReactNode }) {
  return <p className="jf-doc-p">{children}</p>;
}

const REGULATION: Bilingual = { zh: '《辽宁省公共安全技术防范条例》', en: 'the Liaoning Province Regulations on Public Security Technical Prevention, ' };

function Basis({ c }: { c: Cite | undefined }) {
  const b = useBilingual();
  if (!c) return null;
  return (
    <>
      {b(REGULATION)}
      {b(c.label)}
      {c.text ? <span className="jf-doc-law">（{b(c.text)}）</span> : null}
    </>
  );
}

function Recipient({ c }: { c: C }) {
  const t = useT(workflow);
  const r = (c.recipient ?? c.subject ?? c.provider) as { name: string; creditCode?: string | null } | undefined;
  if (!r) return null;
  return (
    <div className="jf-doc-recipient">
      <div>{t('docRecipient', { name: r.name })}</div>
      {r.creditCode && <div>{t('docCreditCode', { code: r.creditCode })}</div>}
    </div>
  );
}

function FilingReceipt({ c }: { c: C }) {
  const t = useT(workflow);
  const b = useBilingual();
  const { lang } = useLang();
  const services = (c.services as Bilingual[]).map(b).join('、');
  const place = (c.placeOfBusiness as { name: string }).name;
  return (
    <>
      <Recipient c={c} />
      <Para>{lang === 'en' ? 'Your filing for technical prevention services has been received and checked: the proof of the conditions of Art 16 is complete, and the filing is accepted.' : '你单位提交的技防服务备案材料已收悉。经审查，第十六条所列条件的证明材料齐全，予以备案。'}</Para>
      <Para>{t('docServices', { services })}</Para>
      <Para>{t('docPlace', { place })}</Para>
      <Para>{t('docFiledAt', { date: chineseDate(String(c.filedAt), lang) })}</Para>
      <div className="jf-doc-h">{t('docMaterials')}</div>
      <ol className="jf-doc-list">
        {(c.materials as { condition: Bilingual; documents: string[] }[]).map((m, i) => (
          <li key={i}>
            {b(m.condition)}：{m.documents.join('；')}
          </li>
        ))}
      </ol>
      <Para>{b(c.statement as Bilingual)}</Para>
    </>
  );
}

function InspectionRecord({ c }: { c: C }) {
  const t = useT(workflow);
  const b = useBilingual();
  const { lang } = useLang();
  const subject = c.subject as { name: string };
  return (
    <>
      <Recipient c={c} />
      <Para>
        {lang === 'en' ? `Inspection of ${subject.name}, ${chineseDate(String(c.startedAt), lang)} to ${chineseDate(String(c.completedAt), lang)}. ` : `${chineseDate(String(c.startedAt), lang)}，本机关对${subject.name}实施监督检查。`}
        {String(c.scope ?? '')}
      </Para>
      <div className="jf-doc-h">{t('docChecklist')}</div>
      <table className="jf-doc-table">
        <tbody>
          {(c.checklist as { item: number; label: Bilingual; result: string; notes: string }[]).map((e) => (
            <tr key={e.item}>
              <td>（{e.item}）</td>
              <td>{b(e.label)}</td>
              <td>{t(`result.${e.result}` as never)}</td>
              <td>{e.notes}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="jf-doc-h">{t('docHazards')}</div>
      <ol className="jf-doc-list">
        {(c.hazards as { id: number; title: Bilingual; citation: { article: number; paragraph?: number; item?: number }; description: string }[]).map((h) => (
          <li key={h.id}>
            {h.description}（{b(h.title)}，{b(citationLink(h.citation).label)}）
          </li>
        ))}
      </ol>
      <Para>{t('docInspectors', { names: (c.inspectors as string[]).join('、') })}</Para>
      <Para>{b(c.noFee as Bilingual)}</Para>
      <Para>{b(c.cooperation as Bilingual)}</Para>
      <div className="jf-doc-sign">{t('docSubjectSign')}</div>
    </>
  );
}

function OrderNotice({ c, removal }: { c: C; removal: boolean }) {
  const t = useT(workflow);
  const b = useBilingual();
  const v = c.violated as Cite & { title: Bilingual };
  const consequence = c.consequence as ({ condition: Bilingual; fines: Bilingual[] } & Partial<Bilingual>) | null;
  return (
    <>
      <Recipient c={c} />
      <Para>
        <strong>{t('docFacts')}：</strong>
        {String(c.facts)}
      </Para>
      <Para>
        <strong>{t('docViolated')}：</strong>
        {b(v.title)}，<Basis c={v} />
      </Para>
      <Para>
        <strong>{t('docBasis')}：</strong>
        <Basis c={c.legalBasis as Cite} />
      </Para>
      <Para>
        <strong>{t('docRequirements')}：</strong>
        {String(c.requirements)}
      </Para>
      <Para>{removal ? t('docRemovalLimit', { date: String(c.timeLimit) }) : t('docTimeLimit', { date: String(c.timeLimit) })}</Para>
      {consequence && (
        <Para>
          <strong>{t('docConsequence')}：</strong>
          {'zh' in consequence && consequence.zh ? b(consequence as Bilingual) : `${b(consequence.condition)}，${consequence.fines.map(b).join('，')}。`}
        </Para>
      )}
      {c.freeChoice ? <Para>{b(c.freeChoice as Bilingual)}</Para> : null}
    </>
  );
}

function PenaltyDecision({ c }: { c: C }) {
  const t = useT(workflow);
  const b = useBilingual();
  const v = c.violated as Cite & { title: Bilingual };
  const d = c.decision as { fines: { amountYuan: number; perPerson: boolean; basis: Bilingual }[]; confiscation: { amountYuan: number; basis: Bilingual } | null; referrals: { condition: Bilingual; text: Bilingual }[] };
  const persons = (c.responsiblePersons as string[]) ?? [];
  const total = d.fines.reduce((n, f) => n + f.amountYuan * (f.perPerson ? Math.max(1, persons.length) : 1), 0);
  const order = c.order as { timeLimit: string; number: string | null } | null;
  return (
    <>
      <Recipient c={c} />
      {persons.length > 0 && <Para>{t('docResponsible', { names: persons.join('、') })}</Para>}
      {c.directResponsiblePerson ? <Para>{t('docDirect', { name: String(c.directResponsiblePerson) })}</Para> : null}
      <Para>
        <strong>{t('docFacts')}：</strong>
        {String(c.facts)}
        {order ? `（${order.number ?? ''}，${order.timeLimit}）` : ''} {String(c.statement)}
      </Para>
      <Para>
        <strong>{t('docViolated')}：</strong>
        {b(v.title)}，<Basis c={v} />
      </Para>
      <Para>
        <strong>{t('docBasis')}：</strong>
        <Basis c={c.legalBasis as Cite} />
      </Para>
      <div className="jf-doc-h">{t('docDecision')}</div>
      <ol className="jf-doc-list">
        {d.fines.map((f, i) => (
          <li key={i}>{b(f.basis)}</li>
        ))}
        {d.confiscation && <li>{b(d.confiscation.basis)}</li>}
      </ol>
      <Para>
        <strong>{t('docTotal', { amount: total.toLocaleString('zh-CN') })}</strong>
      </Para>
      {d.referrals.length > 0 && (
        <Para>
          {t('docReferrals')}：{d.referrals.map((r) => `${b(r.condition)}，${b(r.text)}`).join('；')}。
        </Para>
      )}
      <Para>
        <strong>{t('docRemedies')}：</strong>
        {b(c.remedies as Bilingual)}
      </Para>
    </>
  );
}

function WarningNotice({ c }: { c: C }) {
  const t = useT(workflow);
  const b = useBilingual();
  const rule = c.rule as { title: Bilingual; citation: { article: number; paragraph?: number; item?: number } } | null;
  return (
    <>
      <Recipient c={c} />
      <Para>
        <strong>{t('docWarningFinding')}：</strong>
        {String(c.finding)}
        {rule ? `（${b(rule.title)}，${b(citationLink(rule.citation).label)}）` : ''}
      </Para>
      <Para>{b(c.statement as Bilingual)}</Para>
    </>
  );
}

export default function DocumentPage() {
  const { id } = useParams();
  const t = useT(workflow);
  const b = useBilingual();
  const { lang } = useLang();
  const doc = useApi<DocumentFull>(`/api/v1/workflow/documents/${Number(id)}`);
  const d = doc.data;
  const title = d ? b(d.content.title as Bilingual) : undefined;
  useDocumentTitle(d ? `${title} ${d.number}` : undefined);
  if (doc.error) return <ApiErrorAlert error={doc.error} onRetry={doc.reload} />;
  if (!d) return <Skeleton active />;
  const c = d.content;
  const organ = b((c.organ as Bilingual | undefined) ?? d.organName);
  const verifyUrl = `${window.location.origin}/verify`;
  const body = (() => {
    switch (d.kind) {
      case 'filing-receipt':
        return <FilingReceipt c={c} />;
      case 'inspection-record':
        return <InspectionRecord c={c} />;
      case 'rectification-notice':
        return <OrderNotice c={c} removal={false} />;
      case 'removal-notice':
        return <OrderNotice c={c} removal />;
      case 'penalty-decision':
        return <PenaltyDecision c={c} />;
      default:
        return <WarningNotice c={c} />;
    }
  })();
  return (
    <div className="jf-page jf-doc-page">
      <Space className="jf-doc-toolbar">
        <Button type="primary" onClick={() => window.print()}>
          {t('docPrint')}
        </Button>
        <Link to={`/work/items/${d.itemId}`}>{t('docBack')}</Link>
      </Space>
      <article className="jf-doc" data-kind={d.kind} aria-label={title}>
        <header className="jf-doc-head">
          <div className="jf-doc-organ">{organ}</div>
          <h1 className="jf-doc-title">{title}</h1>
          <div className="jf-doc-number">{t('docNumber', { number: d.number })}</div>
        </header>
        <section className="jf-doc-body">{body}</section>
        <footer className="jf-doc-foot">
          <div className="jf-doc-seal">
            <div>{organ}</div>
            <div>{t('docOrganSeal')}</div>
            <div>{chineseDate(d.issuedAt, lang)}</div>
          </div>
          <div className="jf-doc-verify">
            <div>{t('docNumber', { number: d.number })}</div>
            <div>{t('docVerify', { code: d.verificationCode })}</div>
            <div>{t('docVerifyAt', { url: verifyUrl })}</div>
          </div>
        </footer>
      </article>
    </div>
  );
}

