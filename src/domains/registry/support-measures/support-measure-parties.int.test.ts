// SPDX-License-Identifier: EUPL-1.2
// DV等支援措置, the rest of spec §1.1.16 and §3.4: 申出者 details, 併せて支援を求める者 protected like the 申出者, the 加害者
// whose own requests are refused, 延長 from a month before the end, 仮支援措置 and its confirmation, the 終了通知 list;
// every access logged, refusals change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { japanToday } from '../registry.service.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { defaultEndsOn } from './support-measure.ts';

const M = '202151';

describe('support measures: parties, extension, provisional, ending list', () => {
  const t = useTestApp();
  let counter: Client, approver: Client, admin: Client;
  let today: string;
  let husband: string, wife: string, child: string, householdId: string;
  let measureId: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  type View = { supportMeasureId: string; endsOn: string; provisional: boolean; applicant: Record<string, unknown>; parties: Array<{ role: string; personId: string | null; name: string; roleLabel: string }>;
    extensions: Array<{ previousEndsOn: string; newEndsOn: string }> };
  const certificate = (personIds: string[], requester: Record<string, unknown>) => counter.request('POST', '/api/v1/certificates',
    { kind: 'residence-copy', householdId, personIds, requester, purpose: '勤務先へ提出のため' });

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    const mk = async (roles: Parameters<typeof t.staff>[1]) => t.login(M, (await t.staff(M, roles)).loginId);
    counter = await mk(['counter']);
    approver = await mk(['approver']);
    admin = await mk(['admin']);
    await t.services.tenants.updateSettings(M, { mayorName: '塩尻　一郎' });
    const rec = await json<{ changeId: string; personIds: string[]; householdIds: string[] }>(await counter.request('POST', '/api/v1/changes', {
      kind: 'move-in', occurredOn: addDays(today, -3), address: { townName: '大字広丘野村', banchi: '5500番地' },
      persons: [newPerson(801, '世帯主', '1980-01-01', { familyName: '支援', givenName: '太郎' }), newPerson(802, '妻', '1982-02-02', { familyName: '支援', givenName: '花子' }),
        newPerson(803, '子', '2015-03-03', { familyName: '支援', givenName: '健太' })] }));
    expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    [husband, wife, child] = rec.personIds as [string, string, string];
    householdId = rec.householdIds[0]!;
  });

  it('registers a measure with the 申出者 details, a co-protected child and the 加害者; refuses parties that make no sense', async () => {
    const body = { personId: wife, kind: 'dv', startsOn: addDays(today, -340), requestingBody: '配偶者暴力相談支援センター',
      applicant: { contact: '090-0000-0000（日中のみ）', previousAddresses: ['東京都新宿区西新宿2-8-1'], honseki: '長野県塩尻市' },
      coProtectedPersonIds: [child], perpetrators: [{ personId: husband, name: '支援　太郎', sex: 'male', birthDate: '1980-01-01', note: '同居中' }] };
    for (const [b, code] of [
      [{ ...body, coProtectedPersonIds: [wife] }, 'support-measure-party-invalid'],
      [{ ...body, perpetrators: [{ personId: child, name: 'x' }] }, 'support-measure-party-invalid'],
      [{ ...body, coProtectedPersonIds: ['00000000-0000-4000-8000-000000000000'] }, 'person-not-found'],
    ] as const) {
      const res = await approver.request('POST', '/api/v1/support-measures', b);
      expect((await json<{ code: string }>(res)).code).toBe(code);
    }
    expect((await json<{ items: unknown[] }>(await approver.request('GET', `/api/v1/persons/${wife}/support-measures`))).items).toEqual([]);

    const res = await approver.request('POST', '/api/v1/support-measures', body);
    expect(res.status, await res.clone().text()).toBe(201);
    const m = await json<View>(res);
    measureId = m.supportMeasureId;
    expect(m.applicant).toMatchObject({ contact: '090-0000-0000（日中のみ）', previousAddresses: ['東京都新宿区西新宿2-8-1'] });
    expect(m.parties.map((p) => [p.roleLabel, p.personId, p.name])).toEqual([['併せて支援を求める者', child, '支援　健太'], ['加害者', husband, '支援　太郎']]);
    // The child sees the measure as a co-protected person.
    const ofChild = await json<{ items: View[] }>(await approver.request('GET', `/api/v1/persons/${child}/support-measures`));
    expect(ofChild.items.map((x) => x.supportMeasureId)).toEqual([measureId]);
  });

  it('protects the co-protected child like the 申出者 and refuses any request of the 加害者', async () => {
    const third = await certificate([child], { type: 'third-party', ground: 'own-rights-duties' });
    expect(third.status).toBe(403);
    expect(await json(third)).toMatchObject({ code: 'support-measure-restricted' });
    const byHusband = await certificate([wife], { type: 'household', personId: husband });
    expect(byHusband.status).toBe(403);
    expect(await json(byHusband)).toMatchObject({ code: 'support-measure-perpetrator' });
    expect((await certificate([husband, child], { type: 'self', personId: husband })).status).toBe(403);
    expect((await certificate([husband], { type: 'self', personId: husband })).status).toBe(201); // his own copy alone
    expect((await certificate([wife], { type: 'self', personId: wife })).status).toBe(201);
  });

  it('lists the measure for the 終了通知 within a month of its end, then extends it by a year from the day after', async () => {
    const ending = async () => (await json<{ items: Array<{ supportMeasureId: string; applicantName: string; atenaNo: string; overdue: boolean }> }>(
      await approver.request('GET', '/api/v1/support-measures/ending'))).items;
    expect((await counter.request('GET', '/api/v1/support-measures/ending')).status).toBe(403);
    expect((await ending()).find((x) => x.supportMeasureId === measureId)).toMatchObject({ applicantName: '支援　花子', overdue: false });
    const before = await json<{ items: View[] }>(await approver.request('GET', `/api/v1/persons/${wife}/support-measures`));
    const endsOn = before.items[0]!.endsOn;
    expect(endsOn).toBe(defaultEndsOn(addDays(today, -340)));

    const early = await approver.request('POST', `/api/v1/support-measures/${measureId}/extensions`, { requestedOn: addDays(endsOn, -40) });
    expect(early.status).toBe(422);
    expect(await json(early)).toMatchObject({ code: 'support-measure-extension-too-early' });
    const ext = await approver.request('POST', `/api/v1/support-measures/${measureId}/extensions`, {});
    expect(ext.status, await ext.clone().text()).toBe(201);
    const extended = await json<View>(ext);
    expect(extended.endsOn).toBe(defaultEndsOn(addDays(endsOn, 1)));
    expect(extended.extensions).toEqual([expect.objectContaining({ previousEndsOn: endsOn, newEndsOn: extended.endsOn })]);
    expect((await ending()).some((x) => x.supportMeasureId === measureId)).toBe(false);
    const log = await json<{ items: Array<{ action: string }> }>(await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${wife}`));
    for (const a of ['registry.support-measure.register', 'registry.support-measure.extend', 'registry.support-measure.ending-list']) expect(log.items.map((e) => e.action)).toContain(a);
  });

  it('registers a 仮支援措置 that protects at once and is confirmed once', async () => {
    const res = await approver.request('POST', '/api/v1/support-measures', { personId: child, kind: 'child-abuse', requestingBody: '児童相談所（意見照会中）', provisional: true });
    const m = await json<View>(res);
    expect(m.provisional).toBe(true);
    const ok = await approver.request('POST', `/api/v1/support-measures/${m.supportMeasureId}/confirmations`);
    expect(ok.status).toBe(201);
    expect((await json<View>(ok)).provisional).toBe(false);
    const again = await approver.request('POST', `/api/v1/support-measures/${m.supportMeasureId}/confirmations`);
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({ code: 'support-measure-not-provisional' });
  });
});
