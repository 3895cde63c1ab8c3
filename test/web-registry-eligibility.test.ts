// SPDX-License-Identifier: EUPL-1.2
/**
 * 「他業務の資格」 on the 個人票 (spec §7.2.2): the latest eligibility of each kind reported by the business systems, in
 * 和暦, Japanese and English, with every report below; reading the page logs the read of the eligibility.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get } = consoleSessions(t, CODE);
let clerk: Session;
let personId: string;
let token: string;
const report = (body: unknown) => t.app.request('/api/v1/registry-feed/eligibility', {
  method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  clerk = await signIn(['counter']);
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, { kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '',
    expectedVersions: {}, fromAbroad: false, previousAddress: '松本市', address: { townName: '大字広丘野村', banchi: '78-1', katagaki: '', unlisted: false },
    persons: [{ residentKind: 'japanese', familyName: '資格', givenName: '花子', familyNameKana: 'シカク', givenNameKana: 'ハナコ', birthDate: '1950-01-01', sex: 'female', honseki: '長野県塩尻市', relationship: '世帯主' }] } as never);
  personId = plan.snapshots[0]!.personId;
  token = (await t.services.registry.feedConsumersAsOperator.add(CODE, 'test', { name: 'kikan', purpose: '国保・介護・選挙の資格管理',
    scopes: ['eligibility-kokuho', 'eligibility-kaigo', 'eligibility-election', 'eligibility-mynumber-card'] })).token;
});

describe('他業務の資格 (console)', () => {
  it('shows "none" before any report, then the latest of each kind in 和暦 with the history, in Japanese and English; the read is logged', async () => {
    expect(await (await get(clerk, `/console/registry/persons/${personId}`)).text()).toContain('他の業務システムからの資格の連携はありません。');
    const atenaNo = ((await sql<{ a: string }>`SELECT atena_no AS a FROM registry.person WHERE person_id = ${personId}`.execute(t.services.db.owner)).rows[0]!.a);
    for (const body of [
      { kind: 'kokuho', eligible: true, acquiredOn: '2024-04-01', asOf: '2024-04-02T09:00:00+09:00' },
      { kind: 'kokuho', eligible: false, acquiredOn: '2024-04-01', lostOn: '2025-03-31', asOf: '2025-04-01T09:00:00+09:00' },
      { kind: 'kaigo', eligible: true, acquiredOn: '2024-04-01', asOf: '2024-04-02T09:00:00+09:00' },
      { kind: 'election', eligible: true, acquiredOn: '2024-07-01', asOf: '2024-07-02T09:00:00+09:00' },
    ]) expect((await report({ atenaNo, ...body })).status).toBe(201);
    const html = await (await get(clerk, `/console/registry/persons/${personId}`)).text();
    const section = html.slice(html.indexOf('data-testid="eligibility"'), html.indexOf('data-testid="eligibility-history"'));
    expect(section).toContain('他業務の資格');
    expect(section).toMatch(/選挙人名簿登録<\/td><td[^>]*>あり<\/td><td[^>]*>令和6年7月1日/);
    expect(section).toMatch(/国民健康保険<\/td><td[^>]*>なし<\/td><td[^>]*>令和6年4月1日<\/td><td[^>]*>令和7年3月31日<\/td><td[^>]*>令和7年4月1日 09:00/);
    expect(section).toContain('介護保険');
    expect(section).not.toContain('後期高齢者医療');
    expect(html).toContain('これまでの連携（4件）');
    expect(html).not.toContain('kikan'); // no internal names on the screen
    const en = await (await get(clerk, `/console/registry/persons/${personId}`, { cookie: `${clerk.cookie}; lang=en` })).text();
    expect(en).toContain('Eligibility in other systems');
    expect(en).toMatch(/National Health Insurance<\/td><td[^>]*>Not eligible/);
    const log = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit.access_log WHERE action = 'registry.eligibility.read' AND subject_id = ${personId}
      AND actor_id = ${clerk.staffId}`.execute(t.services.db.owner);
    expect(log.rows[0]!.n).toBe(3);
  });
});
