// 項目単位の表示制御 (標準仕様書 §10.4, issue #13): 戸籍の表示, 住民票コード and 在留資格等 are shown only to roles allowed to
// see them, masked otherwise in every API view, and each read records in the access log which of them it showed.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/test-app.ts';
import { TEST_PASSWORD } from '../../../test/test-app.ts';
import { newPerson } from '../../../test/fixtures/registry/change-generator.ts';
import { japanToday } from './registry.service.ts';
import { addDays } from '../../platform/dates/jp-date.ts';

const M = '202151';

interface PersonBody {
  honseki: string | null; hittosha: string | null; residentCode: string | null; maskedItems: string[];
  foreign: { residenceStatus?: string; residencePeriod?: string; residenceExpiry?: string | null; nationality?: string } | null;
}
interface LogItem { action: string; actorId: string; subjectId: string; disclosedItems: string[] }

describe('field-level visibility (spec §10.4)', () => {
  const t = useTestApp();
  let counter: Client, approver: Client, admin: Client, contractor: Client;
  let japaneseId: string, foreignId: string, householdId: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;

  beforeAll(async () => {
    const today = japanToday(t.services.clock);
    const mk = async (roles: Parameters<typeof t.staff>[1]) => t.login(M, (await t.staff(M, roles)).loginId);
    counter = await mk(['counter']);
    approver = await mk(['approver']);
    admin = await mk(['admin']);
    const created = await admin.request('POST', '/api/v1/staff', { loginId: 'itaku-vis', displayName: '委託 一郎', roles: ['counter'], password: TEST_PASSWORD, contractor: true });
    expect(created.status).toBe(201);
    contractor = await t.login(M, 'itaku-vis');
    const enter = async (body: Record<string, unknown>) => {
      const res = await counter.request('POST', '/api/v1/changes', body);
      expect(res.status).toBe(201);
      const rec = await json<{ changeId: string; personIds: string[]; householdIds: string[] }>(res);
      expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
      return rec;
    };
    const jp = await enter({ kind: 'move-in', occurredOn: addDays(today, -2), previousAddress: '東京都新宿区西新宿2-8-1', address: { townName: '大字広丘野村', banchi: '701番地' },
      persons: [newPerson(7010, '世帯主', '1970-02-03', { familyName: '表示', givenName: '太郎', hittosha: '表示　太郎' })] });
    japaneseId = jp.personIds[0]!;
    householdId = jp.householdIds[0]!;
    const fr = await enter({ kind: 'move-in', occurredOn: addDays(today, -2), fromAbroad: true, address: { townName: '大字広丘野村', banchi: '702番地' },
      persons: [newPerson(7020, '世帯主', '1990-05-06', { residentKind: 'foreign', familyName: '', givenName: '', familyNameKana: 'グエン', givenNameKana: 'アン', romanName: 'NGUYEN AN', honseki: undefined,
        foreign: { nationality: 'ベトナム', category: '中長期在留者', residenceStatus: '技術・人文知識・国際業務', residencePeriod: '3年', residenceExpiry: addDays(today, 900), residenceCardNo: 'AB12345679CD' } })] });
    foreignId = fr.personIds[0]!;
  });

  it('shows 本籍 and 在留資格 to the counter but masks the 住民票コード; the approver sees all; contractor staff none', async () => {
    const asCounter = await json<PersonBody>(await counter.request('GET', `/api/v1/persons/${japaneseId}`));
    expect(asCounter).toMatchObject({ honseki: '長野県塩尻市大字広丘野村1番地', hittosha: '表示　太郎', residentCode: '***********', maskedItems: ['resident-code'] });
    const asApprover = await json<PersonBody>(await approver.request('GET', `/api/v1/persons/${japaneseId}`));
    expect(asApprover.residentCode).toMatch(/^\d{11}$/);
    expect(asApprover.maskedItems).toEqual([]);
    const asContractor = await json<PersonBody>(await contractor.request('GET', `/api/v1/persons/${japaneseId}`));
    expect(asContractor).toMatchObject({ honseki: '＊＊＊＊', hittosha: '＊＊＊＊', residentCode: '***********', maskedItems: ['domicile', 'resident-code'] });

    const foreignAsContractor = await json<PersonBody>(await contractor.request('GET', `/api/v1/persons/${foreignId}`));
    expect(foreignAsContractor.foreign).toMatchObject({ nationality: 'ベトナム', residenceStatus: '＊＊＊＊', residencePeriod: '＊＊＊＊', residenceExpiry: '＊＊＊＊' });
    expect(foreignAsContractor.maskedItems).toEqual(['resident-code', 'residence-status']);
    const foreignAsCounter = await json<PersonBody>(await counter.request('GET', `/api/v1/persons/${foreignId}`));
    expect(foreignAsCounter.foreign).toMatchObject({ residenceStatus: '技術・人文知識・国際業務', residencePeriod: '3年' });
    expect(foreignAsCounter.foreign!.residenceExpiry).toMatch(/^\d{4}年/);
  });

  it('masks the same items in the 世帯 and the 履歴', async () => {
    const hh = await json<{ members: PersonBody[] }>(await contractor.request('GET', `/api/v1/households/${householdId}`));
    expect(hh.members[0]).toMatchObject({ honseki: '＊＊＊＊', residentCode: '***********' });
    const history = await json<{ items: Array<{ record: PersonBody }> }>(await counter.request('GET', `/api/v1/persons/${japaneseId}/history`));
    expect(history.items.length).toBeGreaterThan(0);
    expect(history.items.every((h) => h.record.residentCode === '***********' && h.record.honseki === '長野県塩尻市大字広丘野村1番地')).toBe(true);
  });

  it('records in the access log which restricted items each read showed', async () => {
    const log = await json<{ items: LogItem[] }>(await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${japaneseId}`));
    const reads = log.items.filter((e) => e.action === 'registry.person.read');
    expect(reads.find((e) => e.actorId === approver.staffId)!.disclosedItems).toEqual(['domicile', 'resident-code']);
    expect(reads.find((e) => e.actorId === counter.staffId)!.disclosedItems).toEqual(['domicile']);
    expect(reads.filter((e) => e.actorId === contractor.staffId).every((e) => e.disclosedItems.length === 0)).toBe(true);
    const foreignLog = await json<{ items: LogItem[] }>(await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${foreignId}`));
    expect(foreignLog.items.find((e) => e.action === 'registry.person.read' && e.actorId === counter.staffId)!.disclosedItems).toEqual(['residence-status']);
    // The chain still verifies with the new field in the hashed text.
    const report = await t.services.audit.verify();
    expect(report.breaks).toEqual([]);
  });

  it('refuses a masked value sent back in a change and writes nothing', async () => {
    const hh = await json<{ version: number }>(await counter.request('GET', `/api/v1/households/${householdId}`));
    const res = await contractor.request('POST', '/api/v1/changes', {
      kind: 'ex-officio-correction', occurredOn: japanToday(t.services.clock), personId: japaneseId, expectedVersions: { [householdId]: hh.version },
      patch: { honseki: '＊＊＊＊', givenName: '次郎' },
    });
    expect(res.status).toBe(422);
    expect((await json(res)).code).toBe('masked-value');
    const after = await json<PersonBody & { givenName: string }>(await approver.request('GET', `/api/v1/persons/${japaneseId}`));
    expect(after).toMatchObject({ givenName: '太郎', honseki: '長野県塩尻市大字広丘野村1番地' });
  });
});
