// 受付番号: issued (safe to repeat), called, served; waiting and service times recorded in counter.ticket; the lobby
// display; refusals in words; only staff with counter:serve.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from './test-app.ts';
import { consoleSessions } from './web-console-session.ts';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';

const M = '202151';

describe('counter tickets', () => {
  const t = useTestApp();
  const s = consoleSessions(t, M);

  it('issues numbers in order, a repeat of the same form gives the same number, and serves one with times recorded', async () => {
    const clerk = await s.signIn(['counter']);
    const first = await s.post(clerk, '/console/counter/tickets', { _csrf: clerk.csrf, _idem: 'ticket-form-0001', e: ['move-in', 'birth'], channel: 'walk-in' });
    expect(first.status).toBe(303);
    const n1 = Number(/issued=(\d+)/.exec(first.headers.get('location')!)![1]);
    const again = await s.post(clerk, '/console/counter/tickets', { _csrf: clerk.csrf, _idem: 'ticket-form-0001', e: ['move-in', 'birth'], channel: 'walk-in' });
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    const second = await s.post(clerk, '/console/counter/tickets', { _csrf: clerk.csrf, _idem: 'ticket-form-0002', channel: 'reservation' });
    expect(second.headers.get('location')).toBe(`/console/counter?issued=${n1 + 1}`);

    const page = await (await s.get(clerk, '/console/counter?issued=' + n1)).text();
    expect(page).toContain(`受付番号 ${n1} 番を発行しました。`);
    expect(page).toContain('転入・出生');
    for (const action of ['call', 'start', 'finish']) {
      const res = await s.post(clerk, `/console/counter/tickets/${n1}/${action}`, { _csrf: clerk.csrf, _idem: `ticket-${n1}-${action}` });
      expect(res.status).toBe(303);
    }
    const rows = await withTenant(t.services.db, M, (trx) => sql<{ number: number; status: string; lifeEvents: string[]; calledAt: Date | null; serviceStartedAt: Date | null; serviceEndedAt: Date | null; staffId: string | null; channel: string }>`
      SELECT number, status, life_events, called_at, service_started_at, service_ended_at, staff_id, channel FROM counter.ticket ORDER BY number`.execute(trx));
    const served = rows.rows.find((r) => r.number === n1)!;
    expect(served).toMatchObject({ status: 'done', lifeEvents: ['move-in', 'birth'], staffId: clerk.staffId, channel: 'walk-in' });
    expect(served.serviceEndedAt!.getTime()).toBeGreaterThanOrEqual(served.serviceStartedAt!.getTime());
    expect(rows.rows.find((r) => r.number === n1 + 1)).toMatchObject({ status: 'waiting', channel: 'reservation' });
    expect(rows.rows.filter((r) => r.number > n1 + 1)).toEqual([]);

    // Calling a finished ticket, or an unknown number, is refused in words and changes nothing.
    const late = await s.post(clerk, `/console/counter/tickets/${n1}/call`, { _csrf: clerk.csrf, _idem: `ticket-${n1}-call-2` });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('この受付番号は呼び出せません（完了）');
    const unknown = await s.post(clerk, '/console/counter/tickets/9999/call', { _csrf: clerk.csrf, _idem: 'ticket-9999-call' });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('その受付番号は本日発行されていません');

    await s.post(clerk, `/console/counter/tickets/${n1 + 1}/call`, { _csrf: clerk.csrf, _idem: `ticket-${n1 + 1}-call` });
    const display = await (await s.get(clerk, '/console/counter/display')).text();
    expect(display).toContain(`data-called="${n1 + 1}"`);
    // Kept current by a script that replaces the numbers (a timed page refresh fails WCAG 2.2.1).
    expect(display).toContain('counter-display.js');
    expect(display).not.toContain('http-equiv="refresh"');
    expect(display).not.toContain(`data-called="${n1}"`);
    // The lobby and the reception page count the same people as waiting; the one called is said apart.
    const third = await s.post(clerk, '/console/counter/tickets', { _csrf: clerk.csrf, _idem: 'ticket-form-0003', channel: 'walk-in' });
    expect(third.status).toBe(303);
    const lobby = await (await s.get(clerk, '/console/counter/display')).text();
    expect(lobby).toContain('お待ちの方 1人');
    const reception = await (await s.get(clerk, '/console/counter')).text();
    expect(reception).toMatch(/data-testid="waiting-summary">待ち 1人・呼出中 1人/);
  });

  it('is only for staff who serve at the counter', async () => {
    const reviewer = await s.signIn(['reviewer']);
    expect((await s.get(reviewer, '/console/counter')).status).toBe(403);
    const post = await s.post(reviewer, '/console/counter/tickets', { _csrf: reviewer.csrf, _idem: 'ticket-form-r001' });
    expect(post.status).toBe(403);
    expect((await t.app.request('/console/counter')).status).toBe(303);
  });
});
