import { Alert, App, Button, Descriptions, Drawer, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { POLICE_ROLES, ROLES, ROLE_NAMES, type Role } from '../../../src/access/roles';
import { api, ApiError } from '../api/client';
import { useBilingual, useT } from '../i18n/i18n';
import { DivisionCascader } from '../registry/division-cascader';
import { RefSelect } from '../registry/ref-select';
import { ApiErrorAlert } from '../ui/api-error-alert';
import { accounts } from './i18n';
import { PASSWORD_MIN_LENGTH, type Account } from './types';

interface Rights {
  role: string;
  jurisdiction: string | null;
  organId: number | null;
  keyUnitId: number | null;
  providerId: number | null;
}

const rightsOf = (a: Account): Rights => ({ role: a.role, jurisdiction: a.jurisdiction, organId: a.organId, keyUnitId: a.keyUnitId, providerId: a.providerId });
const isPolice = (role: string) => (POLICE_ROLES as readonly string[]).includes(role);

/** Only the links the role uses are sent; the others are cleared, as the server does for a new role. */
function patchOf(r: Rights): Rights {
  return {
    role: r.role,
    jurisdiction: isPolice(r.role) ? r.jurisdiction : null,
    organId: isPolice(r.role) ? r.organId : null,
    keyUnitId: r.role === 'key_unit' ? r.keyUnitId : null,
    providerId: r.role === 'provider' ? r.providerId : null,
  };
}

/** Changes one account: its rights, its password, its status, its sessions. Each action is one request and one ledger leaf. */
export function AccountDrawer({ account, own, onClose, onChanged }: { account: Account | null; own: boolean; onClose(): void; onChanged(a: Account): void }) {
  const t = useT(accounts);
  const b = useBilingual();
  const { message } = App.useApp();
  const [rights, setRights] = useState<Rights | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    setRights(account ? rightsOf(account) : null);
    setPassword('');
    setError(undefined);
    // A new account opened, or the same one answered anew.
  }, [account]);

  async function act(key: string, url: string, json: unknown, done: string) {
    if (!account) return;
    setBusy(key);
    setError(undefined);
    try {
      const a = await api<Account>(url, { method: key === 'rights' ? 'PATCH' : 'POST', json });
      message.success(done);
      onChanged(a);
    } catch (e) {
      if (e instanceof ApiError) setError(e);
    } finally {
      setBusy(null);
    }
  }

  const base = account ? `/api/v1/accounts/${account.id}` : '';
  const set = (patch: Partial<Rights>) => setRights((r) => (r ? { ...r, ...patch } : r));

  return (
    <Drawer open={account != null} onClose={onClose} width={520} title={account ? t('drawerTitle', { username: account.username }) : ''} className="jf-account-drawer" closable={{ 'aria-label': t('close') }} destroyOnHidden>
      {account && rights && (
        <>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('colDisplayName')}>{account.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('colRole')}>{b(account.roleName)}</Descriptions.Item>
            <Descriptions.Item label={t('colStatus')}>
              <Tag className={`jf-account-tag jf-account-tag-${account.disabled ? 'disabled' : 'active'}`} data-testid="account-status">
                {t(account.disabled ? 'status.disabled' : 'status.active')}
              </Tag>
            </Descriptions.Item>
          </Descriptions>
          {own && <Alert type="info" showIcon title={t('ownAccount')} />}
          <ApiErrorAlert error={error} />
          {!own && (
            <section aria-labelledby="jf-account-rights">
              <Typography.Title level={2} id="jf-account-rights" className="jf-drawer-heading">
                {t('rightsTitle')}
              </Typography.Title>
              <Typography.Paragraph type="secondary">{t('rightsNote')}</Typography.Paragraph>
              <Space direction="vertical" style={{ width: '100%' }}>
                <label htmlFor="account-role">{t('role')}</label>
                <Select id="account-role" style={{ width: '100%' }} value={rights.role} onChange={(role) => set({ role })} options={ROLES.map((r: Role) => ({ value: r, label: b(ROLE_NAMES[r]) }))} />
                {isPolice(rights.role) && (
                  <>
                    <label htmlFor="account-jurisdiction">{t('jurisdiction')}</label>
                    <DivisionCascader id="account-jurisdiction" mode="any" value={rights.jurisdiction} onChange={(jurisdiction) => set({ jurisdiction })} />
                    <label htmlFor="account-organ">{t('organ')}</label>
                    <RefSelect id="account-organ" kind="police-organs" value={rights.organId} onChange={(organId) => set({ organId })} />
                  </>
                )}
                {rights.role === 'key_unit' && (
                  <>
                    <label htmlFor="account-key-unit">{t('keyUnit')}</label>
                    <RefSelect id="account-key-unit" kind="key-units" value={rights.keyUnitId} onChange={(keyUnitId) => set({ keyUnitId })} />
                  </>
                )}
                {rights.role === 'provider' && (
                  <>
                    <label htmlFor="account-provider">{t('provider')}</label>
                    <RefSelect id="account-provider" kind="providers" value={rights.providerId} onChange={(providerId) => set({ providerId })} />
                  </>
                )}
                <Button type="primary" loading={busy === 'rights'} onClick={() => void act('rights', base, patchOf(rights), t('rightsSaved'))}>
                  {t('saveRights')}
                </Button>
              </Space>
            </section>
          )}
          {!own && (
            <section aria-labelledby="jf-account-password">
              <Typography.Title level={2} id="jf-account-password" className="jf-drawer-heading">
                {t('passwordTitle')}
              </Typography.Title>
              <Space direction="vertical" style={{ width: '100%' }}>
                <label htmlFor="account-new-password">{t('newPassword')}</label>
                <Input.Password id="account-new-password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
                <Typography.Text type="secondary">{t('passwordHint')}</Typography.Text>
                <Button disabled={password.length < PASSWORD_MIN_LENGTH} loading={busy === 'password'} onClick={() => void act('password', `${base}/password`, { password }, t('passwordReset'))}>
                  {t('resetPassword')}
                </Button>
              </Space>
            </section>
          )}
          <section aria-labelledby="jf-account-status">
            <Typography.Title level={2} id="jf-account-status" className="jf-drawer-heading">
              {t('statusTitle')}
            </Typography.Title>
            <Typography.Paragraph>{t('sessions', { count: account.activeSessions })}</Typography.Paragraph>
            <Space wrap>
              {!own &&
                (account.disabled ? (
                  <Button loading={busy === 'enable'} onClick={() => void act('enable', `${base}/enable`, undefined, t('enabled'))}>
                    {t('enable')}
                  </Button>
                ) : (
                  <Popconfirm title={t('disableConfirm')} okText={t('confirm')} cancelText={t('cancel')} onConfirm={() => act('disable', `${base}/disable`, undefined, t('disabled'))}>
                    <Button danger loading={busy === 'disable'}>
                      {t('disable')}
                    </Button>
                  </Popconfirm>
                ))}
              <Popconfirm title={t('revokeConfirm')} okText={t('confirm')} cancelText={t('cancel')} onConfirm={() => act('revoke', `${base}/revoke-sessions`, undefined, t('revokedAll'))}>
                <Button loading={busy === 'revoke'}>{t('revoke')}</Button>
              </Popconfirm>
            </Space>
          </section>
        </>
      )}
    </Drawer>
  );
}
