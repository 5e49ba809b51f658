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
    ...overrides,
  };
}
