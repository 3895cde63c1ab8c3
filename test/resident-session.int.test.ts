// SPDX-License-Identifier: EUPL-1.2
/**
 * Resident sign-in through a real OpenID Connect provider (the demo provider, `oidc-provider`, on an ephemeral port),
 * matching by 基本4情報, the resident session (CSRF, sign-out, idle and absolute timeouts) and its separation from
 * staff sessions and from other municipalities (issue #14).
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { matchResidentPerson } from '../src/domains/registry/index.ts';
import { RESIDENT_TEST_MUNICIPALITY as SHIOJIRI, useResidentTestApp } from './resident-session.ts';

const SHINJUKU = '131041';
const t = useResidentTestApp();

const accessLog = (code = SHIOJIRI) => withTenant(t.services.db, code, (trx) => t.services.accessLog.list(trx, { limit: 50 }));
const sessionRows = () => sql<{ residentId: string; personId: string | null; unmatchedReason: string | null; assurance: string }>`
  SELECT resident_id AS "residentId", person_id AS "personId", unmatched_reason AS "unmatchedReason", assurance FROM platform.resident_session`.execute(t.services.db.owner);

describe('resident sign-in through the identity provider', () => {
  it('signs the 世帯主 in, matches them to one registry person and lands on マイページ', async () => {
    const head = await t.signIn('head-1');
    expect(head.cookie).toMatch(/^jichi_resident=202151\./);
    expect(head.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const page = await head.get('/portal/my');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`${head.account.familyName}　${head.account.givenName} さん`);
    expect(html).toContain('住民記録と照合できました');
    expect(html).toContain('あなたは世帯主です');
    expect(html).toContain('マイナンバーカード（デモ）');
    // No internal keys on the page.
    expect(html).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);

    const log = await accessLog();
    const match = log.find((e) => e.action === 'registry.person.match');
    expect(match).toMatchObject({ actorType: 'resident', subjectType: 'person', outcome: 'ok' });
    expect(log.find((e) => e.action === 'resident.login')).toMatchObject({ actorType: 'resident', actorId: match!.actorId, purpose: 'matched' });
    const rows = (await sessionRows()).rows.filter((r) => r.residentId === match!.actorId);
    expect(rows.at(-1)).toMatchObject({ personId: match!.subjectId, unmatchedReason: null, assurance: 'urn:jichi:demo:mynumbercard' });
  });

  it('matches another member of the household, who is not the 世帯主', async () => {
    const member = await t.signIn('member-1');
    const html = await (await member.get('/portal/my')).text();
    expect(html).toContain('住民記録と照合できました');
    expect(html).not.toContain('あなたは世帯主です');
  });

  it('keeps one account per provider subject across sign-ins', async () => {
    await t.signIn('head-2');
    await t.signIn('head-2');
    const ids = (await accessLog()).filter((e) => e.action === 'resident.login').slice(0, 2).map((e) => e.actorId);
    expect(ids[0]).toBe(ids[1]);
  });

  it('signs in a person the registry does not know, unmatched, and says why', async () => {
    const visitor = await t.signIn('visitor');
    const html = await (await visitor.get('/portal/my')).text();
    expect(html).toContain('一致する住民記録が見つかりませんでした');
    expect(html).not.toContain('照合できました');
    expect((await accessLog())[0]).toMatchObject({ action: 'resident.login', purpose: 'not-found' });
  });

  it('signs a resident of 塩尻市 in to another municipality unmatched (its registry is not 塩尻市\'s)', async () => {
    await t.tenant(SHINJUKU);
    const elsewhere = await t.signIn('head-1', { municipality: SHINJUKU });
    expect(elsewhere.cookie).toMatch(/^jichi_resident=131041\./);
    expect(await (await elsewhere.get('/portal/my')).text()).toContain('一致する住民記録が見つかりませんでした');
    expect((await accessLog(SHINJUKU)).find((e) => e.action === 'registry.person.match')).toBeUndefined();
  });

  it('does not take a session of one municipality for another (cookie edited)', async () => {
    const head = await t.signIn('head-1');
    const forged = head.cookie.replace('jichi_resident=202151.', 'jichi_resident=131041.');
    const res = await t.app.request('/portal/my', { headers: { cookie: forged } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/portal/login?next=%2Fportal%2Fmy');
  });

  it('refuses a cancelled sign-in at the provider, logs it, and opens no session', async () => {
    const browser = t.browser();
    const res = await browser.signIn(undefined, SHIOJIRI);
    expect(res.status).toBe(401);
    expect(browser.cookie('jichi_resident')).toBeUndefined();
    expect((await accessLog())[0]).toMatchObject({ action: 'resident.login', outcome: 'denied', purpose: 'oidc-provider-error' });
  });

  it('refuses a callback whose state was tampered with', async () => {
    const browser = t.browser();
    const res = await browser.signIn(t.account('head-1').subject, SHIOJIRI, (url) => url.replace(/state=([^&]+)/, 'state=$1x'));
    expect(res.status).toBe(400);
    expect(browser.cookie('jichi_resident')).toBeUndefined();
  });

  it('refuses a callback without a started sign-in', async () => {
    const res = await t.app.request('/portal/callback?code=x&state=y', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('ログイン手続の有効期限が切れたか、開始されていません');
  });

  it('refuses to start for an unknown or not onboarded municipality', async () => {
    expect((await t.app.request('/portal/login?municipality=202150', { headers: { accept: 'text/html' } })).status).toBe(400);
    expect((await t.app.request('/portal/login?municipality=011002', { headers: { accept: 'text/html' } })).status).toBe(404);
  });
});

describe('the resident session', () => {
  it('sends a visitor without a session to sign in, and back to the page afterwards', async () => {
    const res = await t.app.request('/portal/my');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/portal/login?next=%2Fportal%2Fmy');
  });

  it('is not a staff session, and a staff session is not a resident session', async () => {
    const head = await t.signIn('head-1');
    const consoleRes = await head.get('/console');
    expect(consoleRes.status).toBe(303);
    expect(consoleRes.headers.get('location')).toMatch(/^\/login/);
    const staff = await t.login(SHIOJIRI, (await t.staff(SHIOJIRI, ['counter'])).loginId);
    const res = await staff.request('GET', '/portal/my');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/portal\/login/);
  });

  it('signs out only with the session\'s CSRF token, and the cookie stops working', async () => {
    const head = await t.signIn('head-1');
    const forged = await head.post('/portal/logout', { _csrf: 'wrong' });
    expect(forged.status).toBe(403);
    expect((await head.get('/portal/my')).status).toBe(200);
    const out = await head.post('/portal/logout');
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/portal?signedOut');
    const after = await t.app.request('/portal/my', { headers: { cookie: head.cookie } });
    expect(after.status).toBe(303);
    expect((await accessLog())[0]).toMatchObject({ action: 'resident.logout', actorType: 'resident' });
  });

  it('ends after the idle timeout and after the absolute lifetime', async () => {
    const idle = await t.signIn('member-1');
    await sql`UPDATE platform.resident_session SET last_seen_at = now() - interval '31 minutes'`.execute(t.services.db.owner);
    expect((await idle.get('/portal/my')).status).toBe(303);
    const old = await t.signIn('member-1');
    await sql`UPDATE platform.resident_session SET expires_at = now() - interval '1 second'`.execute(t.services.db.owner);
    expect((await old.get('/portal/my')).status).toBe(303);
    expect(await t.services.residentSessions.purgeStale(SHIOJIRI)).toBeGreaterThanOrEqual(1);
  });
});

describe('matching by 基本4情報', () => {
  const tenant = { code: SHIOJIRI, prefectureName: '長野県', name: '塩尻市' };
  const match = (attrs: Parameters<typeof matchResidentPerson>[1]) =>
    withTenant(t.services.db, SHIOJIRI, (trx) => matchResidentPerson(trx, attrs, tenant));
  const base = () => {
    const a = t.account('head-2');
    return { familyName: a.familyName, givenName: a.givenName, birthDate: a.birthDate, sex: a.sex, address: a.address };
  };

  it('matches with the name in one string, with or without the space, and the address with or without the municipality', async () => {
    const { familyName, givenName, ...rest } = base();
    for (const name of [`${familyName}　${givenName}`, `${familyName}${givenName}`]) {
      expect((await match({ ...rest, name })).matched).not.toBeNull();
    }
    expect((await match({ ...base(), address: base().address.replace('長野県塩尻市', '') })).matched).not.toBeNull();
  });

  it('never normalises the name: another character of the same reading does not match', async () => {
    const b = base();
    const other = b.familyName.replace(/./, (ch) => (ch === '高' ? '髙' : ch === '斉' ? '齊' : String.fromCodePoint(ch.codePointAt(0)! + 1)));
    expect(await match({ ...b, familyName: other })).toEqual({ matched: null, reason: 'not-found' });
    expect(await match({ ...b, familyName: ` ${b.familyName}` })).toEqual({ matched: null, reason: 'not-found' });
  });

  it('does not match on a different birth date, sex or address, or without all four', async () => {
    const b = base();
    expect((await match({ ...b, birthDate: '1901-01-01' })).matched).toBeNull();
    expect((await match({ ...b, sex: b.sex === 'male' ? 'female' : 'male' })).matched).toBeNull();
    expect((await match({ ...b, address: `${b.address}の2` })).matched).toBeNull();
    expect(await match({ ...b, address: undefined })).toEqual({ matched: null, reason: 'missing-attributes' });
    expect(await match({ ...b, birthDate: '昭和50年1月1日' })).toEqual({ matched: null, reason: 'missing-attributes' });
  });
});
