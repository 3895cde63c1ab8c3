// SPDX-License-Identifier: EUPL-1.2
/**
 * The internet side as `jichi serve --role public` runs it (issue #14): the app built with role 'public', every
 * transaction as the database role jichi_public. Staff screens and the API are absent; the portal, the guide and
 * the verify page work, and a resident signs in through the provider and reads their access history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createServices } from '../src/services.ts';
import { useAppRole } from '../src/platform/tenancy/tenant-transaction.ts';
import { RESIDENT_TEST_MUNICIPALITY as SHIOJIRI, TestBrowser, useResidentTestApp } from './resident-session.ts';

const t = useResidentTestApp();
let publicApp: ReturnType<typeof createApp>;

beforeAll(() => {
  // In production the login is a member of jichi_public only (DATABASE_PUBLIC_URL); here the owner connection, which
  // may become jichi_public (the derived jichi_app login of the test server may not).
  const services = createServices({ ...t.services.db, app: t.services.db.owner }, { sessionIdleSeconds: 3600, sessionMaxSeconds: 3600 });
  publicApp = createApp(services, {
    config: { publicUrl: 'http://127.0.0.1', residentOidc: { issuer: t.idp.issuer, clientId: t.idp.clientId, clientSecret: t.idp.clientSecret, label: 'ログイン' } },
    log: createLogger('silent'), role: 'public',
  });
  useAppRole('jichi_public');
});
afterAll(() => useAppRole('jichi_app'));

describe('the public side', () => {
  it.each(['/console', '/login', '/console/registry', '/api/v1/persons', '/api/v1/openapi.json', '/auth/oidc/start?municipality=202151'])('has no %s', async (path) => {
    expect((await publicApp.request(path)).status).toBe(404);
  });

  it.each(['/portal', '/guide', '/verify', '/healthz'])('serves %s', async (path) => {
    expect((await publicApp.request(path)).status).toBe(200);
  });

  it('signs a resident in as jichi_public, matches them and shows their access history', async () => {
    const browser = new TestBrowser((path, init) => publicApp.request(path, init));
    const end = await browser.signIn(t.account('head-1').subject, SHIOJIRI);
    expect(end.status).toBe(303);
    const my = await browser.fetch('/portal/my');
    expect(await my.text()).toContain('住民記録と照合できました');
    const history = await browser.fetch('/portal/my/access-history');
    expect(history.status).toBe(200);
    expect(await history.text()).toContain('ログイン時の本人確認');
  });
});
