import type { Actor, NewUser } from '../../access/index.js';
import type { DialectName } from '../../db/database.js';
import { createItem, RegistryRepository, syncReferenceData, type RegistryContext } from '../../registry/index.js';
import { footage } from '../../vault/test-support.js';
import { createTestApp, TEST_PASSWORD, type AuthHeaders, type TestApp } from '../../../test/support/app.js';

/**
 * The world the captured-information HTTP tests run in (not a public face):
 * two key units in Shenyang Heping (210102) and Dalian Zhongshan (210202), a
 * video system of each with cameras, a restricted system (art 19), and a
 * recording helper that uploads footage made by ffmpeg.
 */
/** Session headers usable directly as `inject` headers. */
export type Headers = AuthHeaders & Record<string, string>;

export interface World {
  t: TestApp;
  unitA: number;
  unitB: number;
  sysA: number;
  sysB: number;
  sysSecret: number;
  camA1: number;
  camA2: number;
  camB1: number;
  as(u: Omit<NewUser, 'password'>): Promise<Headers>;
  /** A second, separate session for an existing account. */
  login(username: string): Promise<Headers>;
  upload(h: AuthHeaders, systemId: number, deviceId: number | null, startedAt: string, endedAt: string, variant?: number): Promise<{ id: number; sha256: string; size: number; startedAt: string; endedAt: string }>;
}

const admin: Actor = { userId: 0, username: 'fixture', role: 'admin', jurisdiction: null, organId: null, keyUnitId: null, providerId: null };

export async function createWorld(dialect: DialectName): Promise<World> {
  const t = await createTestApp(dialect);
  const ctx: RegistryContext = { repo: RegistryRepository.of(t.tdb), clock: t.clock };
  await syncReferenceData(ctx.repo, t.clock);
  const unitA = (await createItem(ctx, admin, 'key-units', { name: '沈阳市某中学', unitType: 'secondary_school', divisionCode: '210102' })).id;
  const unitB = (await createItem(ctx, admin, 'key-units', { name: '大连市某宾馆', unitType: 'hotel', divisionCode: '210202' })).id;
  const sys = async (keyUnitId: number, name: string, restricted = false) => (await createItem(ctx, admin, 'security-systems', { name, subsystemKind: 'video_audio_surveillance', keyUnitId, retentionDays: 30, restricted })).id;
  const sysA = await sys(unitA, '校园视频监控');
  const sysB = await sys(unitB, '宾馆视频监控');
  const sysSecret = await sys(unitA, '涉密档案室监控', true);
  const cam = async (systemId: number, name: string) => (await createItem(ctx, admin, 'devices', { name, systemId, capturesVideo: true, placeKind: 'entrance_exit' })).id;
  const camA1 = await cam(sysA, '东门');
  const camA2 = await cam(sysA, '西门');
  const camB1 = await cam(sysB, '大堂');
  const login = async (username: string): Promise<Headers> => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password: TEST_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'jifang_session')!;
    return { cookie: `jifang_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken };
  };
  return {
    t,
    unitA,
    unitB,
    sysA,
    sysB,
    sysSecret,
    camA1,
    camA2,
    camB1,
    // Argon2 is slow by design: the first account is made as any would be, the
    // others reuse its password hash (same test password) and log in for real.
    as: async (u) => {
      const raw = t.tdb.db.withoutPlugins();
      const first = await raw.selectFrom('users').select('password_hash').limit(1).executeTakeFirst();
      if (!first) return { ...(await t.as(u)) };
      const now = t.clock.now().toISOString();
      await raw
        .insertInto('users')
        .values({ username: u.username, password_hash: first.password_hash, role: u.role, display_name: u.displayName ?? u.username, jurisdiction: u.jurisdiction ?? null, organ_id: u.organId ?? null, key_unit_id: u.keyUnitId ?? null, provider_id: u.providerId ?? null, disabled: 0, created_at: now, updated_at: now })
        .execute();
      return login(u.username);
    },
    login,
    async upload(h, systemId, deviceId, startedAt, endedAt, variant = 1) {
      const clip = footage(variant);
      const qs = new URLSearchParams({ systemId: String(systemId), startedAt, endedAt, sha256: clip.sha256, ...(deviceId ? { deviceId: String(deviceId) } : {}) });
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/captured?${qs}`, headers: { ...h, 'content-type': 'video/mp4' }, payload: clip.bytes });
      if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
      return res.json().segment;
    },
  };
}
