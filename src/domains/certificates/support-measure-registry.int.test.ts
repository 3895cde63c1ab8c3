// DV等支援措置 over the real registry: once a measure is registered for a resident, a third-party or agent
// request that includes them is refused with the alert code and logged as denied; their own request still works.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/test-app.ts';
import { newPerson } from '../../../test/fixtures/registry/change-generator.ts';
import { japanDay } from '../../platform/dates/jp-date.ts';

const M = '202151';

describe('support measures recorded in the registry', () => {
  const t = useTestApp();
  let counter: Client, approver: Client, admin: Client;
  let householdId: string;
  let head: string, wife: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;

  beforeAll(async () => {
    const today = japanDay(new Date());
    const mk = async (roles: Parameters<typeof t.staff>[1]) => t.login(M, (await t.staff(M, roles)).loginId);
    counter = await mk(['counter']);
    approver = await mk(['approver']);
    admin = await mk(['admin']);
    await t.services.tenants.updateSettings(M, { mayorName: '塩尻　一郎' });
    const res = await counter.request('POST', '/api/v1/changes', {
      kind: 'move-in', occurredOn: new Date(Date.parse(`${today}T00:00:00Z`) - 20 * 86_400_000).toISOString().slice(0, 10), previousAddress: '東京都新宿区',
      address: { townName: '大字広丘野村', banchi: '2200番地' },
      persons: [newPerson(501, '世帯主', '1970-01-01', { familyName: '守田', givenName: '一', hittosha: '守田　一' }), newPerson(502, '妻', '1972-02-02', { familyName: '守田', givenName: '幸' })],
    });
    expect(res.status).toBe(201);
    const rec = await json<{ changeId: string; personIds: string[]; householdIds: string[] }>(res);
    expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    householdId = rec.householdIds[0]!;
    [head, wife] = rec.personIds as [string, string];
    const household = await json<{ members: Array<{ personId: string; relationship: string }> }>(await counter.request('GET', `/api/v1/households/${householdId}`));
    head = household.members.find((m) => m.relationship === '世帯主')!.personId;
    wife = household.members.find((m) => m.relationship === '妻')!.personId;
  });

  it('before any measure, a third party may obtain the copy', async () => {
    const res = await counter.request('POST', '/api/v1/certificates', { kind: 'residence-copy', personIds: [wife], requester: { type: 'third-party', ground: 'own-rights-duties' }, purpose: '債権回収のため' });
    expect(res.status).toBe(201);
  });

  it('refuses third-party and agent requests including the protected person, logs them as denied; her own request still works', async () => {
    const reg = await approver.request('POST', '/api/v1/support-measures', { personId: wife, kind: 'dv', requestingBody: '塩尻警察署' });
    expect(reg.status).toBe(201);

    for (const body of [
      { kind: 'residence-copy', householdId, requester: { type: 'third-party', ground: 'own-rights-duties' }, purpose: '債権回収のため' },
      { kind: 'residence-copy', personIds: [wife], requester: { type: 'agent', powerOfAttorneyChecked: true }, purpose: '手続のため' },
    ]) {
      const res = await counter.request('POST', '/api/v1/certificates', body);
      expect(res.status).toBe(403);
      const p = await json<{ code: string; title: string }>(res);
      expect(p).toMatchObject({ code: 'support-measure-restricted', title: '支援措置対象者が含まれているため、この請求には交付できません' });
    }
    const log = await json<{ items: Array<{ action: string; outcome: string; purpose: string }> }>(await admin.request('GET', `/api/v1/access-log-entries?actorId=${counter.staffId}&limit=500`));
    expect(log.items.filter((e) => e.action === 'certificates.refused' && e.outcome === 'denied' && e.purpose.endsWith('support-measure-restricted'))).toHaveLength(2);

    // Her own request, and a third party's request for another member alone, are still issued.
    const own = await counter.request('POST', '/api/v1/certificates', { kind: 'residence-copy', personIds: [wife], requester: { type: 'self', personId: wife } });
    expect(own.status).toBe(201);
    const other = await counter.request('POST', '/api/v1/certificates', { kind: 'residence-copy', personIds: [head], requester: { type: 'third-party', ground: 'own-rights-duties' }, purpose: '債権回収のため' });
    expect(other.status).toBe(201);
  });

  it('ends a measure only explicitly, and the ending day is still protected', async () => {
    const list = await json<{ items: Array<{ supportMeasureId: string }> }>(await approver.request('GET', `/api/v1/persons/${wife}/support-measures`));
    const yesterday = new Date(Date.parse(`${japanDay(new Date())}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    // Ending it yesterday is refused (it started today); ending today still protects today.
    expect((await approver.request('POST', `/api/v1/support-measures/${list.items[0]!.supportMeasureId}/endings`, { endedOn: yesterday, reason: '申出による終了' })).status).toBe(422);
    expect((await approver.request('POST', `/api/v1/support-measures/${list.items[0]!.supportMeasureId}/endings`, { reason: '申出による終了' })).status).toBe(201);
    const res = await counter.request('POST', '/api/v1/certificates', { kind: 'residence-copy', personIds: [wife], requester: { type: 'third-party', ground: 'own-rights-duties' }, purpose: '債権回収のため' });
    expect(res.status).toBe(403);
  });
});
