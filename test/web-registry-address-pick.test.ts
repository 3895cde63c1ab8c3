// SPDX-License-Identifier: EUPL-1.2
/**
 * The address pick of the change forms (issue #13, spec §1.3.3, §1.1.17): 転入 shows the pick for 従前の住所 and 本籍
 * (郵便番号, 都道府県・市区町村 from the national datalist with readings, 町字, 番地以下) and the 住所's 郵便番号; a
 * picked address is recorded structured beside the text; an unknown 市区町村 is refused at its field, nothing recorded.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get, post } = consoleSessions(t, CODE);
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const hidden = (html: string, name: string) => unescape(new RegExp(`name="${name}" value="([^"]*)"`).exec(html)![1]!);
let clerk: Session;

const moveIn = {
  occurredOn: '令和7年4月1日', notifier: '本人', townName: '大字広丘野村', banchi: '3番地', katagaki: '',
  'pa-postal': '100-0013', 'pa-city': '東京都千代田区', 'pa-town': '霞が関一丁目', 'pa-rest': '１番１号',
  'p0-residentKind': 'japanese', 'p0-familyName': '辞書', 'p0-givenName': '花子', 'p0-familyNameKana': 'ジショ', 'p0-givenNameKana': 'ハナコ',
  'p0-birthDate': '昭和55年1月1日', 'p0-sex': 'female', 'p0-relationship': '世帯主', 'p0-honseki': '長野県塩尻市大字広丘野村３番地',
  'p0-hon-city': '長野県塩尻市', 'p0-hon-town': '大字広丘野村', 'p0-hon-rest': '３番地',
};

beforeAll(async () => {
  clerk = await signIn(['counter']);
  await t.services.registry.loadNationalAddresses('131016', { towns: fs.readFileSync('test/fixtures/addresses/mt_town_city131016-sample.csv', 'utf8'),
    postal: fs.readFileSync('test/fixtures/addresses/ken_all-sample.csv', 'utf8'), source: 'sample' });
});

describe('address pick on the change forms', () => {
  it('shows the pick (postal code, 市区町村 with readings, 町字) for 従前の住所 and 本籍, in Japanese and English', async () => {
    const html = await (await get(clerk, '/console/registry/changes/move-in')).text();
    expect(html).toContain('data-testid="pick-pa"');
    expect(html).toContain('data-testid="pick-p0-hon"');
    expect(html).toContain('従前の住所の郵便番号・市区町村・町字（住所辞書）');
    expect(html).toMatch(/<option value="東京都千代田区" label="ちよだく" data-code="131016">/);
    expect(html).toMatch(/<option value="神奈川県横浜市鶴見区" label="よこはましつるみく"/);
    expect(html).toContain('id="postalCode"');
    const en = await (await get(clerk, '/console/registry/changes/move-in', { cookie: `${clerk.cookie}; lang=en` })).text();
    expect(en).toContain('Previous address: postal code, municipality and town (address dictionary)');
  });

  it('records the picked 従前の住所 and 本籍 structured beside the text, with postal codes and the 住所コード', async () => {
    const confirm = await post(clerk, '/console/registry/changes/move-in', { _csrf: clerk.csrf, step: 'confirm', ...moveIn, previousAddress: '' });
    const html = await confirm.text();
    expect(confirm.status, html.match(/data-testid="error-summary"[\s\S]{0,400}/)?.[0]).toBe(200);
    const res = await post(clerk, '/console/registry/changes/move-in', { _csrf: clerk.csrf, step: 'record', form: hidden(html, 'form'), _idem: hidden(html, '_idem') });
    expect(res.status).toBe(303);
    const changeId = res.headers.get('location')!.split('/').pop()!.split('?')[0]!;
    const snap = await withTenant(t.services.db, CODE, (trx) => trx.selectFrom('registry.personSnapshot').select('record').where('changeId', '=', changeId).executeTakeFirstOrThrow());
    const r = snap.record as Record<string, any>;
    // Left empty, the text is the picked address as typed.
    expect(r.previousAddress).toBe('東京都千代田区霞が関一丁目１番１号');
    expect(r.previousAddressDetail).toMatchObject({ municipalityCode: '131016', townCode: '0002001', postalCode: '1000013', addressCode: '13101002001', rest: '１番１号' });
    expect(r.honseki).toBe('長野県塩尻市大字広丘野村３番地');
    expect(r.honsekiDetail).toMatchObject({ municipalityCode: CODE, townName: '大字広丘野村', postalCode: '3990702', postalSource: 'master' });
    expect(r.address.postalCode).toBe('3990702');
  });

  it('refuses an unknown 市区町村 and a wrong postal code at their fields, recording nothing', async () => {
    const count = () => withTenant(t.services.db, CODE, async (trx) => Number((await trx.selectFrom('registry.change').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n));
    const before = await count();
    const city = await post(clerk, '/console/registry/changes/move-in', { _csrf: clerk.csrf, step: 'confirm', ...moveIn, 'pa-city': '東京都どこか区' });
    const cityHtml = await city.text();
    expect(city.status).toBe(400);
    expect(cityHtml).toMatch(/id="pa-city-error"[^>]*>都道府県・市区町村が一覧にありません/);
    const postal = await post(clerk, '/console/registry/changes/move-in', { _csrf: clerk.csrf, step: 'confirm', ...moveIn, 'pa-postal': '104-0061' });
    const postalHtml = await postal.text();
    expect(postal.status).toBe(422);
    expect(postalHtml).toMatch(/id="pa-postal-error"[^>]*>郵便番号がその市区町村・町字の郵便番号と一致しません/);
    expect(await count()).toBe(before);
  });
});
