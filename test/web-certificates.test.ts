// SPDX-License-Identifier: EUPL-1.2
// Issue #9: the counter's certificate screens, at the HTTP level. Each test fails on 84be6ac, where the form asked
// for UUIDs, the issue POST answered 201 with the PDF in a data: link (a reload issued again), a pending 仮登録 went
// unmentioned and the verify page showed the PDF's SHA-256.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get, post } = consoleSessions(t, CODE);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The text a person reads: tags and attribute values removed. */
const visibleText = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]*>/g, ' ');
const field = (html: string, name: string) => {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  return m ? m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>') : undefined;
};

let clerk: Session;
let api: Client;
let headId: string, wifeId: string, childId: string, householdId: string;
const ledgerCount = async () => ((await (await api.request('GET', '/api/v1/certificate-issuances?limit=1000')).json()) as { items: unknown[] }).items.length;

beforeAll(async () => {
  clerk = await signIn(['counter']);
  api = await t.login(CODE, (await t.staff(CODE, ['counter'])).loginId);
  await t.services.tenants.updateSettings(CODE, { mayorName: '塩尻　一郎' });
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, {
    kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '松本市',
    address: { townName: '大字広丘野村', banchi: '1-1', katagaki: '', unlisted: false },
    persons: [
      { residentKind: 'japanese', familyName: '窓口', givenName: '一郎', familyNameKana: 'マドグチ', givenNameKana: 'イチロウ', birthDate: '1980-03-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' },
      { residentKind: 'japanese', familyName: '窓口', givenName: '花子', familyNameKana: 'マドグチ', givenNameKana: 'ハナコ', birthDate: '1982-05-05', sex: 'female', honseki: '長野県塩尻市', relationship: '妻' },
      { residentKind: 'japanese', familyName: '窓口', givenName: '健太', familyNameKana: 'マドグチ', givenNameKana: 'ケンタ', birthDate: '2012-06-15', sex: 'male', honseki: '長野県塩尻市', relationship: '子' },
    ],
  });
  const by = (rel: string) => plan.snapshots.find((s) => s.record.relationship === rel)!.personId;
  headId = by('世帯主'); wifeId = by('妻'); childId = by('子');
  householdId = plan.snapshots[0]!.record.householdId;
});

/** Fills the form as a clerk would (query of the GET form). */
const formQuery = (over: Record<string, string | string[]> = {}) => {
  const q = new URLSearchParams();
  const fields: Record<string, string | string[]> = {
    householdId, personId: headId, _form: '1', kind: 'residence-copy', persons: [headId, wifeId], requesterType: 'self', requesterPersonId: headId,
    identityDocument: 'my-number-card', copies: '2', items: ['householdHead'], purpose: '', ...over,
  };
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) q.append(k, x);
  return q.toString();
};

describe('certificate screens (issue #9)', () => {
  it('starts from a person: the household members as checkboxes, the person pre-checked, no UUID on screen', async () => {
    const res = await get(clerk, `/console/certificates?personId=${headId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const name of ['窓口　一郎（世帯主・昭和55年3月1日生）', '窓口　花子（妻・昭和57年5月5日生）', '窓口　健太（子・平成24年6月15日生）']) expect(html).toContain(name);
    expect(html).toMatch(new RegExp(`id="person-${headId}"[^>]*checked`));
    expect(html).not.toMatch(new RegExp(`id="person-${wifeId}"[^>]*checked`));
    // The requester is chosen from the household by name; 本人確認書類 and 通数 are asked for.
    expect(html).toContain('請求者（本人・同一世帯員）');
    expect(html).toContain('本人確認書類');
    expect(html).toContain('通数');
    expect(visibleText(html)).not.toMatch(UUID);
    expect(html).not.toContain('個人ID');
    expect(html).not.toContain('世帯ID');
  });

  it('shows only the fields of the chosen requester type (server-rendered; the switch works without JavaScript)', async () => {
    const self = await (await get(clerk, `/console/certificates?personId=${headId}`)).text();
    expect(self).toMatch(/data-requester-group="agent" hidden/);
    expect(self).toMatch(/data-requester-group="official" hidden/);
    expect(self).not.toMatch(/data-requester-group="self household" hidden/);
    const agent = await (await get(clerk, `/console/certificates?${formQuery({ requesterType: 'agent', _switch: '1' })}`)).text();
    expect(agent).not.toMatch(/data-requester-group="agent" hidden/);
    expect(agent).toMatch(/data-requester-group="self household" hidden/);
    expect(agent).toContain('委任状を確認した');
  });

  it('finds the person to issue for by name or birth date when started from the menu', async () => {
    const html = await (await get(clerk, `/console/certificates?q=${encodeURIComponent('マドグチ')}`)).text();
    expect(html).toContain('窓口　花子');
    expect(html).toContain(`/console/certificates?personId=${wifeId}`);
    expect(visibleText(html)).not.toMatch(UUID);
    const byBirth = await (await get(clerk, `/console/certificates?birthDate=${encodeURIComponent('平成24年6月15日')}`)).text();
    expect(byBirth).toContain('窓口　健太');
  });

  it('names the field when the form is incomplete, in Japanese, and issues nothing', async () => {
    const before = await ledgerCount();
    const noDoc = await get(clerk, `/console/certificates/preview?${formQuery({ identityDocument: '' })}`);
    expect(noDoc.status).toBe(400);
    const html = await noDoc.text();
    expect(html).toContain('本人確認書類を選択してください');
    expect(html).toContain('href="#identityDocument"');
    const other = await get(clerk, `/console/certificates/preview?${formQuery({ persons: [wifeId] })}`);
    expect(other.status).toBe(403);
    expect(await other.text()).toContain('本人請求では請求者本人を記載してください');
    expect(await ledgerCount()).toBe(before);
  });

  it('issues once: POST → 303 to the result page; reloading it or repeating the POST never issues again', async () => {
    const preview = await get(clerk, `/console/certificates/preview?${formQuery()}`);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('交付する（2通・手数料 600円）');
    expect(html).toContain('窓口　一郎、窓口　花子');
    expect(visibleText(html)).not.toMatch(UUID);
    const form = { _csrf: clerk.csrf, _idem: field(html, '_idem')!, request: field(html, 'request')! };
    expect(form._idem).toMatch(/^[A-Za-z0-9._:-]{8,}$/);
    const before = await ledgerCount();
    const first = await post(clerk, '/console/certificates/issuances', form);
    expect(first.status).toBe(303);
    const location = first.headers.get('location')!;
    expect(location).toMatch(/^\/console\/certificates\/issuances\/\d+$/);
    // Back + resubmit: the same one-time token answers with the same result page.
    const again = await post(clerk, '/console/certificates/issuances', form);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(location);
    // Going back to the preview (it is a GET) gives the same token again.
    expect(field(await (await get(clerk, `/console/certificates/preview?${formQuery({ issueToken: form._idem })}`)).text(), '_idem')).toBe(form._idem);
    for (let i = 0; i < 2; i++) {
      const page = await get(clerk, location);
      expect(page.status).toBe(200);
      const result = await page.text();
      expect(result).toContain('交付しました');
      expect(result).toContain('窓口　一郎、窓口　花子');
      expect(result).toMatch(/data-testid="issue-number">\d{8} 塩尻市 \d{6}</);
      expect(result).toContain('600円');
      expect(result).toContain('マイナンバーカード');
      expect(visibleText(result)).not.toMatch(UUID);
    }
    expect(await ledgerCount()).toBe(before + 1);

    // The console home lists the clerk's own latest issue by the names printed on it: one query and one access-log
    // entry, not a ledger read and a registry read per person (review of issue #9's home).
    const logged = async (action: string) => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit.access_log WHERE action = ${action}
      AND actor_id = ${clerk.staffId}`.execute(t.services.db.owner)).rows[0]!.n);
    const [ledgerBefore, personBefore] = [await logged('certificates.ledger.read'), await logged('registry.person.read')];
    const home = await (await get(clerk, '/console')).text();
    expect(home).toContain('最近交付した証明書');
    expect(home).toContain('窓口　一郎、窓口　花子');
    expect(await logged('certificates.recent-own.read')).toBeGreaterThanOrEqual(1);
    expect([await logged('certificates.ledger.read'), await logged('registry.person.read')]).toEqual([ledgerBefore, personBefore]);
  });

  it('opens the PDF inline; opening it again is a recorded 再交付, shown on the result page', async () => {
    const html = await (await get(clerk, `/console/certificates/preview?${formQuery({ copies: '1' })}`)).text();
    const res = await post(clerk, '/console/certificates/issuances', { _csrf: clerk.csrf, _idem: field(html, '_idem')!, request: field(html, 'request')! });
    const location = res.headers.get('location')!;
    const page = await (await get(clerk, location)).text();
    expect(page).toContain('PDFを開く・印刷する');
    expect(page).not.toContain('data:application/pdf');
    const pdf = await get(clerk, `${location}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^inline; filename="certificate-\d+\.pdf"$/);
    expect(pdf.headers.get('cache-control')).toContain('no-store');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const after = await (await get(clerk, location)).text();
    expect(after).toContain('交付（原本）');
    expect(after).toContain('再交付として印刷する');
    const reprint = await get(clerk, `${location}/pdf`);
    expect(reprint.headers.get('content-disposition')).toMatch(/reprint-1\.pdf"$/);
    expect(await (await get(clerk, location)).text()).toContain('再交付（1回目）');
  });

  it('lets the 世帯主 ask for the 世帯全員 copy as 本人 from the 世帯票', async () => {
    const form = await (await get(clerk, `/console/certificates?householdId=${householdId}`)).text();
    for (const id of [headId, wifeId, childId]) expect(form).toMatch(new RegExp(`id="person-${id}"[^>]*checked`));
    const preview = await get(clerk, `/console/certificates/preview?${formQuery({ persons: [headId, wifeId, childId], personId: '' })}`);
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('この写しは、世帯全員の住民票の原本と相違ないことを証明する。');
  });

  it('warns of a pending 仮登録 and issues only after the clerk confirms it', async () => {
    const version = ((await (await api.request('GET', `/api/v1/households/${householdId}`)).json()) as { version: number }).version;
    const pending = await api.request('POST', '/api/v1/changes', { kind: 'move-within', occurredOn: new Date().toISOString().slice(0, 10), personIds: [childId], address: { townName: '大字洗馬', banchi: '5番地' }, newHeadPersonId: childId, expectedVersions: { [householdId]: version } });
    expect(pending.status, await pending.clone().text()).toBe(201);
    const formPage = await (await get(clerk, `/console/certificates?personId=${headId}`)).text();
    expect(formPage).toContain('仮登録中（本登録前）の異動があります：窓口　健太');
    const html = await (await get(clerk, `/console/certificates/preview?${formQuery({ persons: [headId, childId] })}`)).text();
    expect(html).toContain('仮登録中の異動があります');
    expect(html).toContain('窓口　健太：転居（本登録前）');
    expect(html).toMatch(/name="acknowledgePendingChanges" value="1" required/);
    const form = { _csrf: clerk.csrf, _idem: field(html, '_idem')!, request: field(html, 'request')! };
    const before = await ledgerCount();
    const refused = await post(clerk, '/console/certificates/issuances', form);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('仮登録中の異動がある方が含まれています');
    expect(await ledgerCount()).toBe(before);
    const issued = await post(clerk, '/console/certificates/issuances', { ...form, acknowledgePendingChanges: '1' });
    expect(issued.status).toBe(303);
    expect(await (await get(clerk, issued.headers.get('location')!)).text()).toContain('仮登録中の異動を確認のうえ交付');
    expect(await ledgerCount()).toBe(before + 1);
  });
});
