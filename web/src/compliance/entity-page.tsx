import { Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { compliance } from '../i18n/compliance';
import { useT } from '../i18n/i18n';
import { LedgerHistoryPanel } from '../ledger/history-panel';
import { useDocumentTitle } from '../ui/document-title';
import { useApi } from '../ui/use-api';
import { AssessmentPanel } from './assessment-panel';
import { isEntityKind, type EntityAssessment } from './types';

/** One record's assessment, reached from the findings of the compliance page. */
export default function EntityAssessmentPage() {
  const t = useT(compliance);
  const { kind, id } = useParams();
  const valid = isEntityKind(kind) && /^\d+$/.test(id ?? '');
  // The panel fetches the same answer; this one only names the page.
  const { data } = useApi<EntityAssessment>(valid ? `/api/v1/assessments/${kind}/${id}` : null);
  const title = data ? t('entityTitle', { kind: t(`kind.${data.entity.type}`), name: data.entity.name }) : t('panelTitle');
  useDocumentTitle(title);
  return (
    <div className="jf-page jf-compliance-entity">
      <Typography.Paragraph>
        <Link to="/compliance">{t('backToCompliance')}</Link>
        {valid && (
          <>
            {' · '}
            <Link to={`/registry/${kind}`}>{t('openInRegistry')}</Link>
          </>
        )}
      </Typography.Paragraph>
      <Typography.Title level={1}>{title}</Typography.Title>
      {valid && <AssessmentPanel kind={kind!} id={Number(id)} />}
      {valid && <LedgerHistoryPanel kind={kind!} id={Number(id)} />}
    </div>
  );
}
