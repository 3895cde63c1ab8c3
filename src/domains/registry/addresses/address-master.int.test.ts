// SPDX-License-Identifier: EUPL-1.2
// The address masters through the API (issue #13; spec §1.1.17, §1.3.2–1.3.4): tables per municipality loaded from
// files, used by the change rules, read with kana prefixes and postal codes; 住居表示・地番 and 方書 kept by 決裁 or
// 管理者; refusals in Japanese with stable codes, nothing changed; other municipalities see nothing.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { japanToday } from '../registry.service.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { withTenant } from '../../../platform/tenancy/tenant-transaction.ts';

const M = '202151';
const TOKYO = '131016';
const ABR = fs.readFileSync('test/fixtures/addresses/mt_town_city131016-sample.csv', 'utf8');
const KEN_ALL = fs.readFileSync('test/fixtures/addresses/ken_all-sample.csv', 'utf8');

describe('address masters API', () => {
  const t = useTestApp();
  let counter: Client, approver: Client, admin: Client, tokyoCounter: Client, tokyoApprover: Client;
  let today: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  type Towns = { items: Array<{ code: string; name: string; kana: string; postalCode: string | null; abrMachiazaId: string | null }> };

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    const mk = async (code: string, roles: Parameters<typeof t.staff>[1]) => t.login(code, (await t.staff(code, roles)).loginId);
    counter = await mk(M, ['counter']);
    approver = await mk(M, ['approver']);
    admin = await mk(M, ['admin']);
    tokyoCounter = await mk(TOKYO, ['counter']);
    tokyoApprover = await mk(TOKYO, ['approver']);
  });

  it('serves the demo municipality\'s 町字 from its table, with postal codes from the loaded file', async () => {
    const towns = await json<Towns>(await counter.request('GET', '/api/v1/registry-towns'));
    expect(towns.items.length).toBeGreaterThan(20);
    expect(towns.items.find((x) => x.name === '大字広丘野村')).toMatchObject({ code: expect.stringMatching(/^\d{7}$/), postalCode: '3990702' });
    const rows = await withTenant(t.services.db, M, (trx) => trx.selectFrom('registry.town').select(['townCode']).execute());
    expect(rows.length).toBe(towns.items.length);
  });

  it('loads another municipality from the ABR 町字マスター and KEN_ALL: changes use the master, kana prefixes and postal codes find 町字', async () => {
    // Before the load the municipality has no master: addresses are not checked against one.
    expect((await json<Towns>(await tokyoCounter.request('GET', '/api/v1/registry-towns'))).items).toEqual([]);
    const r = await t.services.registry.loadAddressMaster(TOKYO, { towns: ABR, postal: KEN_ALL, source: 'mt_town_city131016.csv' }, 'test');
    expect(r).toMatchObject({ towns: 4, postalCodes: 4, withPostalCode: 4, withKana: 4 });
    const all = await json<Towns>(await tokyoCounter.request('GET', '/api/v1/registry-towns'));
    // 永田町 was abolished (ablt_date) and is not offered.
    expect(all.items.map((x) => x.name)).toEqual(['丸の内一丁目', '丸の内二丁目', '霞が関一丁目']);
    const kana = await json<Towns>(await tokyoCounter.request('GET', `/api/v1/registry-towns?prefix=${encodeURIComponent('かすみ')}`));
    expect(kana.items).toEqual([expect.objectContaining({ code: '0002001', name: '霞が関一丁目', kana: 'カスミガセキイッチョウメ', abrMachiazaId: '0002001', postalCode: '1000013' })]);

    const postal = await json<{ items: Array<{ areaName: string; town: { code: string } | null }> }>(await tokyoCounter.request('GET', '/api/v1/registry-postal-codes/100-0013'));
    expect(postal.items).toEqual([expect.objectContaining({ areaName: '霞が関', town: null })]);
    const catchAll = await json<{ items: Array<{ areaName: string }> }>(await tokyoCounter.request('GET', '/api/v1/registry-postal-codes/1000000'));
    expect(catchAll.items[0]!.areaName).toBe('（以下に掲載がない場合）');
    const bad = await tokyoCounter.request('GET', '/api/v1/registry-postal-codes/12345');
    expect(bad.status).toBe(422);
    expect(await json(bad)).toMatchObject({ code: 'invalid-postal-code', title: expect.stringContaining('7桁') });
    const unknown = await tokyoCounter.request('GET', '/api/v1/registry-postal-codes/3990702');
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).code).toBe('postal-code-not-found');

    // A 転入 to a listed 町字 by name records its ABR 町字ID; an unknown 町字 is refused; the abolished one too.
    const moveIn = (town: string, n: number) => tokyoCounter.request('POST', '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -1),
      address: { townName: town, banchi: '1番1号' }, persons: [newPerson(700 + n, '世帯主', '1980-01-01')] });
    const ok = await moveIn('霞が関一丁目', 1);
    expect(ok.status).toBe(201);
    const rec = await json<{ changeId: string; personIds: string[] }>(ok);
    const snap = await withTenant(t.services.db, TOKYO, (trx) => trx.selectFrom('registry.personSnapshot').select(['townCode', 'record']).where('changeId', '=', rec.changeId).executeTakeFirst());
    expect(snap!.townCode).toBe('0002001');
    for (const town of ['銀座一丁目', '永田町']) {
      const res = await moveIn(town, 2);
      expect(res.status).toBe(422);
      expect((await json(res)).code).toBe('unknown-town');
    }

    // Reloading without a 町字 marks it abolished (records keep the code); the list follows.
    const fewer = ABR.split('\n').filter((l) => !l.includes('0001002')).join('\n');
    expect((await t.services.registry.loadAddressMaster(TOKYO, { towns: fewer, source: 'reload' }, 'test')).abolished).toBe(1);
    expect((await json<Towns>(await tokyoCounter.request('GET', '/api/v1/registry-towns'))).items.map((x) => x.name)).toEqual(['丸の内一丁目', '霞が関一丁目']);
    // The other municipality's master is not visible here.
    expect((await json<Towns>(await counter.request('GET', `/api/v1/registry-towns?prefix=${encodeURIComponent('霞')}`))).items).toEqual([]);
  });

  it('keeps 住居表示 and 地番 per 町字 in numeric order; only 決裁 or 管理者 register; bad input changes nothing', async () => {
    const town = (await json<Towns>(await counter.request('GET', '/api/v1/registry-towns'))).items.find((x) => x.name === '大字広丘野村')!;
    const path = `/api/v1/registry-towns/${town.code}/address-numbers`;
    expect((await counter.request('POST', path, { kind: 'lot', labels: ['10番地'] })).status).toBe(403);
    const bad = await approver.request('POST', path, { kind: 'residence', labels: ['1番2号', '1234番地'] });
    expect(bad.status).toBe(422);
    expect(await json(bad)).toMatchObject({ code: 'invalid-address-number', title: expect.stringContaining('住居表示は「1番2号」') });
    expect((await json<{ items: unknown[] }>(await counter.request('GET', path))).items).toEqual([]);
    const add = await approver.request('POST', path, { kind: 'lot', labels: ['100番地', '20番地3', '３番地'] });
    expect(await json(add)).toEqual({ added: 3, total: 3 });
    // Safe to repeat: registered ones are kept.
    expect(await json(await admin.request('POST', path, { kind: 'lot', labels: ['100番地', '20番地'] }))).toEqual({ added: 1, total: 4 });
    const list = await json<{ items: Array<{ label: string; kind: string }> }>(await counter.request('GET', `${path}?kind=lot`));
    expect(list.items.map((x) => x.label)).toEqual(['3番地', '20番地', '20番地3', '100番地']);
    expect((await counter.request('GET', '/api/v1/registry-towns/9999999/address-numbers')).status).toBe(404);
    expect((await json(await counter.request('GET', '/api/v1/registry-towns/9999999/address-numbers'))).code).toBe('town-not-found');
  });

  it('keeps 方書 per 町字 and 番地; registering twice changes nothing; readings must be kana', async () => {
    const town = (await json<Towns>(await counter.request('GET', '/api/v1/registry-towns'))).items.find((x) => x.name === '大字大門')!;
    const path = `/api/v1/registry-towns/${town.code}/katagaki`;
    const body = { banchi: '1番1号', name: 'コーポ大門', nameKana: 'こーぽだいもん' };
    expect((await counter.request('POST', path, body)).status).toBe(403);
    const bad = await approver.request('POST', path, { ...body, nameKana: 'Daimon' });
    expect(bad.status).toBe(422);
    expect((await json(bad)).code).toBe('invalid-reading');
    const first = await approver.request('POST', path, body);
    expect(first.status).toBe(201);
    expect(await json(first)).toEqual({ banchi: '1番1号', name: 'コーポ大門', nameKana: 'コーポダイモン' });
    expect((await approver.request('POST', path, body)).status).toBe(200);
    expect((await json<{ items: unknown[] }>(await counter.request('GET', `${path}?banchi=${encodeURIComponent('1番1号')}`))).items).toEqual([
      { banchi: '1番1号', name: 'コーポ大門', nameKana: 'コーポダイモン' }]);
    expect((await json<{ items: unknown[] }>(await tokyoApprover.request('GET', path))).items ?? []).toEqual([]);
  });
});
