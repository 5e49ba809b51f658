import { DEFAULT_OPERATIONS_SETTINGS, DEFAULT_SIP_SETTINGS, type OperationsDeps, type SipSettings } from '../../operations/index.js';
import type { JifangDb } from '../../db/database.js';
import type { AppDeps } from '../context.js';

/**
 * Device operations over an app's database and clock, with the keepalive
 * limits and SIP realm of the configuration. The realm devices authenticate
 * in is the SIP domain, so a credential set here is the one the listener checks.
 */
export function operationsOf(deps: AppDeps): OperationsDeps & { jdb: JifangDb } {
  const o = deps.config.operations;
  return {
    jdb: deps.jdb,
    db: deps.jdb.db,
    dialect: deps.jdb.dialect,
    clock: deps.clock,
    settings: { ...DEFAULT_OPERATIONS_SETTINGS, realm: o.sip?.domain ?? DEFAULT_SIP_SETTINGS.domain, keepaliveSeconds: o.keepaliveSeconds, missedKeepalives: o.missedKeepalives },
  };
}

/** The listener's settings, or null when `JIFANG_SIP_PORT` is unset. */
export function sipSettingsOf(deps: AppDeps): SipSettings | null {
  const s = deps.config.operations.sip;
  return s ? { ...DEFAULT_SIP_SETTINGS, ...s } : null;
}
