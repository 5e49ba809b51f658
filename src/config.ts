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
    ...overrides,
  };
}
