// SPDX-License-Identifier: EUPL-1.2
/** The whole application over a fresh test database, with factories and an HTTP client that keeps cookies. */
import { afterAll, beforeAll } from 'vitest';
import { createApp, type AppOptions } from '../src/app.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createServices, type Services } from '../src/services.ts';
import type { Role } from '../src/platform/auth/permissions.ts';
import { openTestDatabase } from './test-database.ts';
import { demoAddressFiles, demoResidentCodeAllotment } from '../src/domains/registry/index.ts';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

/** A signed-in API client for one staff member. */
export interface Client {
  csrfToken: string;
  staffId: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** A request with a body sent as it is (malformed JSON, other types). */
  send(method: string, path: string, body: string | undefined, headers?: Record<string, string>): Promise<Response>;
}

export interface TestApp {
  services: Services;
  app: ReturnType<typeof createApp>;
  /** Onboards a municipality (idempotent). */
  tenant(code: string): Promise<void>;
  /** Creates a staff member with the given roles; returns their login id. */
  staff(code: string, roles: Role[], loginId?: string): Promise<{ loginId: string; staffId: string }>;
  /** Signs in and returns a client that sends the session cookie and CSRF token. */
  login(code: string, loginId: string, password?: string): Promise<Client>;
  /** A client without a session. */
  anonymous(): Client;
  /** Rebuilds the app with more configuration (e.g. the residents' identity provider, test/resident-session.ts). */
  configure(config: Partial<AppOptions['config']>): void;
}

/** Sets up a test app for the current test file (closed after the file). */
export function useTestApp(): TestApp {
  const holder = {} as { services: Services; app: ReturnType<typeof createApp>; drop(): Promise<void> };
  let n = 0;
  beforeAll(async () => {
    const db = await openTestDatabase();
    holder.services = createServices(db, { sessionIdleSeconds: 3600, sessionMaxSeconds: 8 * 3600 });
    await holder.services.tenants.loadReferenceData();
    holder.app = createApp(holder.services, { config: { publicUrl: 'http://127.0.0.1' }, log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
    holder.drop = db.drop;
  });
  afterAll(async () => holder.drop?.());

  const client = (cookie?: string, csrfToken = '', staffId = ''): Client => ({
    csrfToken, staffId,
    request: async (method, path, body, headers = {}) => holder.app.request(path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(cookie ? { cookie } : {}),
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    send: async (method, path, body, headers = {}) => holder.app.request(path, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}), ...headers },
      body,
    }),
  });

  return {
    get services() { return holder.services; },
    get app() { return holder.app; },
    async tenant(code) {
      if (await holder.services.tenants.isOnboarded(code)) return;
      await holder.services.tenants.onboard(code);
      // The 住民票コード the 住基ネット would have allotted (new residents draw from this stock).
      await holder.services.registry.loadResidentCodes(code, demoResidentCodeAllotment(code, 3000), '2026-04-01', 'test');
      // The address masters, as the demo seed loads them (塩尻市 only; other test municipalities have none).
      const files = demoAddressFiles(code);
      if (files) await holder.services.registry.loadAddressMaster(code, files, 'test');
    },
    async staff(code, roles, loginId = `user${++n}-${roles.join('-')}`) {
      await this.tenant(code);
      const { staffId } = await holder.services.identity.addStaff({ type: 'operator', id: 'test' }, code,
        { loginId, displayName: `テスト 職員${n}`, roles, password: TEST_PASSWORD }, { clientIp: '', requestId: 'test' });
      return { loginId, staffId };
    },
    async login(code, loginId, password = TEST_PASSWORD) {
      const res = await client().request('POST', '/api/v1/sessions', { municipalityCode: code, loginId, password });
      if (res.status !== 201) throw new Error(`login failed: ${res.status} ${await res.text()}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      const body = (await res.json()) as { csrfToken: string; staffId: string };
      return client(cookie, body.csrfToken, body.staffId);
    },
    anonymous: () => client(),
    configure(config) {
      holder.app = createApp(holder.services, { config: { publicUrl: 'http://127.0.0.1', ...config }, log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
    },
  };
}
