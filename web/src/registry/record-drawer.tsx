import { App, Button, Descriptions, Drawer, Form, Skeleton, Space } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, type ApiFieldIssue } from '../api/client';
import { common } from '../i18n/common';
import { useBilingual, useT } from '../i18n/i18n';
import { registry } from '../i18n/registry';
import { AssessmentPanel } from '../compliance/assessment-panel';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { FieldInput } from './field-input';
import { FieldValue } from './field-value';
import type { KindMeta, RegistryRecord } from './meta';
import { forgetRefName, useRefNames } from './ref-names';

/** The asterisk is for the eye; screen readers hear `aria-required` on the control instead. */
function requiredMark(label: ReactNode, { required }: { required: boolean }) {
  return (
    <>
      {label}
      {required && (
        <span className="jf-required-mark" aria-hidden="true">
          *
        </span>
      )}
    </>
  );
}

export type DrawerTarget = { mode: 'create' } | { mode: 'edit'; id: number };

type Values = Record<string, unknown>;

/** Empty inputs mean "no value". */
function normalise(v: unknown): unknown {
  if (v === undefined || v === '') return null;
  if (Array.isArray(v) && v.length === 0) return null;
  return v;
}

const same = (a: unknown, b: unknown) => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));

/**
 * Creates or edits one row of a registry. A 400's field problems appear under
 * their fields; the rest, with any citation, above the form.
 */
export function RecordDrawer({ meta, target, canEdit, onClose, onSaved }: { meta: KindMeta; target: DrawerTarget | null; canEdit: boolean; onClose(): void; onSaved(r: RegistryRecord): void }) {
  const tr = useT(registry);
  const b = useBilingual();
  const editId = target?.mode === 'edit' ? target.id : null;
  const title = tr(editId === null ? 'createTitle' : canEdit ? 'editTitle' : 'viewTitle', { kind: b(meta.label) });
  return (
    <Drawer open={!!target} onClose={onClose} title={<h2 className="jf-drawer-title">{title}</h2>} size={560} destroyOnHidden className="jf-record-drawer">
      {target && <RecordEditor key={editId ?? 'new'} meta={meta} editId={editId} editable={canEdit} onClose={onClose} onSaved={onSaved} />}
    </Drawer>
  );
}

function RecordEditor({ meta, editId, editable, onClose, onSaved }: { meta: KindMeta; editId: number | null; editable: boolean; onClose(): void; onSaved(r: RegistryRecord): void }) {
  const t = useT(common);
  const tr = useT(registry);
  const b = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [record, setRecord] = useState<RegistryRecord>();
  const [loadError, setLoadError] = useState<ApiError>();
  const [saveError, setSaveError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const writable = useMemo(() => meta.fields.filter((f) => !f.readOnly), [meta]);
  const derived = useMemo(() => meta.fields.filter((f) => f.readOnly), [meta]);
  const refs = useRefNames(derived, record ? [record] : undefined);

  useEffect(() => {
    if (editId === null) return;
    let live = true;
    api<RegistryRecord>(`/api/v1/registry/${meta.kind}/${editId}`)
      .then((r) => live && setRecord(r))
      .catch((e: unknown) => live && setLoadError(e instanceof ApiError ? e : undefined));
    return () => {
      live = false;
    };
  }, [editId, meta.kind]);

  const initialValues = useMemo(() => {
    const vals: Values = {};
    for (const f of writable) {
      if (record) vals[f.name] = record[f.name] ?? undefined;
      else if (f.default !== undefined) vals[f.name] = f.default;
    }
    return vals;
  }, [writable, record]);

  async function save(values: Values) {
    setSaving(true);
    setSaveError(undefined);
    try {
      let saved: RegistryRecord;
      if (editId === null) {
        const body: Values = {};
        for (const f of writable) {
          const v = normalise(values[f.name]);
          if (v !== null) body[f.name] = v;
        }
        saved = await api<RegistryRecord>(`/api/v1/registry/${meta.kind}`, { method: 'POST', json: body });
      } else {
        const body: Values = {};
        for (const f of writable) if (!same(values[f.name], record?.[f.name])) body[f.name] = normalise(values[f.name]);
        saved = Object.keys(body).length ? await api<RegistryRecord>(`/api/v1/registry/${meta.kind}/${editId}`, { method: 'PATCH', json: body }) : record!;
        forgetRefName(meta.kind, editId);
      }
      message.success(t('saved'));
      onSaved(saved);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const known = new Set(writable.map((f) => f.name));
      const fieldOf = (x: ApiFieldIssue) => x.field.split('.')[0];
      const byField = new Map<string, string[]>();
      for (const x of e.body.errors ?? []) if (known.has(fieldOf(x))) byField.set(fieldOf(x), [...(byField.get(fieldOf(x)) ?? []), b(x.message)]);
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      // Problems without a field of the form stay in the alert, with the message; so do those citing the regulation, for the link.
      const rest = (e.body.errors ?? []).filter((x) => !known.has(fieldOf(x)) || x.citation);
      setSaveError(new ApiError(e.status, { ...e.body, errors: rest.length ? rest : undefined }));
    } finally {
      setSaving(false);
    }
  }

  if (loadError) return <ApiErrorAlert error={loadError} />;
  if (editId !== null && !record) return <Skeleton active />;
  return (
    <>
      {saveError && (
        <div className="jf-form-error">
          <ApiErrorAlert error={saveError} />
        </div>
      )}
      <Form form={form} layout="vertical" onFinish={save} name={`registry-${meta.kind}`} initialValues={initialValues} disabled={!editable} scrollToFirstError requiredMark={requiredMark}>
        {writable.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={b(f.label)}
            required={f.required}
            rules={f.required && f.type !== 'boolean' ? [{ required: true, message: tr('required', { field: b(f.label) }) }] : undefined}
            extra={f.help ? b(f.help) : undefined}
          >
            <FieldInput field={f} aria-required={f.required || undefined} />
          </Form.Item>
        ))}
      </Form>
      {record && derived.length > 0 && (
        <Descriptions size="small" column={1} bordered className="jf-derived">
          {derived.map((f) => (
            <Descriptions.Item key={f.name} label={b(f.label)}>
              <FieldValue field={f} record={record} refs={refs} />
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      <div className="jf-drawer-actions">
        {editable ? (
          <Space>
            <Button type="primary" onClick={() => form.submit()} loading={saving} disabled={false}>
              {t('save')}
            </Button>
            <Button onClick={onClose} disabled={false}>
              {t('cancel')}
            </Button>
          </Space>
        ) : (
          <Button onClick={onClose}>{t('close')}</Button>
        )}
      </div>
      {record && <AssessmentPanel kind={meta.kind} id={record.id} />}
    </>
  );
}
