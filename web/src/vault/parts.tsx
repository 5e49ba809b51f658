import { Button, Input, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, type ApiCitation } from '../api/client';
import { ArticleLink } from '../compliance/citation';
import { useLang, useT } from '../i18n/i18n';
import { SESSION_URL } from '../session/session';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { vault } from './i18n';
import type { GrantKind, NamedRecord, Playback, ScopeEntry, Window } from './types';
import './vault.css';

export type VaultT = ReturnType<typeof useT<typeof vault.en>>;

/** An ISO timestamp as the reader's local date and time, to the second. */
export function when(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}

export function useWhen(): (iso: string | null | undefined) => string {
  const { lang } = useLang();
  return (iso) => when(iso, lang);
}

export function WindowText({ w }: { w: Window }) {
  const fmt = useWhen();
  return (
    <span className="jf-vault-window">
      {fmt(w.from)} – {fmt(w.to)}
    </span>
  );
}

export type Tone = 'good' | 'wait' | 'bad' | 'closed' | 'info';
const STATUS_TONES: Record<string, Tone> = {
  granted: 'good',
  approved: 'good',
  recorded: 'good',
  active: 'wait',
  refused: 'bad',
  expired: 'closed',
  closed: 'closed',
  withdrawn: 'closed',
  ended: 'wait',
  handed_over: 'info',
  visited: 'info',
  reviewed: 'info',
};

/** A tag whose colours keep 4.5:1; the words carry the meaning, colour only helps. */
export function ToneTag({ tone, children, className }: { tone: Tone; children: ReactNode; className?: string }) {
  return <Tag className={`jf-vault-tag jf-vault-tag-${tone}${className ? ` ${className}` : ''}`}>{children}</Tag>;
}

/** The status of a request or application in words; colours stay dark enough for 4.5:1. */
export function StatusTag({ status }: { status: string }) {
  const t = useT(vault);
  return (
    <span className="jf-vault-status" data-status={status}>
      <ToneTag tone={STATUS_TONES[status] ?? 'wait'}>{t(`status.${status}` as never)}</ToneTag>
    </span>
  );
}

/** A cited article, linking to its text. */
export function Article({ article, paragraph, item }: { article: number; paragraph?: number; item?: number }) {
  return <ArticleLink citation={{ article, paragraph, item }} />;
}

export function CitationOf({ c }: { c: ApiCitation | null }) {
  if (!c) return <>—</>;
  return <ArticleLink label={c.label} href={c.href} />;
}

/** `<input type="datetime-local">` holding an ISO timestamp (the browser's time zone). */
export function DateTimeInput({ value, onChange, id, label, required }: { value: string | undefined; onChange: (iso: string | undefined) => void; id?: string; label: string; required?: boolean }) {
  const local = value ? toLocalInput(value) : '';
  return (
    <Input
      id={id}
      type="datetime-local"
      step={1}
      aria-label={label}
      aria-required={required}
      value={local}
      onChange={(e) => {
        const v = e.target.value;
        onChange(v ? new Date(v).toISOString() : undefined);
      }}
      style={{ width: 230 }}
    />
  );
}

function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Names of systems and devices, fetched once each; a caller who may not read the registry sees numbers. */
const names = new Map<string, Promise<string | null>>();
function nameOf(kind: 'security-systems' | 'devices', id: number): Promise<string | null> {
  const key = `${kind}/${id}`;
  let p = names.get(key);
  if (!p) {
    p = api<NamedRecord>(`/api/v1/registry/${kind}/${id}`)
      .then((r) => r.name)
      .catch(() => null);
    names.set(key, p);
  }
  return p;
}

export function RecordName({ kind, id }: { kind: 'security-systems' | 'devices'; id: number | null }) {
  const t = useT(vault);
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (id != null) void nameOf(kind, id).then((n) => live && setName(n));
    return () => {
      live = false;
    };
  }, [kind, id]);
  if (id == null) return <>{t('allDevices')}</>;
  const fallback = kind === 'devices' ? `#${id}` : t('systemRef', { id });
  return <span data-record={`${kind}/${id}`}>{name ?? fallback}</span>;
}

export function ScopeText({ scope }: { scope: ScopeEntry[] }) {
  return (
    <ul className="jf-vault-scope">
      {scope.map((e, i) => (
        <li key={i}>
          <RecordName kind="security-systems" id={e.systemId} />
          {e.deviceId != null && (
            <>
              {' · '}
              <RecordName kind="devices" id={e.deviceId} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Searches the systems the caller may read (a unit its own; an investigator all). */
export function SystemSelect({ value, onChange, label, id }: { value: number | undefined; onChange: (id: number | undefined) => void; label: string; id?: string }) {
  const t = useT(vault);
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [q, setQ] = useState('');
  useEffect(() => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      api<{ items: NamedRecord[] }>('/api/v1/registry/security-systems', { query: { q: q || undefined, pageSize: 50 }, signal: ctrl.signal })
        .then((r) => setOptions(r.items.map((s) => ({ value: s.id, label: s.name }))))
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [q]);
  return (
    <Select
      id={id}
      aria-label={label}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      placeholder={t('chooseSystem')}
      style={{ minWidth: 320 }}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={options}
    />
  );
}

export function DeviceSelect({ systemId, value, onChange, label }: { systemId: number | undefined; value: number | null; onChange: (id: number | null) => void; label: string }) {
  const t = useT(vault);
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  useEffect(() => {
    if (!systemId) return setOptions([]);
    const ctrl = new AbortController();
    api<{ items: NamedRecord[] }>('/api/v1/registry/devices', { query: { systemId, pageSize: 100 }, signal: ctrl.signal })
      .then((r) => setOptions(r.items.map((d) => ({ value: d.id, label: d.name }))))
      .catch(() => setOptions([]));
    return () => ctrl.abort();
  }, [systemId]);
  return (
    <Select
      aria-label={label}
      style={{ minWidth: 200 }}
      value={value ?? 0}
      onChange={(v) => onChange(v ? Number(v) : null)}
      options={[{ value: 0, label: t('allDevices') }, ...options]}
      disabled={!systemId}
    />
  );
}

/** Systems (each optionally narrowed to a device): the scope of a request. */
export function ScopeEditor({ value, onChange }: { value: { systemId?: number; deviceId: number | null }[]; onChange: (v: { systemId?: number; deviceId: number | null }[]) => void }) {
  const t = useT(vault);
  return (
    <div className="jf-vault-scope-editor">
      {value.map((e, i) => (
        <Space key={i} wrap className="jf-vault-scope-row">
          <SystemSelect label={`${t('system')} ${i + 1}`} value={e.systemId} onChange={(systemId) => onChange(value.map((x, j) => (j === i ? { systemId, deviceId: null } : x)))} />
          <DeviceSelect label={`${t('device')} ${i + 1}`} systemId={e.systemId} value={e.deviceId} onChange={(deviceId) => onChange(value.map((x, j) => (j === i ? { ...x, deviceId } : x)))} />
          {value.length > 1 && <Button onClick={() => onChange(value.filter((_, j) => j !== i))}>{t('removeScope')}</Button>}
        </Space>
      ))}
      <Button onClick={() => onChange([...value, { deviceId: null }])}>{t('addScope')}</Button>
    </div>
  );
}

export function scopeOut(v: { systemId?: number; deviceId: number | null }[]): ScopeEntry[] {
  return v.filter((e) => e.systemId).map((e) => ({ systemId: e.systemId!, deviceId: e.deviceId }));
}

/** An error as the API would answer it, for a failure the browser met itself. */
export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, { code: 'JF_CLIENT', message: String(e), messages: { zh: String(e), en: String(e) } });
}

/** Runs one action, remembering its error; `busy` while it runs. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await fn();
    } catch (e) {
      setError(asApiError(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, setError };
}

/** A POST whose answer is a file (an export), saved by the browser. */
export async function postDownload(url: string, json: unknown, fallbackName: string): Promise<void> {
  // The CSRF token lives in the API client; the session answer carries it too.
  const session = await api<{ csrfToken?: string }>(SESSION_URL);
  const res = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': session.csrfToken ?? '' }, body: JSON.stringify(json) });
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new ApiError(res.status, body ?? { code: 'JF_UNEXPECTED_RESPONSE', message: String(res.status), messages: { zh: `服务器返回 ${res.status}`, en: `The server answered ${res.status}` } });
  }
  const blob = await res.blob();
  const m = /filename="?([^";]+)"?/i.exec(res.headers.get('content-disposition') ?? '');
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = m ? m[1] : fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/**
 * Plays one recording under a grant: the server opens a ticket (and records the
 * view), the browser streams it with range requests, and the viewer's name and
 * the time lie over the picture. The file itself is never altered (art 22 (3)).
 */
export function Player({ segmentId, grantKind, grantId, onClose }: { segmentId: number; grantKind: GrantKind; grantId: number; onClose: () => void }) {
  const t = useT(vault);
  const [pb, setPb] = useState<Playback>();
  const [error, setError] = useState<ApiError>();
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    let live = true;
    setPb(undefined);
    setError(undefined);
    api<Playback>(`/api/v1/captured/${segmentId}/playback`, { method: 'POST', json: { grantKind, grantId } })
      .then((r) => live && setPb(r))
      .catch((e) => live && setError(asApiError(e)));
    return () => {
      live = false;
    };
  }, [segmentId, grantKind, grantId]);
  return (
    <section className="jf-vault-player" aria-label={t('playerTitle', { id: segmentId })} data-segment={segmentId}>
      <Typography.Title level={3}>{t('playerTitle', { id: segmentId })}</Typography.Title>
      <ApiErrorAlert error={error} />
      {pb && (
        <>
          <div className="jf-vault-screen">
            <video ref={video} src={pb.streamUrl} controls autoPlay muted playsInline preload="auto" aria-label={t('playerTitle', { id: segmentId })} />
            <div className="jf-vault-watermark" aria-hidden="true" data-testid="watermark">
              {[0, 1, 2].map((i) => (
                <span key={i}>{pb.watermark}</span>
              ))}
            </div>
          </div>
          <p className="jf-vault-watermark-caption">{t('watermarkLabel', { text: pb.watermark })}</p>
        </>
      )}
      <Button onClick={onClose}>{t('stopPlaying')}</Button>
    </section>
  );
}

export function Section({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <section className="jf-vault-section" aria-label={title}>
      <Space className="jf-vault-section-head" wrap>
        <Typography.Title level={2}>{title}</Typography.Title>
        {extra}
      </Space>
      {children}
    </section>
  );
}

/** An empty table's text, dark enough to read (Ant Design's default grey is below 4.5:1). */
export function Empty({ text }: { text: string }) {
  return <span className="jf-vault-empty">{text}</span>;
}

/** A receipt's number and, for its applicant and the police who handle it, the status code to follow it on the public portal. */
export function ReceiptText({ no, code }: { no: string; code: string | null }) {
  const t = useT(vault);
  return (
    <>
      <span className="jf-vault-receipt-no">{no}</span>
      {code && (
        <>
          {' · '}
          {t('receiptCode')} <span className="jf-vault-receipt-code">{code}</span> · <Link to="/public/status">{t('receiptFollow')}</Link>
        </>
      )}
    </>
  );
}
