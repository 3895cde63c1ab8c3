// SPDX-License-Identifier: EUPL-1.2
/**
 * 管理 → エラー・アラート一覧 (標準仕様書 §11; issue #13): the catalogue of every registry error and alert on the console, in
 * Japanese and English, filterable by level, linked from 管理; staff outside the registry and administration are refused.
 */
import { describe, expect, it } from 'vitest';
import { REGISTRY_MESSAGES } from '../src/domains/registry/messages/registry-messages.ts';
import { useTestApp } from './test-app.ts';
import { consoleSessions } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get } = consoleSessions(t, CODE);

describe('エラー・アラート一覧 (console)', () => {
  it('lists every code of the catalogue with level and message, in Japanese and in English', async () => {
    const admin = await signIn(['admin']);
    expect(await (await get(admin, '/console/admin')).text()).toContain('href="/console/admin/messages">エラー・アラート一覧');
    const res = await get(admin, '/console/admin/messages');
    expect(res.status).toBe(200);
    const page = await res.text();
    const errors = REGISTRY_MESSAGES.filter((m) => m.level === 'error').length;
    expect(page).toContain(`${REGISTRY_MESSAGES.length}件（エラー ${errors}件・アラート ${REGISTRY_MESSAGES.length - errors}件）`);
    for (const m of REGISTRY_MESSAGES) expect(page, m.code).toContain(`id="code-${m.code}" data-level="${m.level}"`);
    expect(page).toMatch(/id="code-self-approval" data-level="error"><td[^>]*><span[^>]*>エラー<\/span><\/td><td[^>]*>自分が入力した異動を決裁することはできません/);
    expect(page).toContain('エラー項目一覧」「アラート項目一覧」は入手できていない');

    const en = await (await get(admin, '/console/admin/messages', { cookie: `${admin.cookie}; lang=en` })).text();
    expect(en).toContain('Errors and alerts');
    expect(en).toMatch(/id="code-self-approval" data-level="error"><td[^>]*><span[^>]*>Error<\/span><\/td><td[^>]*>You cannot approve a change you entered yourself/);
  });

  it('filters by level; an unknown level shows all', async () => {
    const clerk = await signIn(['counter']);
    const alerts = await (await get(clerk, '/console/admin/messages?level=alert')).text();
    expect(alerts).toContain('data-level="alert"');
    expect(alerts).not.toContain('data-level="error"');
    const all = await (await get(clerk, '/console/admin/messages?level=%3Cscript%3E')).text();
    expect(all).toContain('data-level="error"');
    expect(all).not.toContain('<script>');
  });

  it('refuses staff outside the registry and administration', async () => {
    const daycare = await signIn(['daycare']);
    expect((await get(daycare, '/console/admin/messages')).status).toBe(403);
    expect((await t.app.request('/console/admin/messages')).status).toBe(303);
  });
});
