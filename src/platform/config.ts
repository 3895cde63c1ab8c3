// SPDX-License-Identifier: EUPL-1.2
/** Process configuration, read once from the environment; the only place that reads process.env. */
import path from 'node:path';

export interface Config {
  /** Directory for the embedded database and other local state (PGlite mode). */
  dataDir: string;
  /** Where the hourly signed access-log checkpoints go (JICHI_AUDIT_CHECKPOINT_DIR; default <dataDir>/audit-checkpoints). */
  auditCheckpointDir: string;
  /** Where the 住基ネット file adapter hands messages to the CS link (JICHI_JUKINET_DIR; default <dataDir>/jukinet-outbox). */
  jukinetDir: string;
  /** Where the 入管 file adapter hands the 市町村通知 to the link (JICHI_IMMIGRATION_DIR; default <dataDir>/immigration-outbox). */
  immigrationDir: string;
  /** Days after a municipality's 利用終了日 before `jichi tenant delete` may remove its data (JICHI_TENANT_RETENTION_DAYS). */
  tenantRetentionDays: number;
  /** How long an Idempotency-Key without a result counts as in progress (JICHI_IDEMPOTENCY_LEASE_SECONDS, default 600). */
  idempotencyLeaseMs: number;
  /** PostgreSQL server URL of the table owner (migrations, backups); unset means embedded PGlite. */
  databaseUrl?: string;
  /** Optional PostgreSQL URL that logs in directly as the application role `jichi_app`. */
  databaseAppUrl?: string;
  /** JICHI_APP_LOGIN=owner: the older mode (owner connections switched to jichi_app per transaction). */
  appLogin: 'derived' | 'owner';
  /** JICHI_ALLOW_PRIVILEGED_APP_LOGIN=true: serve requests on a superuser or BYPASSRLS login all the same. */
  allowPrivilegedAppLogin: boolean;
  host: string;
  port: number;
  /** Public base URL, used for cookies (Secure when https) and OIDC redirect URIs. */
  publicUrl: string;
  logLevel: string;
  /** Seed the demo municipality (塩尻市) and demo staff on first start. */
  seedDemo: boolean;
  oidc?: { issuer: string; clientId: string; clientSecret?: string; label: string };
  /**
   * Residents' identity provider (RESIDENT_OIDC_ISSUER, RESIDENT_OIDC_CLIENT_ID, RESIDENT_OIDC_CLIENT_SECRET,
   * RESIDENT_OIDC_LABEL): in production the national one. Unset with the demo seeded: the demo provider.
   */
  residentOidc?: ResidentOidcSettings;
  /** Port of the in-process demo identity provider for residents (JICHI_DEMO_IDP_PORT, default PORT+1; 0: none). */
  demoIdpPort: number;
  /**
   * Which side this process serves (issue #14): 'all' (default: staff and residents in one process) or 'public' (the
   * internet side: resident portal, public guide, verify page; `jichi serve --role public` or JICHI_ROLE=public).
   */
  role: 'all' | 'public';
  /** The internet side's database login, a member of jichi_public only (DATABASE_PUBLIC_URL). */
  databasePublicUrl?: string;
  /** Resident session idle timeout and absolute lifetime in seconds (RESIDENT_SESSION_IDLE_SECONDS, RESIDENT_SESSION_MAX_SECONDS). */
  residentSessionIdleSeconds: number;
  residentSessionMaxSeconds: number;
  /** Session idle timeout and absolute lifetime in seconds. */
  sessionIdleSeconds: number;
  sessionMaxSeconds: number;
  /**
   * SMTP server for residents' e-mail notifications (JICHI_SMTP_URL, e.g. smtp://mail.example.lg.jp:587; JICHI_MAIL_FROM).
   * Unset: no e-mail is sent (notifications wait in the outbox).
   */
  smtp?: { url: string; from: string };
  /** ClamAV daemon that scans residents' attachments (JICHI_CLAMD_URL, tcp://host:3310). Unset: attachments are stored as not scanned. */
  clamdUrl?: string;
  /** Sign-in attempts allowed per client address per 5 minutes (accounts also lock after 5 failures). */
  loginAttemptsPer5Min: number;
}

/** How Jichi talks to the residents' identity provider. */
export interface ResidentOidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** What the sign-in button says, e.g. 「マイナンバーカードでログイン」. */
  label: string;
}

/** Reads the configuration from an environment (defaults suit a developer's machine). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '127.0.0.1';
  const oidcIssuer = env.OIDC_ISSUER;
  return {
    dataDir: path.resolve(env.JICHI_DATA_DIR ?? 'data'),
    auditCheckpointDir: path.resolve(env.JICHI_AUDIT_CHECKPOINT_DIR ?? path.join(env.JICHI_DATA_DIR ?? 'data', 'audit-checkpoints')),
    jukinetDir: path.resolve(env.JICHI_JUKINET_DIR ?? path.join(env.JICHI_DATA_DIR ?? 'data', 'jukinet-outbox')),
    immigrationDir: path.resolve(env.JICHI_IMMIGRATION_DIR ?? path.join(env.JICHI_DATA_DIR ?? 'data', 'immigration-outbox')),
    tenantRetentionDays: Number(env.JICHI_TENANT_RETENTION_DAYS ?? 90),
    idempotencyLeaseMs: Number(env.JICHI_IDEMPOTENCY_LEASE_SECONDS ?? 600) * 1000,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseAppUrl: env.DATABASE_APP_URL || undefined,
    appLogin: env.JICHI_APP_LOGIN === 'owner' ? 'owner' : 'derived',
    allowPrivilegedAppLogin: env.JICHI_ALLOW_PRIVILEGED_APP_LOGIN === 'true',
    host,
    port,
    publicUrl: (env.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`).replace(/\/$/, ''),
    logLevel: env.LOG_LEVEL ?? 'info',
    seedDemo: env.JICHI_SEED_DEMO !== 'false',
    oidc: oidcIssuer
      ? {
          issuer: oidcIssuer,
          clientId: env.OIDC_CLIENT_ID ?? 'jichi',
          clientSecret: env.OIDC_CLIENT_SECRET,
          label: env.OIDC_LABEL ?? '庁内認証基盤',
        }
      : undefined,
    residentOidc: env.RESIDENT_OIDC_ISSUER
      ? {
          issuer: env.RESIDENT_OIDC_ISSUER,
          clientId: env.RESIDENT_OIDC_CLIENT_ID ?? 'jichi-portal',
          clientSecret: env.RESIDENT_OIDC_CLIENT_SECRET,
          label: env.RESIDENT_OIDC_LABEL ?? 'マイナンバーカードでログイン',
        }
      : undefined,
    role: env.JICHI_ROLE === 'public' ? 'public' : 'all',
    databasePublicUrl: env.DATABASE_PUBLIC_URL || undefined,
    demoIdpPort: Number(env.JICHI_DEMO_IDP_PORT ?? port + 1),
    residentSessionIdleSeconds: Number(env.RESIDENT_SESSION_IDLE_SECONDS ?? 30 * 60),
    residentSessionMaxSeconds: Number(env.RESIDENT_SESSION_MAX_SECONDS ?? 3 * 3600),
    sessionIdleSeconds: Number(env.SESSION_IDLE_SECONDS ?? 2 * 3600),
    sessionMaxSeconds: Number(env.SESSION_MAX_SECONDS ?? 12 * 3600),
    loginAttemptsPer5Min: Number(env.LOGIN_ATTEMPTS_PER_5_MIN ?? 20),
    clamdUrl: env.JICHI_CLAMD_URL || undefined,
    smtp: env.JICHI_SMTP_URL ? { url: env.JICHI_SMTP_URL, from: env.JICHI_MAIL_FROM ?? 'no-reply@jichi.invalid' } : undefined,
  };
}
