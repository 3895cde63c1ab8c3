// HTTP tests of corrections (修正), withdrawals (取下げ) and declined offers (辞退) in the daycare office's tool.
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp } from '../../../test/test-app.ts';

const SHIOJIRI = '202151';
type Json = Record<string, unknown>;

describe('daycare applications: correction, withdrawal, decline', () => {
  const t = useTestApp();

  async function officer() {
    const s = await t.staff(SHIOJIRI, ['daycare']);
    const res = await t.app.request('/api/v1/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ municipalityCode: SHIOJIRI, loginId: s.loginId, password: TEST_PASSWORD }) });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const call = async (method: string, path: string, body?: unknown) => {
      const r = await t.app.request(`/api/v1${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await r.text();
      return { status: r.status, body: (text.startsWith('{') ? JSON.parse(text) : {}) as Json & { code?: string } };
    };
    /** A browser form post: the session cookie and the form's fields only (no CSRF header). */
    const post = (path: string, fields: Record<string, string>) => t.app.request(path, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    const get = async (path: string) => { const r = await t.app.request(path, { headers: { cookie } }); return { status: r.status, html: await r.text() }; };
    return { call, post, get, csrfToken, staffId: s.staffId };
  }

  /** Two class-1 seats (one at F1, one at F2) and two children who both put F1 first. */
  async function round(call: Awaited<ReturnType<typeof officer>>['call'], roundId: string, seats: { F1: number[]; F2: number[] }) {
    expect((await call('POST', '/daycare-rounds', { roundId, name: '一次', kind: 'primary', referenceDate: '2027-04-01', lotterySeed: 's' })).status).toBe(201);
    for (const [id, s] of Object.entries(seats)) expect((await call('PUT', `/daycare-rounds/${roundId}/facilities/${id}`, { name: id, seats: s })).status).toBe(201);
    for (const [h, c, score] of [['HA', 'CA', 10], ['HB', 'CB', 20]] as const) {
      const res = await call('POST', `/daycare-rounds/${roundId}/applications`, { householdId: h, children: [{ childId: c, ageClass: 1, preferences: ['F1', 'F2'], score }] });
      expect(res.status).toBe(201);
    }
  }
  const offers = async (call: Awaited<ReturnType<typeof officer>>['call'], roundId: string) => {
    const run = await call('POST', `/daycare-rounds/${roundId}/allocation-runs`);
    expect(run.status).toBe(201);
    const result = (await call('GET', `/daycare-rounds/${roundId}/applications`)).body as { items: Array<{ childId: string; outcome: { status: string; facilityId: string | null } | null; withdrawnAt: string | null }> };
    return Object.fromEntries(result.items.filter((a) => !a.withdrawnAt).map((a) => [a.childId, a.outcome?.facilityId ?? a.outcome?.status]));
  };

  it('a corrected first preference changes the re-run; invalid corrections and unknown children change nothing', async () => {
    const { call, staffId } = await officer();
    await round(call, 'C1', { F1: [0, 1, 0, 0, 0, 0], F2: [0, 1, 0, 0, 0, 0] });
    expect(await offers(call, 'C1')).toEqual({ CA: 'F2', CB: 'F1' });

    const bad = await call('PUT', '/daycare-rounds/C1/applications/CB', { ageClass: 1, preferences: ['NOPE'], score: 20 });
    expect(bad.status).toBe(422);
    expect((await call('PUT', '/daycare-rounds/C1/applications/CB', { ageClass: 9, preferences: ['F1'], score: 20 })).status).toBe(400);
    expect((await call('GET', '/daycare-rounds/C1/applications/CB')).body.preferences).toEqual(['F1', 'F2']);
    expect((await call('PUT', '/daycare-rounds/C1/applications/NOBODY', { ageClass: 1, preferences: ['F1'], score: 1 })).status).toBe(404);
    expect((await call('GET', '/daycare-rounds/C1/result')).body.upToDate).toBe(true);

    const fixed = await call('PUT', '/daycare-rounds/C1/applications/CB', { childName: '修正 太郎', ageClass: 1, preferences: ['F2', 'F1'], score: 20 });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ childId: 'CB', householdId: 'HB', preferences: ['F2', 'F1'], childName: '修正 太郎' });
    // The result run before the correction is outdated, as after any data change: confirming it is refused.
    expect((await call('GET', '/daycare-rounds/C1/result')).body.upToDate).toBe(false);
    expect((await call('POST', '/daycare-rounds/C1/confirmations')).body.code).toBe('daycare-result-outdated');
    expect(await offers(call, 'C1')).toEqual({ CA: 'F1', CB: 'F2' });

    const entries = await t.services.audit.list({ type: 'staff', municipalityCode: SHIOJIRI, roles: ['admin'] } as never, { subjectId: 'C1/CB', limit: 50 });
    expect(entries.some((e) => e.action === 'daycare.application.correct' && e.actorId === staffId)).toBe(true);
  });

  it('a withdrawn child is kept for the record but absent from the next run and the exported request', async () => {
    const { call, staffId } = await officer();
    await round(call, 'W1', { F1: [0, 1, 0, 0, 0, 0], F2: [0, 0, 0, 0, 0, 0] });
    expect(await offers(call, 'W1')).toEqual({ CA: 'HOLD', CB: 'F1' });
    expect((await call('POST', '/daycare-rounds/W1/applications/CB/withdrawals')).status).toBe(204);
    expect((await call('POST', '/daycare-rounds/W1/applications/CB/withdrawals')).body.code).toBe('daycare-application-withdrawn');
    expect((await call('PUT', '/daycare-rounds/W1/applications/CB', { ageClass: 1, preferences: ['F1'], score: 1 })).body.code).toBe('daycare-application-withdrawn');
    expect((await call('POST', '/daycare-rounds/W1/applications/NOBODY/withdrawals')).status).toBe(404);
    expect((await call('GET', '/daycare-rounds/W1/result')).body.upToDate).toBe(false);

    const record = (await call('GET', '/daycare-rounds/W1/applications/CB')).body;
    expect(record.withdrawnAt).toEqual(expect.any(String));
    const request = (await call('GET', '/daycare-rounds/W1/allocation-request')).body as { households: Array<{ id: string; children: Array<{ id: string }> }> };
    expect(request.households.map((h) => h.id)).toEqual(['HA']);
    expect(JSON.stringify(request)).not.toContain('CB');

    const run = await call('POST', '/daycare-rounds/W1/allocation-runs');
    expect(run.body.total).toMatchObject({ applicants: 1, offers: 1 });
    const result = (await call('GET', '/daycare-rounds/W1/allocation-result')).body as { assignments: Array<{ childId: string; status: string; facilityId: string | null }> };
    expect(result.assignments).toEqual([expect.objectContaining({ childId: 'CA', status: 'OFFER', facilityId: 'F1' })]);
    expect((await call('GET', '/daycare-rounds/W1')).body.children).toBe(1);
    // The ids stay taken: the record is kept.
    expect((await call('POST', '/daycare-rounds/W1/applications', { householdId: 'HB', children: [{ childId: 'CZ', ageClass: 1, preferences: ['F1'], score: 1 }] })).body.code).toBe('daycare-household-exists');
    expect((await call('POST', '/daycare-rounds/W1/applications', { householdId: 'HZ', children: [{ childId: 'CB', ageClass: 1, preferences: ['F1'], score: 1 }] })).body.code).toBe('daycare-child-exists');

    const entries = await t.services.audit.list({ type: 'staff', municipalityCode: SHIOJIRI, roles: ['admin'] } as never, { subjectId: 'W1/CB', limit: 50 });
    expect(entries.some((e) => e.action === 'daycare.application.withdraw' && e.actorId === staffId)).toBe(true);
  });

  it('refuses corrections and withdrawals after confirmation and changes nothing', async () => {
    const { call } = await officer();
    await round(call, 'F1R', { F1: [0, 1, 0, 0, 0, 0], F2: [0, 1, 0, 0, 0, 0] });
    await offers(call, 'F1R');
    expect((await call('POST', '/daycare-rounds/F1R/confirmations')).status).toBe(204);
    const before = (await call('GET', '/daycare-rounds/F1R/allocation-request')).body;
    const put = await call('PUT', '/daycare-rounds/F1R/applications/CA', { ageClass: 1, preferences: ['F2'], score: 99 });
    expect(put).toMatchObject({ status: 409, body: { code: 'daycare-round-frozen', title: 'この回は決定済みのため変更できません' } });
    expect((await call('POST', '/daycare-rounds/F1R/applications/CA/withdrawals')).body.code).toBe('daycare-round-frozen');
    expect((await call('GET', '/daycare-rounds/F1R/allocation-request')).body).toEqual(before);
    expect((await call('GET', '/daycare-rounds/F1R/applications/CA')).body).toMatchObject({ preferences: ['F1', 'F2'], score: 10, withdrawnAt: null });
    expect((await call('GET', '/daycare-rounds/F1R/result')).body.upToDate).toBe(true);
  });

  it('辞退 in a confirmed round 1 frees the seat in a round 2 created afterwards; the child is not carried', async () => {
    const { call, staffId } = await officer();
    // One class-1 seat, at F1: CB (20) gets it, CA (10) is held.
    await round(call, 'D1', { F1: [0, 1, 0, 0, 0, 0], F2: [0, 0, 0, 0, 0, 0] });
    expect(await offers(call, 'D1')).toEqual({ CA: 'HOLD', CB: 'F1' });
    expect((await call('POST', '/daycare-rounds/D1/applications/CB/declines')).body.code).toBe('daycare-round-not-confirmed');
    expect((await call('POST', '/daycare-rounds/D1/confirmations')).status).toBe(204);
    expect((await call('POST', '/daycare-rounds/D1/applications/CA/declines')).body.code).toBe('daycare-no-offer');
    const declined = await call('POST', '/daycare-rounds/D1/applications/CB/declines');
    expect(declined.status).toBe(201);
    expect((await call('POST', '/daycare-rounds/D1/applications/CB/declines')).body.code).toBe('daycare-offer-declined');
    expect((await call('GET', '/daycare-rounds/D1/applications/CB')).body.declinedAt).toEqual(expect.any(String));

    expect((await call('POST', '/daycare-rounds', { roundId: 'D2', name: '二次', kind: 'secondary', referenceDate: '2027-04-01', previousRoundId: 'D1' })).status).toBe(201);
    const facilities = (await call('GET', '/daycare-rounds/D2/facilities')).body as { items: Array<{ facilityId: string; seats: number[] }> };
    expect(facilities.items.find((f) => f.facilityId === 'F1')!.seats).toEqual([0, 1, 0, 0, 0, 0]);
    expect(await offers(call, 'D2')).toEqual({ CA: 'F1' });
    // A round 2 exists now: a later decline could not reach it, so it is refused.
    expect((await call('POST', '/daycare-rounds/D1/applications/CB/declines')).body.code).toBe('daycare-offer-declined');

    const entries = await t.services.audit.list({ type: 'staff', municipalityCode: SHIOJIRI, roles: ['admin'] } as never, { subjectId: 'D1/CB', limit: 50 });
    expect(entries.some((e) => e.action === 'daycare.offer.decline' && e.actorId === staffId)).toBe(true);
  });

  it('without a decline, round 2 has no seat for the held child (control)', async () => {
    const { call } = await officer();
    await round(call, 'N1', { F1: [0, 1, 0, 0, 0, 0], F2: [0, 0, 0, 0, 0, 0] });
    await offers(call, 'N1');
    expect((await call('POST', '/daycare-rounds/N1/confirmations')).status).toBe(204);
    expect((await call('POST', '/daycare-rounds', { roundId: 'N2', name: '二次', kind: 'secondary', referenceDate: '2027-04-01', previousRoundId: 'N1' })).status).toBe(201);
    expect(await offers(call, 'N2')).toEqual({ CA: 'HOLD' });
    expect((await call('POST', '/daycare-rounds/N1/applications/CB/declines')).body.code).toBe('daycare-secondary-round-exists');
  });

  it('web: 修正, 取下げ (with a confirmation step) and 辞退を記録 on the application page, CSRF-protected', async () => {
    const { call, post, get, csrfToken } = await officer();
    await round(call, 'WEB', { F1: [0, 1, 0, 0, 0, 0], F2: [0, 1, 0, 0, 0, 0] });
    const base = '/console/daycare/rounds/WEB/applications';
    const detail = await get(`${base}/CB`);
    expect(detail.html).toContain(`href="${base}/CB/edit"`);
    expect(detail.html).toContain(`href="${base}/CB/withdraw"`);
    expect(detail.html).not.toContain('辞退を記録');

    const edit = await get(`${base}/CB/edit`);
    expect(edit.status).toBe(200);
    expect(edit.html).toContain('申込の修正');
    expect(edit.html).toContain('value="F1 F2"');
    expect(edit.html).toContain('value="20"');
    expect((await post(`${base}/CB/edit`, { ageClass: '1', preferences: 'F2', score: '20' })).status).toBe(403);
    expect((await call('GET', '/daycare-rounds/WEB/applications/CB')).body.preferences).toEqual(['F1', 'F2']);
    const bad = await post(`${base}/CB/edit`, { _csrf: csrfToken, ageClass: '1', preferences: 'NOPE', score: '20' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('value="NOPE"');
    const saved = await post(`${base}/CB/edit`, { _csrf: csrfToken, ageClass: '1', preferences: 'F2', score: '25' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${base}/CB?done=corrected`);
    expect((await call('GET', '/daycare-rounds/WEB/applications/CB')).body).toMatchObject({ preferences: ['F2'], score: 25 });
    expect((await get(`${base}/CB?done=corrected`)).html).toContain('申込を修正しました。');

    const confirm = await get(`${base}/CA/withdraw`);
    expect(confirm.html).toContain('取下げた申込は記録として残りますが');
    expect(confirm.html).toContain(`action="${base}/CA/withdraw"`);
    expect((await post(`${base}/CA/withdraw`, {})).status).toBe(403);
    expect((await call('GET', '/daycare-rounds/WEB/applications/CA')).body.withdrawnAt).toBeNull();
    expect((await post(`${base}/CA/withdraw`, { _csrf: csrfToken })).status).toBe(303);
    const withdrawn = await get(`${base}/CA?done=withdrawn`);
    expect(withdrawn.html).toContain('取下げ済み');
    expect(withdrawn.html).not.toContain(`href="${base}/CA/edit"`);
    expect((await get(base)).html).toContain('取下げ');

    // After confirmation: no 修正/取下げ, and 辞退を記録 for the child with an offer.
    expect((await call('POST', '/daycare-rounds/WEB/allocation-runs')).status).toBe(201);
    expect((await call('POST', '/daycare-rounds/WEB/confirmations')).status).toBe(204);
    const frozen = await get(`${base}/CB`);
    expect(frozen.html).not.toContain(`href="${base}/CB/edit"`);
    expect(frozen.html).toContain(`href="${base}/CB/decline"`);
    const refused = await post(`${base}/CB/edit`, { _csrf: csrfToken, ageClass: '1', preferences: 'F1', score: '1' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('この回は決定済みのため変更できません');
    expect((await post(`${base}/CB/decline`, { _csrf: csrfToken })).status).toBe(303);
    expect((await get(`${base}/CB?done=declined`)).html).toContain('辞退を記録しました。');
    expect((await call('GET', '/daycare-rounds/WEB/applications/CB')).body.declinedAt).toEqual(expect.any(String));
  });
});
