import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Where the embedded database, blobs and keys live. */
  dataDir: string;
  /** `postgres://…` selects PostgreSQL; otherwise SQLite under dataDir. */
  databaseUrl?: string;
  /** Session lifetime in seconds. */
  sessionTtlSeconds: number;
  /** Marks the session cookie Secure; on by default unless serving plain HTTP on localhost. */
  secureCookies: boolean;
  /** Login attempts allowed per client per minute. */
  loginRateLimitPerMinute: number;
  logLevel: string;
  /** The sign of Art 15, whose style the provincial police set: wording and size. */
  signage: SignageConfig;
  /** Device operations (art 11(2), 21): the GB/T 28181 listener and when a silent system is offline. */
  operations: OperationsConfig;
}

/**
 * GB/T 28181 access: the SIP listener is off unless `JIFANG_SIP_PORT` is set.
 * A device is offline after `missedKeepalives` intervals of `keepaliveSeconds`
 * without a keepalive (GB/T 28181: 3 of 60 s).
 */
export interface OperationsConfig {
  sip: { host: string; port: number; serverId: string; domain: string } | null;
  keepaliveSeconds: number;
  missedKeepalives: number;
}

function positive(v: string | undefined, fallback: number, name: string): number {
  if (v == null || v.trim() === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, not "${v}"`);
  return n;
}

function digits(v: string | undefined, n: number, fallback: string, name: string): string {
  if (v == null || v.trim() === '') return fallback;
  if (!new RegExp(`^[0-9]{${n}}$`).test(v.trim())) throw new Error(`${name} must be ${n} digits (GB/T 28181), not "${v}"`);
  return v.trim();
}

function operationsFrom(env: NodeJS.ProcessEnv): OperationsConfig {
  const port = env.JIFANG_SIP_PORT;
  return {
    sip:
      port == null || port.trim() === ''
        ? null
        : {
            host: env.JIFANG_SIP_HOST || '0.0.0.0',
            port: positive(port, 5060, 'JIFANG_SIP_PORT'),
            serverId: digits(env.JIFANG_SIP_SERVER_ID, 20, '21000000002000000001', 'JIFANG_SIP_SERVER_ID'),
            domain: digits(env.JIFANG_SIP_DOMAIN, 10, '2100000000', 'JIFANG_SIP_DOMAIN'),
          },
    keepaliveSeconds: positive(env.JIFANG_KEEPALIVE_INTERVAL, 60, 'JIFANG_KEEPALIVE_INTERVAL'),
    missedKeepalives: positive(env.JIFANG_KEEPALIVE_MISSED, 3, 'JIFANG_KEEPALIVE_MISSED'),
  };
}

/**
 * Art 15: 在具有视频采集功能技防系统的覆盖区域，应当设置明显提示性的标识。
 * 标识的样式由省公安机关统一制定。 The defaults are a common wording until the
 * province publishes its style; each value is set by an environment variable.
 */
export interface SignageConfig {
  titleZh: string;
  textZh: string;
  titleEn: string;
  textEn: string;
  /** Whether the English lines are printed under the Chinese ones. */
  english: boolean;
  widthMm: number;
  heightMm: number;
}

export const DEFAULT_SIGNAGE: SignageConfig = {
  titleZh: '视频监控区域',
  textZh: '您已进入视频监控区域',
  titleEn: 'VIDEO SURVEILLANCE AREA',
  textEn: 'You have entered an area under video surveillance',
  english: true,
  // A4 landscape: any office printer makes it.
  widthMm: 297,
  heightMm: 210,
};

function mm(v: string | undefined, fallback: number): number {
  const n = Number(v);
  return v && Number.isFinite(n) && n >= 50 && n <= 2000 ? Math.round(n) : fallback;
}

function signageFrom(env: NodeJS.ProcessEnv): SignageConfig {
  const d = DEFAULT_SIGNAGE;
  return {
    titleZh: env.JIFANG_SIGNAGE_TITLE_ZH || d.titleZh,
    textZh: env.JIFANG_SIGNAGE_TEXT_ZH || d.textZh,
    titleEn: env.JIFANG_SIGNAGE_TITLE_EN || d.titleEn,
    textEn: env.JIFANG_SIGNAGE_TEXT_EN || d.textEn,
    english: env.JIFANG_SIGNAGE_ENGLISH ? env.JIFANG_SIGNAGE_ENGLISH !== 'false' : d.english,
    widthMm: mm(env.JIFANG_SIGNAGE_WIDTH_MM, d.widthMm),
    heightMm: mm(env.JIFANG_SIGNAGE_HEIGHT_MM, d.heightMm),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = path.resolve(env.JIFANG_DATA_DIR ?? 'data');
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    sessionTtlSeconds: Number(env.JIFANG_SESSION_TTL ?? 8 * 3600),
    secureCookies: env.JIFANG_SECURE_COOKIES === 'true',
    loginRateLimitPerMinute: Number(env.JIFANG_LOGIN_RATE_LIMIT ?? 10),
    logLevel: env.LOG_LEVEL ?? 'info',
    signage: signageFrom(env),
    operations: operationsFrom(env),
    ...overrides,
  };
}
