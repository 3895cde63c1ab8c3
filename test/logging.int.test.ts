// Structured logs never contain personal data or secrets: only ids, routes, statuses and codes.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createServices, type Services } from '../src/services.ts';
import { openTestDatabase } from './test-database.ts';

describe('request logs', () => {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  let services: Services;
  let app: ReturnType<typeof createApp>;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await openTestDatabase();
    drop = db.drop;
    services = createServices(db, { sessionIdleSeconds: 3600, sessionMaxSeconds: 3600 });
    await services.tenants.loadReferenceData();
    await services.tenants.onboard('202151');
    await services.identity.addStaff({ type: 'operator', id: 't' }, '202151', { loginId: 'yamada', displayName: '山田 秘密子', roles: ['admin'], password: 'a-secret-password-42' }, { clientIp: '', requestId: 't' });
    app = createApp(services, { config: { publicUrl: 'http://127.0.0.1' }, log: createLogger('info', sink) });
  });
  afterAll(async () => drop());

  it('logs each request with its id, route and status, and nothing personal', async () => {
    const wrong = await app.request('/api/v1/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ municipalityCode: '202151', loginId: 'yamada', password: 'a-wrong-password-99' }) });
    const ok = await app.request('/api/v1/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ municipalityCode: '202151', loginId: 'yamada', password: 'a-secret-password-42' }) });
    const cookie = ok.headers.get('set-cookie')!.split(';')[0]!;
    await app.request('/api/v1/staff?q=山田', { headers: { cookie } });
    const text = lines.join('');
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.some((e) => e.requestId === wrong.headers.get('x-request-id') && e.status === 401 && e.path === '/api/v1/sessions')).toBe(true);
    expect(entries.some((e) => e.code === 'invalid-credentials')).toBe(true);
    for (const secret of ['a-secret-password-42', 'a-wrong-password-99', '山田', '秘密子', cookie.split('=')[1]!]) {
      expect(text).not.toContain(secret);
    }
  });

  it('redacts personal-data keys even if a developer logs them', () => {
    const local: string[] = [];
    const log = createLogger('info', new Writable({ write(chunk, _e, done) { local.push(String(chunk)); done(); } }));
    log.info({ person: { name: '山田 太郎', myNumber: '123456789018', address: '塩尻市大門' }, personId: 'p-1' }, 'oops');
    const out = local.join('');
    expect(out).toContain('p-1');
    expect(out).not.toMatch(/山田|123456789018|大門/);
  });
});
