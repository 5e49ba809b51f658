import { App, Button, Form, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import { useBilingual, useT } from '../i18n/i18n';
import { ApiErrorAlert, CitationLink } from '../ui/api-error-alert';
import { useDocumentTitle } from '../ui/document-title';
import { citationLink } from './citation';
import { workflow } from './i18n';
import { useMachines } from './machines';
import { SchemaFields, toInput } from './schema-form';
import type { Applied } from './types';
import './workflow.css';

/** Opens an item: the opening transition's form, checked by the server against the regulation. */
export default function NewItemPage() {
  const { machine: name } = useParams();
  const t = useT(workflow);
  const b = useBilingual();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const machines = useMachines();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const machine = machines?.find((m) => m.name === name);
  const opener = machine?.transitions.find((x) => x.from.length === 0);
  useDocumentTitle(machine ? t('newTitle', { machine: b(machine.title) }) : undefined);
  if (!machines) return <Skeleton active />;
  if (!machine || !opener) return <ApiErrorAlert error={new ApiError(404, { code: 'JF_NOT_FOUND', message: String(name), messages: { zh: `没有流程“${name}”`, en: `No procedure "${name}"` } })} />;

  async function submit(values: unknown) {
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<Applied>('/api/v1/workflow/items', { method: 'POST', json: { machine: machine!.name, transition: opener!.name, input: toInput(opener!.input, values) } });
      message.success(t('created', { id: r.item.id }));
      navigate(`/work/items/${r.item.id}`);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="jf-page jf-wf-new">
      <Typography.Title level={1}>{t('newTitle', { machine: b(machine.title) })}</Typography.Title>
      <Typography.Paragraph>
        {t('newIntro')} <CitationLink citation={citationLink(opener.rule.citation)} />
      </Typography.Paragraph>
      <ApiErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} className="jf-wf-form">
        <SchemaFields schema={opener.input} machine={machine.name} />
        <Button type="primary" htmlType="submit" loading={busy}>
          {b(opener.label)}
        </Button>
      </Form>
    </div>
  );
}
