// SPDX-License-Identifier: EUPL-1.2
// The national address dictionary and postal codes of the four addresses (issue #13; spec §1.1.17, §1.3.3): the pick
// 都道府県 → 市区町村 (全国地方公共団体コード) → 町字 (any municipality whose ABR 町字マスター is loaded) with the 11-digit
// 住所コード; structured 本籍・転入前住所・転出先 kept beside the text as entered, with a 郵便番号 from the master or
// entered; refusals in Japanese with stable codes, nothing written.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { japanToday } from '../registry.service.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { withTenant } from '../../../platform/tenancy/tenant-transaction.ts';
import { createRegistryCsvService } from '../csv/registry-csv.service.ts';
import { CSV_COLUMNS } from '../csv/registry-csv-format.ts';
import { createMyNumberCipher } from '../numbers/my-number-cipher.ts';
import { loadMyNumberKeys } from '../registry.config.ts';
import { readCsvRecords } from '../csv/registry-csv-format.ts';

const M = '202151';
const CHIYODA = '131016';
const ABR = fs.readFileSync('test/fixtures/addresses/mt_town_city131016-sample.csv', 'utf8');
const KEN_ALL = fs.readFileSync('test/fixtures/addresses/ken_all-sample.csv', 'utf8');

describe('national address dictionary and postal codes of the four addresses', () => {
  const t = useTestApp();
  let counter: Client, approver: Client;
  let today: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  type Detail = { postalCode: string | null; postalSource: string | null; prefectureCode: string | null; prefectureName: string; municipalityCode: string | null;
    municipalityName: string; townCode: string | null; townName: string; rest: string; addressCode: string | null };
  type Person = { honseki: string; previousAddress: string; destination: string | null; address: { postalCode: string | null; addressCode: string | null };
    honsekiDetail: Detail | null; previousAddressDetail: Detail | null; destinationDetail: Detail | null; householdId: string };
  const changes = () => withTenant(t.services.db, M, async (trx) => Number((await trx.selectFrom('registry.change').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n));
  const approve = async (res: Response) => {
    if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
    const body = await json<{ changeId: string; personIds: string[] }>(res);
    expect((await approver.request('POST', `/api/v1/changes/${body.changeId}/approvals`)).status).toBe(201);
    return body;
  };

  const versions = async (personId: string) => {
    const { householdId } = await json<{ householdId: string }>(await counter.request('GET', `/api/v1/persons/${personId}`));
    const h = await json<{ version: number }>(await counter.request('GET', `/api/v1/households/${householdId}`));
    return { [householdId]: h.version };
  };

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    const mk = async (code: string, roles: Parameters<typeof t.staff>[1]) => t.login(code, (await t.staff(code, roles)).loginId);
    counter = await mk(M, ['counter']);
    approver = await mk(M, ['approver']);
    // 千代田区 is not served here: its 町字 go into the national dictionary only.
    const r = await t.services.registry.loadNationalAddresses(CHIYODA, { towns: ABR, postal: KEN_ALL, source: 'mt_town_city131016.csv' });
    expect(r).toMatchObject({ towns: 4, withPostalCode: 4 });
    expect(await t.services.tenants.isOnboarded(CHIYODA)).toBe(false);
  });

  it('picks 都道府県 → 市区町村 → 町字 with kana prefixes, gives the 11-digit 住所コード, and finds postal codes nationally', async () => {
    const prefs = await json<{ items: Array<{ code: string; name: string }> }>(await counter.request('GET', '/api/v1/registry-address-dictionary/prefectures'));
    expect(prefs.items).toHaveLength(47);
    expect(prefs.items).toContainEqual(expect.objectContaining({ code: '13', name: '東京都' }));
    const munis = await json<{ items: Array<{ code: string; name: string; townsLoaded: boolean }> }>(
      await counter.request('GET', `/api/v1/registry-address-dictionary/prefectures/13/municipalities?prefix=${encodeURIComponent('ちよだ')}`));
    expect(munis.items).toEqual([expect.objectContaining({ code: CHIYODA, name: '千代田区', townsLoaded: true })]);
    const nagano = await json<{ items: Array<{ code: string; townsLoaded: boolean }> }>(await counter.request('GET', '/api/v1/registry-address-dictionary/prefectures/20/municipalities'));
    expect(nagano.items.find((m) => m.code === M)?.townsLoaded).toBe(true);
    expect(nagano.items.find((m) => m.code === '202011')?.townsLoaded).toBe(false); // 長野市: no 町字 loaded, text only
    const towns = await json<{ loaded: boolean; items: Array<Record<string, unknown>> }>(
      await counter.request('GET', `/api/v1/registry-address-dictionary/municipalities/${CHIYODA}/towns?prefix=${encodeURIComponent('かすみ')}`));
    // 住所コード = 市区町村コード 13101 + 大字 002 + 小字 001 (町字ID 0002001).
    expect(towns.items).toEqual([{ code: '0002001', name: '霞が関一丁目', kana: 'カスミガセキイッチョウメ', postalCode: '1000013', addressCode: '13101002001' }]);
    const own = await json<{ items: Array<{ name: string; addressCode: string | null }> }>(await counter.request('GET', `/api/v1/registry-address-dictionary/municipalities/${M}/towns`));
    expect(own.items.find((x) => x.name === '大字広丘野村')?.addressCode).toMatch(/^20215\d{6}$/);
    const postal = await json<{ items: Array<Record<string, unknown>> }>(await counter.request('GET', '/api/v1/registry-address-dictionary/postal-codes/100-0013'));
    expect(postal.items).toEqual([expect.objectContaining({ prefectureName: '東京都', municipalityCode: CHIYODA, municipalityName: '千代田区', areaName: '霞が関' })]);
    const bad = await counter.request('GET', '/api/v1/registry-address-dictionary/postal-codes/12345');
    expect(bad.status).toBe(422);
    expect((await json(bad)).code).toBe('invalid-postal-code');
    expect((await counter.request('GET', '/api/v1/registry-address-dictionary/postal-codes/9999999')).status).toBe(404);
    const noMuni = await counter.request('GET', '/api/v1/registry-address-dictionary/municipalities/999999/towns');
    expect(noMuni.status).toBe(422);
    expect(await json(noMuni)).toMatchObject({ code: 'unknown-municipality', title: expect.stringContaining('全国地方公共団体コード') });
  });

  it('keeps structured 本籍, 転入前住所 and 転出先 with postal codes beside the text; 住所 gets its 町字\'s; the history, the API and the CSV carry them', async () => {
    const move = await approve(await counter.request('POST', '/api/v1/changes', {
      kind: 'move-in', occurredOn: addDays(today, -2), previousAddress: '東京都千代田区霞が関一丁目１番１号',
      previousAddressDetail: { municipalityCode: CHIYODA, townCode: '0002001', rest: '１番１号' },
      address: { townName: '大字広丘野村', banchi: '1番地' },
      persons: [newPerson(901, '世帯主', '1980-01-01', { honseki: '長野県塩尻市大字広丘野村１番地', honsekiDetail: { municipalityCode: M, townCode: undefined, postalCode: '３９９－０７０２', rest: '大字広丘野村１番地' } })],
    }));
    const id = move.personIds[0]!;
    const p = await json<Person>(await counter.request('GET', `/api/v1/persons/${id}`));
    // The text as entered stays the legal value.
    expect(p.previousAddress).toBe('東京都千代田区霞が関一丁目１番１号');
    expect(p.honseki).toBe('長野県塩尻市大字広丘野村１番地');
    expect(p.address).toMatchObject({ postalCode: '3990702', addressCode: expect.stringMatching(/^20215\d{6}$/) });
    expect(p.previousAddressDetail).toEqual({ postalCode: '1000013', postalSource: 'master', prefectureCode: '13', prefectureName: '東京都', municipalityCode: CHIYODA,
      municipalityName: '千代田区', townCode: '0002001', townName: '霞が関一丁目', rest: '１番１号', addressCode: '13101002001' });
    expect(p.honsekiDetail).toMatchObject({ postalCode: '3990702', postalSource: 'entered', prefectureName: '長野県', municipalityName: '塩尻市', townCode: null, addressCode: null });

    // 転出 to a municipality without a loaded 町字 master: 都道府県・市区町村 from the national list, postal code entered.
    await approve(await counter.request('POST', '/api/v1/changes', { kind: 'move-out', occurredOn: addDays(today, 3), personIds: [id], expectedVersions: await versions(id),
      destination: '北海道札幌市中央区北一条西二丁目', destinationDetail: { municipalityCode: '011011', postalCode: '060-0001', rest: '北一条西二丁目' } }));
    const out = await json<Person>(await counter.request('GET', `/api/v1/persons/${id}`));
    expect(out.destination).toBe('北海道札幌市中央区北一条西二丁目');
    expect(out.destinationDetail).toMatchObject({ postalCode: '0600001', postalSource: 'entered', prefectureName: '北海道', municipalityName: '中央区', townCode: null });

    const history = await json<{ items: Array<{ changes: Array<{ item: string; after: string }> }> }>(await counter.request('GET', `/api/v1/persons/${id}/history`));
    const items = history.items.flatMap((h) => h.changes);
    expect(items).toContainEqual({ item: 'previousAddressPostalCode', before: '', after: '〒100-0013' });
    expect(items).toContainEqual({ item: 'addressPostalCode', before: '', after: '〒399-0702' });
    expect(items).toContainEqual(expect.objectContaining({ item: 'destinationPostalCode', after: '〒060-0001' }));

    let text = '';
    await createRegistryCsvService({ db: t.services.db, cipher: createMyNumberCipher(loadMyNumberKeys({})), clock: t.services.clock }).exportCsv(M, (c) => { text += c; }, { includeRemoved: true });
    const rows: string[][] = [];
    for await (const r of readCsvRecords((async function* () { yield Buffer.from(text); })())) rows.push(r.fields);
    const at = (c: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(c);
    const row = rows.find((r) => r[at('転入前住所')] === '東京都千代田区霞が関一丁目１番１号')!;
    expect([row[at('住所_郵便番号')], row[at('本籍_郵便番号')], row[at('転入前住所_郵便番号')], row[at('転出先住所_郵便番号')]]).toEqual(['3990702', '3990702', '1000013', '0600001']);
  });

  it('corrects 本籍 with a new structure, drops the old structure when only the text changes', async () => {
    const move = await approve(await counter.request('POST', '/api/v1/changes', {
      kind: 'move-in', occurredOn: addDays(today, -2), previousAddress: '長野市', address: { townName: '大字大門', banchi: '2番地' },
      persons: [newPerson(902, '世帯主', '1980-01-01', { honsekiDetail: { municipalityCode: M, postalCode: '3990702' } })],
    }));
    const id = move.personIds[0]!;
    await approve(await counter.request('POST', '/api/v1/changes', { kind: 'ex-officio-correction', occurredOn: today, personId: id, expectedVersions: await versions(id),
      patch: { honseki: '東京都千代田区霞が関一丁目1番', honsekiDetail: { municipalityCode: CHIYODA, townCode: '0002001', rest: '1番' } } }));
    expect((await json<Person>(await counter.request('GET', `/api/v1/persons/${id}`))).honsekiDetail).toMatchObject({ townName: '霞が関一丁目', postalCode: '1000013', addressCode: '13101002001' });
    await approve(await counter.request('POST', '/api/v1/changes', { kind: 'clerical-correction', occurredOn: today, personId: id, expectedVersions: await versions(id), patch: { honseki: '東京都千代田区丸の内一丁目1番' } }));
    const after = await json<Person>(await counter.request('GET', `/api/v1/persons/${id}`));
    expect(after.honseki).toBe('東京都千代田区丸の内一丁目1番');
    expect(after.honsekiDetail).toBeNull();
  });

  it('refuses a wrong 市区町村, 町字 or postal code with a stable code, writing nothing', async () => {
    const before = await changes();
    const base = { kind: 'move-in', occurredOn: addDays(today, -1), previousAddress: '東京都千代田区', address: { townName: '大字大門', banchi: '3番地' } };
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ previousAddressDetail: { municipalityCode: '999999' } }, 'unknown-municipality', 'previousAddressDetail'],
      [{ previousAddressDetail: { municipalityCode: '130001' } }, 'unknown-municipality', 'previousAddressDetail'],
      [{ previousAddressDetail: { municipalityCode: CHIYODA, townCode: '0009999' } }, 'unknown-dictionary-town', 'previousAddressDetail'],
      [{ previousAddressDetail: { townCode: '0002001' } }, 'unknown-dictionary-town', 'previousAddressDetail'],
      [{ previousAddressDetail: { municipalityCode: CHIYODA, postalCode: '12-34' } }, 'invalid-postal-code', 'previousAddressDetail'],
      // 中央区's postal code is not one of 千代田区's.
      [{ previousAddressDetail: { municipalityCode: CHIYODA, townCode: '0002001', postalCode: '1040061' } }, 'postal-code-mismatch', 'previousAddressDetail'],
      [{ address: { townName: '大字大門', banchi: '3番地', postalCode: '1000013' } }, 'postal-code-mismatch', 'address.postalCode'],
      [{ address: { townName: '大字大門', banchi: '3番地', postalCode: 'abc' } }, 'invalid-postal-code', 'address.postalCode'],
    ];
    for (const [extra, code, field] of cases) {
      const res = await counter.request('POST', '/api/v1/changes', { ...base, ...extra, persons: [newPerson(903, '世帯主', '1980-01-01')] });
      expect(res.status, code).toBe(422);
      const body = await json(res);
      expect(body, JSON.stringify(extra)).toMatchObject({ code, field });
      expect(String(body.title)).toMatch(/[ぁ-んァ-ン一-龯]/);
    }
    const person = await counter.request('POST', '/api/v1/changes', { ...base, persons: [newPerson(904, '世帯主', '1980-01-01', { honsekiDetail: { prefectureCode: '99' } })] });
    expect(person.status).toBe(422);
    expect((await json(person)).code).toBe('unknown-municipality');
    expect(await changes()).toBe(before);
  });
});
