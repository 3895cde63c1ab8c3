// SPDX-License-Identifier: EUPL-1.2
/** Starts the platform: open and migrate the database, seed the demo on first run, serve HTTP. */
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { loadConfig, type Config } from './platform/config.ts';
import { createLogger } from './platform/logger.ts';
import { openConfiguredDatabase } from './platform/db/open-from-config.ts';
import { createServices } from './services.ts';
import { DEMO_MUNICIPALITY_CODE, DEMO_PASSWORD, DEMO_STAFF, seedDemo } from './demo/demo-seed.ts';
import { loadMyNumberKeys } from './domains/registry/index.ts';
import { startScheduler } from './platform/jobs/scheduler.ts';
import { periodicTasks } from './periodic-tasks.ts';
import { startDemoIdpFor, type DemoIdp } from './demo/demo-idp.ts';
import { openPublicDatabase } from './platform/db/open-public.ts';
import { useAppRole } from './platform/tenancy/tenant-transaction.ts';

/** A running server and how to stop it. */
export interface Running {
  url: string;
  stop(): Promise<void>;
}

/** Starts the server for a configuration; prints the URL and the demo logins. */
export async function startServer(config: Config = loadConfig(), out: NodeJS.WritableStream = process.stdout): Promise<Running> {
  if (config.role === 'public') return startPublicServer(config, out);
  const started = performance.now();
  const log = createLogger(config.logLevel);
  const db = await openConfiguredDatabase(config);
  const services = createServices(db, config);
  await services.tenants.loadReferenceData();
  const seeded = config.seedDemo ? await seedDemo(services) : false;
  // Residents sign in at the demo identity provider (a real OpenID Connect provider on its own port) unless a
  // provider is configured (issue #14).
  let demoIdp: DemoIdp | undefined;
  if (config.seedDemo && !config.residentOidc && config.demoIdpPort > 0) {
    try {
      demoIdp = await startDemoIdpFor(services, DEMO_MUNICIPALITY_CODE, { host: config.host, port: config.demoIdpPort, publicUrl: config.publicUrl });
    } catch (err) {
      log.warn({ port: config.demoIdpPort, err: { name: (err as Error).name, message: (err as Error).message } }, 'demo identity provider not started');
    }
    if (demoIdp) config = { ...config, residentOidc: { issuer: demoIdp.issuer, clientId: demoIdp.clientId, clientSecret: demoIdp.clientSecret, label: 'マイナンバーカードでログイン（デモ）' } };
  }
  const app = createApp(services, { config, log });
  // Periodic work (case jobs, purges, access-log checkpoints): graphile-worker on a server (each run on one process
  // across instances), timers in process on PGlite.
  const taskError = (task: string, err: unknown) => log.error({ task, err: { name: (err as Error).name, message: (err as Error).message } }, 'periodic task failed');
  // TOTP secrets kept as text before they were sealed (migration 0024) are sealed before the first sign-in.
  const sealed = await services.identity.sealTotpSecrets();
  if (sealed > 0) log.info({ sealed }, 'TOTP secrets sealed at rest');
  const scheduler = await startScheduler(periodicTasks(services, config), { databaseUrl: config.databaseUrl, onError: taskError });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const ms = Math.round(performance.now() - started);
  log.info({ database: db.kind, migrationsApplied: db.applied.length, seeded, ms }, 'ready');
  if (loadMyNumberKeys(process.env).devKeys) {
    log.warn('JICHI_MY_NUMBER_KEYS / JICHI_MY_NUMBER_INDEX_KEY are not set: 個人番号 is encrypted with development keys');
    out.write('  注意 / warning: 個人番号の暗号鍵が未設定のため開発用の鍵を使用しています（本番では JICHI_MY_NUMBER_KEYS と JICHI_MY_NUMBER_INDEX_KEY を設定してください）\n');
  }
  if (config.seedDemo) {
    out.write([
      '',
      `  Jichi（自治）が起動しました / Jichi is running: ${url}`,
      `  データベース / database: ${db.describe}`,
      `  デモ自治体 / demo municipality: 塩尻市 (${DEMO_MUNICIPALITY_CODE})`,
      `  デモ職員 / demo staff (password: ${DEMO_PASSWORD}):`,
      ...DEMO_STAFF.map((s) => `    ${s.loginId.padEnd(10)} ${s.displayName}（${s.roles.join(', ')}）`),
      ...(demoIdp ? [`  デモ住民 / demo residents: ${url}/portal （デモ用認証基盤 / demo identity provider: ${demoIdp.issuer}）`] : []),
      `  準備完了まで / ready in ${ms} ms`,
      '',
    ].join('\n'));
  } else {
    out.write(`Jichi is running: ${url} (ready in ${ms} ms)\n`);
  }
  let stopping: Promise<void> | undefined;
  return {
    url,
    stop() {
      stopping ??= new Promise<void>((resolve) => server.close(() => resolve())).then(() => demoIdp?.close()).then(() => scheduler.stop()).then(() => db.close());
      return stopping;
    },
  };
}

/**
 * The internet side (issue #14, docs/deployment.md): the resident portal, the public guide and the verify page only,
 * as the database role jichi_public, with no 個人番号 keys, no staff screens, no migrations, no seeding and no
 * periodic tasks (the LGWAN side runs those).
 */
async function startPublicServer(config: Config, out: NodeJS.WritableStream): Promise<Running> {
  const log = createLogger(config.logLevel);
  if (!config.databasePublicUrl) throw new Error('jichi serve --role public needs DATABASE_PUBLIC_URL (a login that is a member of jichi_public)');
  if (process.env.JICHI_MY_NUMBER_KEYS || process.env.JICHI_MY_NUMBER_INDEX_KEY) {
    throw new Error('the public side must not hold 個人番号 keys: unset JICHI_MY_NUMBER_KEYS and JICHI_MY_NUMBER_INDEX_KEY');
  }
  if (!config.residentOidc) log.warn('RESIDENT_OIDC_ISSUER is not set: residents cannot sign in on this public side');
  useAppRole('jichi_public');
  const db = await openPublicDatabase(config.databasePublicUrl);
  const services = createServices(db, config);
  const app = createApp(services, { config, log, role: 'public' });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  log.info({ role: 'public', database: db.describe }, 'ready');
  out.write(`Jichi public side is running: ${url} (住民ポータル /portal, 手続案内 /guide, 証明書の照合 /verify)\n`);
  let stopping: Promise<void> | undefined;
  return {
    url,
    stop() {
      stopping ??= new Promise<void>((resolve) => server.close(() => resolve())).then(() => db.close());
      return stopping;
    },
  };
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry) {
  const running = await startServer();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => { void running.stop().then(() => process.exit(0)); });
  }
}
