// HTTP tests of DV等支援措置 in the registry: who may register, read and end measures; every access logged;
// refusals change nothing; other municipalities see nothing; clerks get only the alert.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { japanToday } from '../registry.service.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';

const M = '202151';
const OTHER = '131016';

describe('support measures API', () => {
  const t = useTestApp();
  let counter: Client, approver: Client, admin: Client, foreignApprover: Client;
  let person: string;
  let today: string;
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    const mk = async (code: string, roles: Parameters<typeof t.staff>[1]) => t.login(code, (await t.staff(code, roles)).loginId);
    counter = await mk(M, ['counter']);
    approver = await mk(M, ['approver']);
    admin = await mk(M, ['admin']);
    foreignApprover = await mk(OTHER, ['approver']);
    const res = await counter.request('POST', '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -3), address: { townName: '大字広丘野村', banchi: '3300番地' },
      persons: [newPerson(601, '世帯主', '1985-01-01')] });
    const rec = await json<{ changeId: string; personIds: string[] }>(res);
    expect((await approver.request('POST', `/api/v1/changes/${rec.changeId}/approvals`)).status).toBe(201);
    person = rec.personIds[0]!;
  });

  const list = async () => json<{ items: Array<{ supportMeasureId: string; endsOn: string; endedOn: string | null }>; alerts: Array<{ code: string }> }>(
    await approver.request('GET', `/api/v1/persons/${person}/support-measures`));

  it('lets only approvers register; refusals change nothing', async () => {
    const body = { personId: person, kind: 'dv', startsOn: addDays(today, -10), requestingBody: '配偶者暴力相談支援センター', note: '加害者は元配偶者' };
    expect((await counter.request('POST', '/api/v1/support-measures', body)).status).toBe(403);
    expect((await admin.request('POST', '/api/v1/support-measures', body)).status).toBe(403);
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ ...body, endsOn: addDays(today, -20) }, 422, 'support-measure-dates'],
      [{ ...body, startsOn: '2025-02-30' }, 422, 'invalid-date'],
      [{ ...body, personId: '00000000-0000-4000-8000-000000000000' }, 404, 'person-not-found'],
      [{ ...body, kind: 'unknown' }, 400, 'invalid-params'],
    ];
    for (const [b, status, code] of cases) {
      const res = await approver.request('POST', '/api/v1/support-measures', b);
      expect(res.status, code).toBe(status);
      expect((await json<{ code: string }>(res)).code).toBe(code);
    }
    expect((await list()).items).toHaveLength(0);
    expect((await foreignApprover.request('POST', '/api/v1/support-measures', body)).status).toBe(404);

    const res = await approver.request('POST', '/api/v1/support-measures', body);
    expect(res.status).toBe(201);
    const m = await json<{ startsOn: string; endsOn: string; kindLabel: string }>(res);
    expect(m).toMatchObject({ startsOn: addDays(today, -10), kindLabel: 'DV' });
    expect(m.endsOn > today).toBe(true);
  });

  it('shows details only to approvers and the bare alert to clerks; logs every access', async () => {
    const l = await list();
    expect(l.items).toHaveLength(1);
    expect(l.alerts.map((a) => a.code)).toEqual(['support-measure-subject']);
    expect((await counter.request('GET', `/api/v1/persons/${person}/support-measures`)).status).toBe(403);
    const alerts = await json<{ alerts: Array<{ code: string; message: string }> }>(await counter.request('GET', `/api/v1/persons/${person}/support-measure-alerts`));
    expect(alerts.alerts.map((a) => a.code)).toEqual(['support-measure-subject']);
    expect((await foreignApprover.request('GET', `/api/v1/persons/${person}/support-measures`)).status).toBe(404);

    const log = await json<{ items: Array<{ action: string; actorId: string }> }>(await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${person}&limit=200`));
    const actions = log.items.map((e) => e.action);
    expect(actions).toContain('registry.support-measure.register');
    expect(actions).toContain('registry.support-measure.read');
    expect(log.items.some((e) => e.action === 'registry.support-measure.status-read' && e.actorId === counter.staffId)).toBe(true);
  });

  it('ends a measure once, explicitly', async () => {
    const id = (await list()).items[0]!.supportMeasureId;
    expect((await counter.request('POST', `/api/v1/support-measures/${id}/endings`, { reason: '申出による終了' })).status).toBe(403);
    const ended = await approver.request('POST', `/api/v1/support-measures/${id}/endings`, { endedOn: addDays(today, -1), reason: '申出による終了' });
    expect(ended.status).toBe(201);
    expect((await json<{ endedOn: string }>(ended)).endedOn).toBe(addDays(today, -1));
    const again = await approver.request('POST', `/api/v1/support-measures/${id}/endings`, { reason: '申出による終了' });
    expect(again.status).toBe(409);
    expect((await json<{ code: string }>(again)).code).toBe('support-measure-ended');
    expect((await list()).alerts).toEqual([]);
    expect((await approver.request('POST', '/api/v1/support-measures/00000000-0000-4000-8000-000000000000/endings', { reason: 'x' })).status).toBe(404);
    const log = await json<{ items: Array<{ action: string }> }>(await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${person}&limit=200`));
    expect(log.items.map((e) => e.action)).toContain('registry.support-measure.end');
  });
});
