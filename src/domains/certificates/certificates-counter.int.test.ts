// Issue #9 ("counter-ready"), the API and the printed certificate: each test fails on 84be6ac.
// - the issuing endpoint is safe to repeat under an Idempotency-Key (one ledger row, the same certificate);
// - the verification URL printed on the certificate resolves to that certificate's verification page;
// - a name with an ideographic variation sequence no longer blocks certificates;
// - 住所を定めた年月日 (転入者) and 届出日 (出生) are printed, with 以下余白 and the 公印 line;
// - 通数 (copies × unit fee) and 本人確認書類 are recorded; a reprint is a recorded 再交付, printed as such.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/test-app.ts';
import { newPerson } from '../../../test/fixtures/registry/change-generator.ts';
import { pdfPageTexts, squash } from './testing/pdf-text.ts';
import { japanDay, toWareki } from '../../platform/dates/jp-date.ts';

const M = '202151';

describe('certificates at the counter (issue #9)', () => {
  const t = useTestApp();
  let counter: Client, approver: Client, admin: Client;
  let today: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  const pdfText = async (res: Response) => (await pdfPageTexts(new Uint8Array(await res.arrayBuffer()))).join('');
  const ledger = async () => (await json<{ items: Array<Record<string, unknown>> }>(await counter.request('GET', '/api/v1/certificate-issuances?limit=1000'))).items;
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

  async function change(body: Record<string, unknown>) {
    const res = await counter.request('POST', '/api/v1/changes', body);
    expect(res.status, await res.clone().text()).toBe(201);
    const rec = await json<{ changeId: string; personIds: string[]; householdIds: string[] }>(res);
    expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    return rec;
  }

  let head: string, householdId: string;
  beforeAll(async () => {
    today = japanDay(new Date());
    const mk = async (roles: Parameters<typeof t.staff>[1]) => t.login(M, (await t.staff(M, roles)).loginId);
    counter = await mk(['counter']);
    approver = await mk(['approver']);
    admin = await mk(['admin']);
    await t.services.tenants.updateSettings(M, { mayorName: '塩尻　一郎' });
    const rec = await change({
      kind: 'move-in', occurredOn: daysAgo(40), notifiedOn: daysAgo(38), previousAddress: '東京都新宿区西新宿2-8-1', address: { townName: '大字広丘野村', banchi: '1780番地' },
      persons: [newPerson(1, '世帯主', '1975-04-01', { familyName: '葛\u{E0100}西', givenName: '一郎', familyNameKana: 'カサイ', givenNameKana: 'イチロウ' })],
    });
    head = rec.personIds[0]!;
    householdId = rec.householdIds[0]!;
  });
  const self = (over: Record<string, unknown> = {}) => ({ kind: 'residence-copy', personIds: [head], requester: { type: 'self', personId: head, identityDocument: 'my-number-card' }, ...over });

  it('issues once under an Idempotency-Key: the repeat answers with the same certificate and one ledger row', async () => {
    const before = (await ledger()).length;
    const key = 'certificate-issue-key-0001';
    const first = await counter.request('POST', '/api/v1/certificates', self(), { 'idempotency-key': key });
    expect(first.status, await first.clone().text()).toBe(201);
    const bytes = Buffer.from(await first.arrayBuffer());
    const again = await counter.request('POST', '/api/v1/certificates', self(), { 'idempotency-key': key });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(Buffer.from(await again.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await ledger()).length).toBe(before + 1);
  });

  it('serves the PDF inline, and the URL printed on it opens the verification page of that certificate', async () => {
    const res = await counter.request('POST', '/api/v1/certificates', self());
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="certificate-\d+\.pdf"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await pdfText(res);
    const url = /https?:\/\/[^/]+\/verify\/([0-9A-Z]{20})/.exec(text);
    expect(url, text).not.toBeNull();
    const page = await t.app.request(new URL(url![0]).pathname);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('この照合番号の証明書は発行されています');
    expect(html).toContain('長野県塩尻市');
    expect(html).toContain('住民票の写し');
    expect(html).toContain(toWareki(today));
    expect(html).toMatch(/\d{8} 塩尻市 \d{6}/); // 発行番号 as printed
    // No UUIDs, SHA-256 values or algorithm names on the public page.
    expect(html).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    expect(html).not.toMatch(/[0-9a-f]{64}/i);
    expect(html).not.toMatch(/SHA-?256/i);
    // The address without a code (a trailing slash) is the verification form, not a 404.
    expect((await t.app.request('/verify/')).status).toBe(200);
  });

  it('prints a name with an ideographic variation sequence (葛 + U+E0100) with its variant glyph instead of refusing', async () => {
    const res = await counter.request('POST', '/api/v1/certificates', self());
    expect(res.status, await res.clone().text()).toBe(201);
    const text = await pdfText(res);
    // The font has this variant (its cmap format 14), so the legal glyph itself is printed, without a note.
    expect(text).toContain(squash('葛\u{E0100}西　一郎'));
    expect(text).not.toContain('外字の字形は基本字形で表示しています');
  });

  it('prints 住所を定めた年月日 of a 転入者 and 届出日 of a newborn, then 以下余白 and the 公印 line', async () => {
    const version = (await json<{ version: number }>(await counter.request('GET', `/api/v1/households/${householdId}`))).version;
    // The child's given name carries a variant (邉 + U+E0103) the font lacks: printed in its base form, with a note.
    const birth = await change({ kind: 'birth', occurredOn: daysAgo(3), householdId, parentPersonIds: [head], expectedVersions: { [householdId]: version },
      person: newPerson(2, '子', daysAgo(3), { familyName: '葛\u{E0100}西', givenName: '邉\u{E0103}', familyNameKana: 'カサイ', givenNameKana: 'ナベ' }) });
    const res = await counter.request('POST', '/api/v1/certificates', { kind: 'residence-copy', householdId, requester: { type: 'self', personId: head, identityDocument: 'driving-licence' } });
    expect(res.status, await res.clone().text()).toBe(201);
    const text = await pdfText(res);
    // 転入者: 住民となった年月日 and 住所を定めた年月日 are both the day of the 転入, and 届出日 is printed.
    expect(text).toContain(squash(`住所を定めた年月日${toWareki(daysAgo(40))}`));
    expect(text).toContain(squash(`届出日${toWareki(daysAgo(38))}`));
    // 出生 recorded without a 届出日: the day it was processed at the counter (today).
    expect(birth.personIds).toHaveLength(1);
    expect(text).toContain(squash(`住所を定めた年月日${toWareki(daysAgo(3))}`));
    expect(text).toContain(squash(`届出日${toWareki(today)}`));
    expect(text).toContain(squash('葛\u{E0100}西　邉'));
    expect(text).not.toContain('\u{E0103}');
    expect(text.split('外字の字形は基本字形で表示しています').length - 1).toBe(1);
    expect(text).toContain('以下余白');
    expect(text).toContain('公印省略');
    expect(text.indexOf('以下余白')).toBeLessThan(text.indexOf('この写しは'));
  });

  it('records 通数 and 本人確認書類: the fee is copies × unit fee and each copy carries its own number', async () => {
    const res = await counter.request('POST', '/api/v1/certificates', self({ copies: 2 }));
    expect(res.status, await res.clone().text()).toBe(201);
    expect(res.headers.get('x-fee-yen')).toBe('600');
    const pages = await pdfPageTexts(new Uint8Array(await res.arrayBuffer()));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatch(/発行番号\d{8}塩尻市\d{6}-11\/1/);
    expect(pages[1]).toMatch(/発行番号\d{8}塩尻市\d{6}-21\/1/);
    const entry = (await ledger()).find((e) => e.issuanceId === res.headers.get('x-issuance-id'))!;
    expect(entry).toMatchObject({ copies: 2, feeYen: 600, identityDocument: 'my-number-card', printCount: 1 });
  });

  it('prints an issued certificate again only as a recorded 再交付 (who, when), marked on the paper', async () => {
    const res = await counter.request('POST', '/api/v1/certificates', self());
    const issuanceId = res.headers.get('x-issuance-id')!;
    const original = await pdfText(res);
    expect(original).not.toContain('再交付');
    const again = await counter.request('POST', `/api/v1/certificate-issuances/${issuanceId}/prints`);
    expect(again.status, await again.clone().text()).toBe(201);
    expect(again.headers.get('x-print-number')).toBe('2');
    expect(again.headers.get('content-disposition')).toMatch(/^inline;/);
    const text = await pdfText(again);
    expect(text).toContain('再交付');
    expect(text).toContain(squash(`再交付（1回目・${toWareki(today)}）`));
    // Same content and 発行番号 as the original.
    const number = /発行番号(\d{8}塩尻市\d{6})/.exec(original)![1]!;
    expect(text).toContain(number);
    expect((await ledger()).find((e) => e.issuanceId === issuanceId)).toMatchObject({ printCount: 2 });
    const log = await json<{ items: Array<{ action: string; actorId: string }> }>(await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${head}&limit=500`));
    expect(log.items.some((e) => e.action === 'certificates.reprint' && e.actorId === counter.staffId)).toBe(true);
    expect((await counter.request('POST', '/api/v1/certificate-issuances/00000000-0000-4000-8000-000000000000/prints')).status).toBe(404);
  });
});
