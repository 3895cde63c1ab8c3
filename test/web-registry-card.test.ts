// SPDX-License-Identifier: EUPL-1.2
/**
 * The 個人票's マイナンバーカード and 交付履歴 section (spec §2.2.2, §7.1.1.3, issue #13): the certificates issued for the
 * person (無効 marked) and the card's status with its history, 交付日・有効期限 in 和暦; the clerk records a status on the
 * page (a refusal shows its message, nothing written); the reads are access-logged; no codes or UUIDs on the page.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get, post } = consoleSessions(t, CODE);
let clerk: Session, approver: Session;
let person: string, other: string;
const section = (html: string) => /data-testid="card-section"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

beforeAll(async () => {
  clerk = await signIn(['counter']);
  approver = await signIn(['approver']);
  await t.services.tenants.updateSettings(CODE, { mayorName: '塩尻　一郎' });
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, { kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '',
    expectedVersions: {}, fromAbroad: false, previousAddress: '松本市', address: { townName: '大字広丘野村', banchi: '66-1', katagaki: '', unlisted: false },
    persons: [{ residentKind: 'japanese', familyName: '札幌', givenName: '一郎', familyNameKana: 'サッポロ', givenNameKana: 'イチロウ', birthDate: '1970-01-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' },
      { residentKind: 'japanese', familyName: '札幌', givenName: '二子', familyNameKana: 'サッポロ', givenNameKana: 'フタコ', birthDate: '1972-01-01', sex: 'female', honseki: '長野県塩尻市', relationship: '妻' }] } as never);
  const s = plan.snapshots[0]!;
  [person, other] = [s.personId, plan.snapshots[1]!.personId];
  const res = await t.app.request('/api/v1/certificates', { method: 'POST', headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'residence-copy', householdId: s.record.householdId, personIds: [s.personId], requester: { type: 'self', personId: s.personId }, purpose: '勤務先へ提出' }) });
  expect(res.status, await res.clone().text()).toBe(201);
});

describe('個人票: マイナンバーカード and 交付履歴', () => {
  it('lists the certificates issued for the person and records the card status from the page, with history', async () => {
    const html = section(await (await get(clerk, `/console/registry/persons/${person}`)).text());
    expect(html).toContain('証明書の交付履歴');
    expect(/data-testid="issuance-history"[\s\S]*?<\/table>/.exec(html)![0]).toContain('住民票の写し');
    expect(html).toContain('本人');
    expect(html).toContain('カードの記録はありません。');
    const visible = html.replace(/<[^>]*>/g, ' ');
    expect(visible).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|residence-copy|\bself\b/);
    // A refusal: 交付済 without 交付日 — its message, nothing recorded.
    const bad = await post(clerk, `/console/registry/persons/${person}/card-statuses`, { _csrf: clerk.csrf, _idem: crypto.randomUUID(), status: 'issued', statusOn: '令和6年5月1日' });
    expect(bad.status).toBe(303);
    const refused = section(await (await get(clerk, bad.headers.get('location')!)).text());
    expect(refused).toContain('交付済にするには交付日と有効期限を入力してください');
    expect(refused).toContain('カードの記録はありません。');
    for (const [status, statusOn, extra] of [['applied', '令和6年4月10日', {}], ['issued', '令和6年5月1日', { issuedOn: '令和6年5月1日', expiresOn: '令和16年1月1日' }]] as const) {
      const r = await post(clerk, `/console/registry/persons/${person}/card-statuses`, { _csrf: clerk.csrf, _idem: crypto.randomUUID(), status, statusOn, ...extra });
      expect(r.headers.get('location')).toContain('card=saved');
    }
    const shown = section(await (await get(approver, `/console/registry/persons/${person}`)).text());
    expect(shown).toContain('交付済');
    expect(shown).toContain('令和6年5月1日');
    expect(shown).toContain('令和16年1月1日');
    expect(shown).toContain('カードの状態の履歴（2）');
    expect(shown).toContain('申請中');
    // The spouse has no certificate and no card.
    const spouse = section(await (await get(clerk, `/console/registry/persons/${other}`)).text());
    expect(spouse).toContain('この住民の証明書の交付記録はありません。');
    // Reads are access-logged per person.
    const n = async (action: string, id: string) => Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM audit.access_log WHERE action = ${action} AND subject_id = ${id}`.execute(t.services.db.owner)).rows[0]!.n);
    expect(await n('certificates.issuance-history.read', person)).toBeGreaterThanOrEqual(3);
    expect(await n('registry.card.read', other)).toBe(1);
  });

  it('shows the section in English too', async () => {
    const res = await get(clerk, `/console/registry/persons/${person}`, { cookie: `${clerk.cookie}; lang=en` });
    const html = section(await res.text());
    expect(html).toContain('Certificates issued');
    expect(html).toContain('My Number Card');
  });
});
