import { Button, Checkbox, Form, Input, InputNumber, Select, type FormInstance } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { useBilingual, useT, useLang } from '../i18n/i18n';
import { RefSelect } from '../registry/ref-select';
import { useApi } from '../ui/use-api';
import { fields } from './fields';
import { workflow } from './i18n';
import type { JsonSchema, Violation } from './types';

/**
 * A form built from the input schema of a transition, as the machines
 * endpoint publishes it: the server's schema is the one source, so a form
 * cannot ask for a field the transition does not take (there is no field
 * for a fee anywhere, Art 29).
 */

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const REF: Record<string, 'key-units' | 'providers' | 'public-areas'> = { keyUnitId: 'key-units', providerId: 'providers', publicAreaId: 'public-areas' };

/** The procedure whose form is shown: a complaint names a provider from the workflow's own list. */
const FormMachine = createContext<string | undefined>(undefined);

function useLabels() {
  const tf = useT(fields);
  const { lang } = useLang();
  const machine = useContext(FormMachine);
  const has = (k: string) => k in fields[lang];
  return {
    // A procedure's own word for a field first (a complaint's reasons are not a filing's), then a choice's, then the field's.
    field: (name: string, choice = false) =>
      machine && has(`field.${machine}.${name}`) ? tf(`field.${machine}.${name}` as never) : choice && has(`field.${name}.choice`) ? tf(`field.${name}.choice` as never) : has(`field.${name}`) ? tf(`field.${name}` as never) : name,
    option: (name: string, v: string | number) => (has(`enum.${name}.${v}`) ? tf(`enum.${name}.${v}` as never) : has(`enum.${v}`) ? tf(`enum.${v}` as never) : String(v)),
  };
}

function ViolationSelect(props: { id?: string; value?: string; onChange?: (v: string) => void; 'aria-label'?: string }) {
  const b = useBilingual();
  const v = useApi<Violation[]>('/api/v1/workflow/violations');
  return (
    <Select
      {...props}
      showSearch
      optionFilterProp="label"
      loading={v.loading}
      options={(v.data ?? []).map((x) => ({ value: x.ruleId, label: `${b(x.citation.label)} ${b(x.title)}` }))}
    />
  );
}

interface AreaChoice {
  id: number;
  name: string;
  designatedDepartment: string | null;
  systems: { id: number; name: string }[];
}

/** The public areas a construction unit may name (Art 9 ¶2), from the workflow API: no registry reading right is needed. */
function useAreas() {
  return useApi<AreaChoice[]>('/api/v1/workflow/public-areas', { limit: 50 });
}

function PublicAreaSelect(props: { id?: string; value?: number; onChange?: (v: number) => void; 'aria-label'?: string }) {
  const areas = useAreas();
  return <Select {...props} showSearch optionFilterProp="label" loading={areas.loading} options={(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))} />;
}

/** The systems of the public area chosen in the same form. */
function AreaSystemsSelect(props: { id?: string; value?: number[]; onChange?: (v: number[]) => void; 'aria-label'?: string }) {
  const areas = useAreas();
  const form = Form.useFormInstance();
  const areaId = Form.useWatch('publicAreaId', form) as number | undefined;
  const area = (areas.data ?? []).find((a) => a.id === areaId);
  return <Select {...props} mode="multiple" optionFilterProp="label" loading={areas.loading} options={(area?.systems ?? []).map((x) => ({ value: x.id, label: x.name }))} />;
}

function ComplaintProviderSelect(props: { id?: string; value?: number; onChange?: (v: number) => void; 'aria-label'?: string }) {
  const list = useApi<{ id: number; name: string; creditCode: string | null }[]>('/api/v1/workflow/providers', { limit: 50 });
  return <Select {...props} showSearch optionFilterProp="label" loading={list.loading} options={(list.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />;
}

function Field({ path, name, schema, required }: { path: (string | number)[]; name: string; schema: JsonSchema; required: boolean }): ReactNode {
  const t = useT(workflow);
  const l = useLabels();
  const machine = useContext(FormMachine);
  const label = `${l.field(name, !!schema.enum)}${required ? '' : ` ${t('optional')}`}`;
  const rules = required ? [{ required: true, message: l.field(name) }] : [];
  if (schema.type === 'object' && schema.properties) {
    return (
      <fieldset className="jf-wf-fieldset" key={path.join('.')}>
        <legend>{l.field(name)}</legend>
        {/* Inside an optional group nothing is required of the form: one fills the group or leaves it (the server checks which). */}
        {Object.entries(schema.properties).map(([k, s]) => (
          <Field key={k} path={[...path, k]} name={k} schema={s} required={required && (schema.required ?? []).includes(k)} />
        ))}
      </fieldset>
    );
  }
  if (schema.type === 'array' && schema.items?.type === 'object' && schema.items.properties) {
    const item = schema.items;
    return (
      <fieldset className="jf-wf-fieldset" key={path.join('.')}>
        <legend>{label}</legend>
        <Form.List name={path} initialValue={required && (schema.minItems ?? 0) > 0 ? [{}] : []}>
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <div key={row.key} className="jf-wf-row">
                  {Object.entries(item.properties!).map(([k, s]) => (
                    <Field key={k} path={[row.name, k]} name={k} schema={s} required={(item.required ?? []).includes(k)} />
                  ))}
                  <Button size="small" onClick={() => remove(row.name)}>
                    {t('removeRow')}
                  </Button>
                </div>
              ))}
              <Button size="small" onClick={() => add({})}>
                {t('addRow')}：{l.field(name)}
              </Button>
            </>
          )}
        </Form.List>
      </fieldset>
    );
  }
  let control: ReactNode;
  if (name === 'ruleId') control = <ViolationSelect aria-label={label} />;
  else if (name === 'providerId' && machine === 'complaint') control = <ComplaintProviderSelect aria-label={label} />;
  else if (name === 'publicAreaId') control = <PublicAreaSelect aria-label={label} />;
  else if (name === 'systemIds') control = <AreaSystemsSelect aria-label={label} />;
  else if (REF[name] && (schema.type === 'integer' || schema.type === 'number')) control = <RefSelect kind={REF[name]} aria-label={label} />;
  else if (schema.type === 'array' && schema.items?.enum) {
    const n = name;
    control = <Select mode="multiple" aria-label={label} optionFilterProp="label" options={schema.items.enum.map((v) => ({ value: v, label: l.option(n, v) }))} />;
  } else if (schema.type === 'array') {
    // Not split at spaces: a standard is written "GB 50348-2018", a name may have one.
    control = <Select mode="tags" aria-label={label} open={false} suffixIcon={null} tokenSeparators={[',', '，', '、', ';', '；']} />;
  }
  else if (schema.enum) control = <Select aria-label={label} showSearch optionFilterProp="label" options={schema.enum.map((v) => ({ value: v, label: l.option(name, v) }))} />;
  else if (schema.type === 'boolean') {
    return (
      <Form.Item key={path.join('.')} name={path} valuePropName="checked" initialValue={false}>
        <Checkbox>{l.field(name)}</Checkbox>
      </Form.Item>
    );
  } else if (schema.type === 'integer' || schema.type === 'number') control = <InputNumber aria-label={label} min={schema.minimum} max={schema.maximum} style={{ width: '100%' }} />;
  else if (schema.pattern === DATE) control = <Input type="date" aria-label={label} />;
  else if ((schema.maxLength ?? 0) > 200) control = <Input.TextArea aria-label={label} rows={3} maxLength={schema.maxLength} showCount />;
  else control = <Input aria-label={label} maxLength={schema.maxLength} />;
  return (
    <Form.Item key={path.join('.')} name={path} label={label} rules={rules}>
      {control}
    </Form.Item>
  );
}

/** Turns the form's values into the transition's input: empty optional fields dropped, numbers typed. */
export function toInput(schema: JsonSchema | null, values: unknown): Record<string, unknown> {
  const clean = (s: JsonSchema | undefined, v: unknown, required: boolean): unknown => {
    if (v === undefined || v === null || v === '') return undefined;
    if (s?.type === 'object' && s.properties && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, sub] of Object.entries(s.properties)) {
        const c = clean(sub, (v as Record<string, unknown>)[k], (s.required ?? []).includes(k));
        if (c !== undefined) out[k] = c;
      }
      return Object.keys(out).length || required ? out : undefined;
    }
    if (s?.type === 'array' && Array.isArray(v)) {
      const items = v.map((x) => clean(s.items, x, true)).filter((x) => x !== undefined);
      // An optional list left empty is not sent: "no confirmation", not "an empty one".
      return items.length || required ? items : undefined;
    }
    if ((s?.type === 'integer' || s?.type === 'number') && typeof v === 'string') return Number(v);
    // An optional box left unticked states nothing.
    if (s?.type === 'boolean' && v === false && !required) return undefined;
    return v;
  };
  return (clean(schema ?? { type: 'object', properties: {} }, values ?? {}, true) as Record<string, unknown>) ?? {};
}

export function SchemaFields({ schema, machine }: { schema: JsonSchema | null; machine?: string }) {
  if (!schema?.properties) return null;
  return (
    <FormMachine.Provider value={machine}>
      {Object.entries(schema.properties).map(([k, s]) => (
        <Field key={k} path={[k]} name={k} schema={s} required={(schema.required ?? []).includes(k)} />
      ))}
    </FormMachine.Provider>
  );
}

export type { FormInstance };
