import { App, Button, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import { useBilingual, useT } from '../i18n/i18n';
import { ApiErrorAlert, CitationLink } from '../ui/api-error-alert';
import { workflow } from './i18n';
import { SchemaFields, toInput } from './schema-form';
import type { Applied, ItemAction, JsonSchema } from './types';

/**
 * One transition the caller may take: a button, and when the transition takes
 * input a dialog with its form. The version the page shows is sent along, so
 * of two people acting at once only one succeeds; the other sees why.
 */
export function ActionButton({ itemId, version, action, input, onDone, primary, machine }: { itemId: number; version: number; action: ItemAction; input: JsonSchema | null; onDone: (r: Applied) => void; primary?: boolean; machine?: string }) {
  const t = useT(workflow);
  const b = useBilingual();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [form] = Form.useForm();
  const hasInput = !!input?.properties && Object.keys(input.properties).length > 0;

  async function send(values: unknown) {
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<Applied>(`/api/v1/workflow/items/${itemId}/transitions/${action.name}`, { method: 'POST', json: { version, input: toInput(input, values) } });
      setOpen(false);
      form.resetFields();
      message.success(t('done', { action: b(action.label) }));
      onDone(r);
    } catch (e) {
      const err = e as ApiError;
      if (err instanceof ApiError && err.body.code === 'JF_WF_VERSION_CONFLICT') {
        setOpen(false);
        message.warning(t('conflict'));
        onDone(undefined as never);
      } else setError(err);
      if (!open && !(err instanceof ApiError && err.body.code === 'JF_WF_VERSION_CONFLICT')) setOpen(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button type={primary ? 'primary' : 'default'} loading={busy && !open} onClick={() => (hasInput ? setOpen(true) : void send({}))} data-action={action.name}>
        {b(action.label)}
      </Button>
      <Modal
        open={open}
        title={b(action.label)}
        onCancel={() => setOpen(false)}
        okText={t('submit')}
        cancelText={t('cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        destroyOnHidden
        className="jf-wf-action-modal"
      >
        <Typography.Paragraph className="jf-muted">
          <CitationLink citation={action.rule.citation} />
        </Typography.Paragraph>
        <ApiErrorAlert error={error} />
        <Form form={form} layout="vertical" onFinish={send} preserve={false}>
          <SchemaFields schema={input} machine={machine} />
        </Form>
      </Modal>
    </>
  );
}
