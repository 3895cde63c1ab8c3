// 記載事項 options of a certificate (spec §5.1) and over-length values (§5.8), end to end over the real registry:
// the layout (municipality default, request's choice), omitting 国籍・地域 and the 30条の45区分, the 通称 history on
// request, each kept with the issued document so a 再交付 prints alike; the over-length alert before issue and on the
// issuance, recorded in the ledger.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/test-app.ts';
import { newPerson } from '../../../test/fixtures/registry/change-generator.ts';
import { pdfPageTexts, squash } from './testing/pdf-text.ts';
import { japanDay, toWareki } from '../../platform/dates/jp-date.ts';

const M = '202151';

describe('certificate options and over-length values (spec §5.1, §5.8)', () => {
  const t = useTestApp();
  let counter: Client, approver: Client, admin: Client;
  let today: string;
  let householdId: string;
  let head: string, foreigner: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  const pdfPages = async (res: Response) => pdfPageTexts(new Uint8Array(await res.arrayBuffer()));
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const ledger = async () => (await json<{ items: Array<Record<string, unknown>> }>(await counter.request('GET', '/api/v1/certificate-issuances?limit=1000'))).items;
  const version = async (h: string) => (await json<{ version: number }>(await counter.request('GET', `/api/v1/households/${h}`))).version;

  async function change(body: Record<string, unknown>) {
    const res = await counter.request('POST', '/api/v1/changes', body);
    expect(res.status, await res.clone().text()).toBe(201);
    const rec = await json<{ changeId: string; personIds: string[]; householdIds: string[] }>(res);
    expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    return rec;
  }
  const request = (extra: Record<string, unknown> = {}) => ({
    kind: 'residence-copy', householdId, requester: { type: 'self', personId: head, identityDocument: 'my-number-card' }, ...extra,
  });

  beforeAll(async () => {
    today = japanDay(new Date());
    const mk = async (roles: Parameters<typeof t.staff>[1]) => t.login(M, (await t.staff(M, roles)).loginId);
    counter = await mk(['counter']);
    approver = await mk(['approver']);
    admin = await mk(['admin']);
    await t.services.tenants.updateSettings(M, { mayorName: '塩尻　一郎' });
    const rec = await change({
      kind: 'move-in', occurredOn: daysAgo(60), previousAddress: '東京都新宿区西新宿2-8-1', address: { townName: '大字広丘野村', banchi: '1780番地', katagaki: '' },
      persons: [
        newPerson(1, '世帯主', '1975-04-01', { familyName: '髙橋', givenName: '一郎' }),
        { residentKind: 'foreign', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', romanName: 'NGUYEN THI MAI', birthDate: '1990-02-14', sex: 'female', relationship: '同居人',
          foreign: { nationality: 'ベトナム', category: '中長期在留者', residenceStatus: '技能実習', residencePeriod: '1年', residenceExpiry: '2026-09-30', residenceCardNo: 'AB12345678CD', foreignResidentSince: daysAgo(60) } },
      ],
    });
    householdId = rec.householdIds[0]!;
    [head, foreigner] = rec.personIds as [string, string];
    // 通称: entered, deleted, entered again (住基令30条の26, 30条の27).
    await change({ kind: 'alias', occurredOn: daysAgo(50), personId: foreigner, action: 'enter', alias: '山田　舞', aliasKana: 'ヤマダ　マイ', expectedVersions: { [householdId]: await version(householdId) } });
    await change({ kind: 'alias', occurredOn: daysAgo(30), personId: foreigner, action: 'delete', expectedVersions: { [householdId]: await version(householdId) } });
    await change({ kind: 'alias', occurredOn: daysAgo(20), personId: foreigner, action: 'enter', alias: '中村　舞', expectedVersions: { [householdId]: await version(householdId) } });
  });

  it('omits 国籍・地域 and the 30条の45区分 on request, prints the 通称 history when asked, and a 再交付 prints alike', async () => {
    // Default items: 国籍・地域 and the 区分 are printed, the 通称 history is not.
    const plain = (await pdfPages(await counter.request('POST', '/api/v1/certificates', request()))).join('');
    for (const v of ['国籍・地域', 'ベトナム', '第30条の45に規定する区分', '中長期在留者', '通称', '中村舞']) expect(plain).toContain(squash(v));
    expect(plain).not.toContain('山田舞');

    const items = ['householdHead', 'alias', 'aliasHistory'];
    const res = await counter.request('POST', '/api/v1/certificates', request({ items }));
    expect(res.status, await res.clone().text()).toBe(201);
    const issuanceId = res.headers.get('x-issuance-id')!;
    const text = (await pdfPages(res)).join('');
    for (const absent of ['国籍・地域', 'ベトナム', '第30条の45に規定する区分', '中長期在留者']) expect(text).not.toContain(absent);
    for (const v of [`${toWareki(daysAgo(50))}　長野県塩尻市で通称「山田　舞（ヤマダ　マイ）」を記載`, `${toWareki(daysAgo(30))}　長野県塩尻市で通称「山田　舞（ヤマダ　マイ）」を削除`,
      `${toWareki(daysAgo(20))}　長野県塩尻市で通称「中村　舞」を記載`]) expect(text).toContain(squash(v));
    expect((await ledger()).find((e) => e.issuanceId === issuanceId)).toMatchObject({ items });

    // The options are kept with the issued document: the 再交付 prints the same items.
    const again = await counter.request('POST', `/api/v1/certificate-issuances/${issuanceId}/prints`);
    expect(again.status).toBe(201);
    const reprint = (await pdfPages(again)).join('');
    expect(reprint).toContain(squash('再交付'));
    for (const absent of ['国籍・地域', 'ベトナム', '中長期在留者']) expect(reprint).not.toContain(absent);
    expect(reprint).toContain(squash(`${toWareki(daysAgo(30))}　長野県塩尻市で通称「山田　舞（ヤマダ　マイ）」を削除`));
  });

  it('prints the municipality\'s layout by default and the layout the request chooses, kept for the 再交付', async () => {
    // 世帯連記式 by default: both persons on one sheet.
    const household = await pdfPages(await counter.request('POST', '/api/v1/certificates', request()));
    expect(household).toHaveLength(1);
    // The request chooses 個人票: one person per sheet.
    const chosen = await counter.request('POST', '/api/v1/certificates', request({ layout: 'individual' }));
    expect(chosen.status).toBe(201);
    const chosenPages = await pdfPages(chosen);
    expect(chosenPages.length).toBe(2);
    expect(chosenPages[0]).toContain('髙橋');
    expect(chosenPages[1]).toContain('NGUYEN');
    // The municipality's default becomes 個人票 (administrators only; a counter clerk is refused and nothing changes).
    expect((await counter.request('PUT', '/api/v1/certificate-settings', { certificateLayout: 'individual' })).status).toBe(403);
    expect((await admin.request('PUT', '/api/v1/certificate-settings', { certificateLayout: 'sideways' })).status).toBe(400);
    expect((await pdfPages(await counter.request('POST', '/api/v1/certificates', request()))).length).toBe(1);
    const set = await admin.request('PUT', '/api/v1/certificate-settings', { certificateLayout: 'individual' });
    expect(set.status).toBe(200);
    expect(await json(set)).toMatchObject({ certificateLayout: 'individual' });
    const byDefault = await counter.request('POST', '/api/v1/certificates', request());
    const issuanceId = byDefault.headers.get('x-issuance-id')!;
    expect((await pdfPages(byDefault)).length).toBe(2);
    // …and the request may still ask for the 世帯連記式.
    expect((await pdfPages(await counter.request('POST', '/api/v1/certificates', request({ layout: 'household' })))).length).toBe(1);
    // Back to 世帯連記式: the 再交付 of the 個人票 issuance is still two 個人票 sheets.
    expect((await admin.request('PUT', '/api/v1/certificate-settings', { certificateLayout: 'household' })).status).toBe(200);
    expect((await pdfPages(await counter.request('POST', `/api/v1/certificate-issuances/${issuanceId}/prints`))).length).toBe(2);
    // A layout the standard does not know is refused, nothing issued.
    const before = (await ledger()).length;
    const bad = await counter.request('POST', '/api/v1/certificates', request({ layout: 'landscape' }));
    expect(bad.status).toBe(400);
    expect((await ledger()).length).toBe(before);
  });

  it('alerts the clerk to a value that does not fit before issue, and records it with the issuance', async () => {
    const long = `${'東京都千代田区霞が関二丁目一番二号中央合同庁舎第二号館'.repeat(5)}`;
    await change({ kind: 'move-in', occurredOn: daysAgo(5), previousAddress: long, address: { townName: '大字広丘野村', banchi: '1781番地', katagaki: '' },
      persons: [newPerson(7, '世帯主', '1980-01-01', { familyName: '長野', givenName: '太郎' })] }).then(async (rec) => {
      const body = { kind: 'residence-copy', householdId: rec.householdIds[0], requester: { type: 'self', personId: rec.personIds[0], identityDocument: 'my-number-card' } };
      const preview = await json<{ alerts: string[]; overflow: string[]; overflowMode: string }>(await counter.request('POST', '/api/v1/certificate-previews', body));
      expect(preview).toMatchObject({ overflow: ['前住所'], overflowMode: 'print-to-limit' });
      expect(preview.alerts).toContain('value-overflow');
      const res = await counter.request('POST', '/api/v1/certificates', body);
      expect(res.status).toBe(201);
      expect(res.headers.get('x-alerts')).toContain('value-overflow');
      const entry = (await ledger()).find((e) => e.issuanceId === res.headers.get('x-issuance-id'));
      expect(entry).toMatchObject({ overflowFields: ['前住所'] });
      expect(entry!.alerts).toContain('value-overflow');
      // A certificate whose values fit carries no such alert.
      const fits = await json<{ alerts: string[]; overflow: string[] }>(await counter.request('POST', '/api/v1/certificate-previews', request()));
      expect(fits.overflow).toEqual([]);
      expect(fits.alerts).not.toContain('value-overflow');
    });
  });
});
