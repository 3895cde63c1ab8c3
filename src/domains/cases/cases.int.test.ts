// HTTP tests of cases (issue #10, "Done when"): a 転居届 submitted through the API is reviewed automatically and
// appears in the registry as 仮登録; a faulty one lands in a reviewer's queue with the reason; 補正 stops the clock.
import { sql } from 'kysely';
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/test-app.ts';
import { japanToday } from '../registry/index.ts';
import { shiftDays } from './business-days.ts';
import { enterHousehold, moveWithinSubmission } from './testing/case-fixtures.ts';
import { assertOcel20 } from './testing/ocel-schema.ts';

const M = '202151';

describe('cases API', () => {
  const t = useTestApp();
  let counter: Client, reviewer: Client, approver: Client, analyst: Client;
  let today: string;
  let n = 0;
  const json = async <T = Record<string, any>>(res: Response) => (await res.json()) as T;
  const household = async (size = 2, movedInOn = shiftDays(today, -200)) => enterHousehold(t.services, M, {
    banchi: `${1000 + ++n}番地`, movedInOn,
    members: [{ givenName: `太郎${n}`, birthDate: '1980-04-01', relationship: '世帯主' }, { givenName: `花子${n}`, birthDate: '1982-05-05', relationship: '妻' },
      { givenName: `一郎${n}`, birthDate: '2012-06-06', relationship: '子' }].slice(0, size),
  });
  const submit = async (body: unknown, client = counter, headers: Record<string, string> = {}) => {
    const res = await client.request('POST', '/api/v1/cases', body, headers);
    return { res, body: await json(res) };
  };
  const getCase = async (id: string, client = reviewer) => json(await client.request('GET', `/api/v1/cases/${id}`));

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    const mk = async (roles: Parameters<typeof t.staff>[1]) => t.login(M, (await t.staff(M, roles)).loginId);
    counter = await mk(['counter']);
    reviewer = await mk(['reviewer']);
    approver = await mk(['approver']);
    analyst = await mk(['analyst']);
  });

  it('reviews a clean 転居届 automatically and records the move in the registry (本登録 by rule), with no one typing it again', async () => {
    const persons = await household(2);
    const { res, body } = await submit(moveWithinSubmission(persons, { movedOn: shiftDays(today, -3), banchi: '7番1号' }));
    expect(res.status).toBe(201);
    expect(body.caseNo).toMatch(/^\d{4}-\d{6}$/);
    expect(body.legalDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await t.services.cases.drainJobs();
    const c = await getCase(body.caseId);
    expect(c.statusCode).toBe('closed');
    expect(c.resultCode).toBe('approved');
    expect(c.review.outcome).toBe('clean');
    expect(c.review.checks.every((x: { passed: boolean }) => x.passed)).toBe(true);
    expect(c.decision).toMatchObject({ outcome: 'approved', decidedByType: 'system' });
    const changeId = c.decision.effect.registryChangeId as string;
    const change = await json(await reviewer.request('GET', `/api/v1/changes/${changeId}`));
    // 転居届 allows 本登録 by rule: a clean automatic approval is final at once; the new address is the record's.
    expect(change).toMatchObject({ kind: 'move-within', status: 'final', operatorId: 'auto-review' });
    expect(change.personIds.sort()).toEqual(persons.map((p) => p.personId).sort());
    const person = await json(await reviewer.request('GET', `/api/v1/persons/${persons[0]!.personId}`));
    expect(JSON.stringify(person.address)).toContain('7番1号');
    // Every transition is an event.
    const events = await json(await reviewer.request('GET', `/api/v1/cases/${body.caseId}/events`));
    expect(events.items.map((e: { activity: string }) => e.activity)).toEqual(['submitted', 'review-started', 'decision:approved', 'closed']);
  });

  it('sends a faulty 転居届 to the reviewer queue with every failed check explained, and writes nothing to the registry', async () => {
    const persons = await household(2);
    const sub = moveWithinSubmission(persons, { movedOn: shiftDays(today, -20), banchi: '8番1号', townName: '大字存在しない町' });
    sub.subjects[1]!.birthDate = '1982-05-06';
    const { body } = await submit(sub);
    await t.services.cases.drainJobs();
    const c = await getCase(body.caseId);
    expect(c).toMatchObject({ statusCode: 'in-review', reviewOutcome: 'needs-person', queue: 'registry-review', decision: null });
    const failed = c.review.checks.filter((x: { passed: boolean }) => !x.passed);
    expect(failed.map((x: { rule: string }) => x.rule).sort()).toEqual(['address-in-town-list', 'identity-match', 'notification-period']);
    expect(failed.find((x: { rule: string }) => x.rule === 'identity-match').message).toContain('対象者2人目の生年月日が住民記録と一致しません');
    expect(failed.find((x: { rule: string }) => x.rule === 'notification-period').message).toContain('14日以内');
    const queue = await json(await reviewer.request('GET', '/api/v1/cases?queue=registry-review'));
    expect(queue.items.find((i: { caseId: string }) => i.caseId === body.caseId)).toMatchObject({ failedChecks: 3, statusLabel: '審査中' });
    const provisional = await json(await reviewer.request('GET', '/api/v1/provisional-changes'));
    expect(provisional.items.some((p: { personIds: string[] }) => p.personIds.includes(persons[0]!.personId))).toBe(false);
    // The stored review replays to the same results.
    const replay = await json(await reviewer.request('GET', `/api/v1/cases/${body.caseId}/reviews/${c.review.reviewId}/replay`));
    expect(replay.identical).toBe(true);
  });

  it('stops the clock on 補正 and, on the answer, reviews again and approves', async () => {
    const persons = await household(1);
    const sub = moveWithinSubmission(persons, { movedOn: shiftDays(today, -1), banchi: '9番1号' });
    sub.subjects[0]!.familyName = '小杉';
    const { body } = await submit(sub);
    await t.services.cases.drainJobs();
    const req = await reviewer.request('POST', `/api/v1/cases/${body.caseId}/corrections`, { message: '氏名をご確認ください', fields: ['subjects.0.familyName'] });
    expect(req.status).toBe(201);
    const { correctionId } = await json(req);
    const waiting = await getCase(body.caseId);
    expect(waiting).toMatchObject({ statusCode: 'awaiting-correction', suspended: true, legalDueOn: null, deadlineState: 'suspended' });
    const answer = await reviewer.request('POST', `/api/v1/cases/${body.caseId}/corrections/${correctionId}/answers`,
      { message: '訂正します', subjects: moveWithinSubmission(persons, { movedOn: shiftDays(today, -1), banchi: '9番1号' }).subjects });
    expect(answer.status).toBe(201);
    expect((await json(answer)).suspensions).toEqual([{ from: today, to: today, reason: '補正依頼' }]);
    await t.services.cases.drainJobs();
    const done = await getCase(body.caseId);
    expect(done).toMatchObject({ statusCode: 'closed', resultCode: 'approved' });
    // Answering twice is refused.
    const again = await reviewer.request('POST', `/api/v1/cases/${body.caseId}/corrections/${correctionId}/answers`, { message: 'x' });
    expect(again.status).toBe(409);
  });

  it('lets a reviewer approve a case the rules sent to a person, and refuses (changing nothing) when the registry refuses', async () => {
    const persons = await household(3);
    // Only the child moves: the household is split; the registry needs a new head, so approval is refused as is.
    const sub = moveWithinSubmission([persons[1]!, persons[2]!], { movedOn: shiftDays(today, -2), banchi: '10番1号' });
    const { body } = await submit(sub);
    await t.services.cases.drainJobs();
    const c = await getCase(body.caseId);
    expect(c.review.checks.find((x: { rule: string }) => x.rule === 'whole-household').passed).toBe(false);
    const res = await reviewer.request('POST', `/api/v1/cases/${body.caseId}/decisions`, { outcome: 'approved', reasons: '' });
    expect(res.status).toBe(422);
    const problem = await json(res);
    expect(problem.code).toBe('effect-refused');
    expect(problem.title).toMatch(/住民記録/);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await getCase(body.caseId)).statusCode).toBe('in-review');
    // Rejecting needs reasons; with them it closes the case.
    expect((await json(await reviewer.request('POST', `/api/v1/cases/${body.caseId}/decisions`, { outcome: 'rejected' }))).code).toBe('reasons-required');
    const rejected = await reviewer.request('POST', `/api/v1/cases/${body.caseId}/decisions`, { outcome: 'rejected', reasons: '世帯分離の届出として出し直してください' });
    expect(rejected.status).toBe(201);
    expect(await json(rejected)).toMatchObject({ statusCode: 'closed', resultCode: 'rejected' });
  });

  it('holds a second 転居届 for the same person as a conflicting open case', async () => {
    const persons = await household(1);
    const sub = moveWithinSubmission(persons, { movedOn: shiftDays(today, -1), banchi: '11番1号' });
    sub.subjects[0]!.givenName = '違う名';
    const first = await submit(sub);
    const second = await submit(moveWithinSubmission(persons, { movedOn: shiftDays(today, -1), banchi: '11番2号' }));
    await t.services.cases.drainJobs();
    const c = await getCase(second.body.caseId);
    const check = c.review.checks.find((x: { rule: string }) => x.rule === 'no-open-case');
    expect(check.passed).toBe(false);
    expect(check.message).toContain(first.body.caseNo);
  });

  it('keeps an attachment byte for byte with its SHA-256', async () => {
    const persons = await household(1);
    const { body } = await submit(moveWithinSubmission(persons, { movedOn: shiftDays(today, -1), banchi: '13番1号' }));
    const bytes = crypto.randomBytes(300 * 1024);
    const res = await counter.request('POST', `/api/v1/cases/${body.caseId}/attachments`, { fileName: '委任状.pdf', mediaType: 'application/pdf', contentBase64: bytes.toString('base64') });
    expect(res.status).toBe(201);
    const added = await json(res);
    expect(added.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    const stored = (await sql<{ sha: string; n: number }>`SELECT encode(sha256(content), 'hex') AS sha, octet_length(content) AS n FROM cases.attachment WHERE attachment_id = ${added.attachmentId}`
      .execute(t.services.db.owner)).rows[0]!;
    expect(stored).toEqual({ sha: added.sha256, n: bytes.length });
  });

  it('answers the same Idempotency-Key with the first result and refuses it for a different body', async () => {
    const persons = await household(1);
    const body = moveWithinSubmission(persons, { movedOn: shiftDays(today, -1), banchi: '12番1号' });
    const a = await submit(body, counter, { 'idempotency-key': 'cases-key-1' });
    const b = await submit(body, counter, { 'idempotency-key': 'cases-key-1' });
    expect(a.res.status).toBe(201);
    expect(b.body.caseId).toBe(a.body.caseId);
    const c = await submit({ ...body, channel: 'post' }, counter, { 'idempotency-key': 'cases-key-1' });
    expect(c.res.status).toBe(422);
    expect(c.body.code).toBe('idempotency-key-reused');
  });

  it('refuses bad input with a Japanese problem and a stable code, changing nothing and never a 5xx', async () => {
    const persons = await household(1);
    const good = moveWithinSubmission(persons, { movedOn: shiftDays(today, -1), banchi: '13番1号' });
    const count = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases.case`.execute(t.services.db.owner)).rows[0]!.n);
    const before = await count();
    const cases: Array<[unknown, number, string]> = [
      [{ ...good, caseTypeCode: 'no-such-type' }, 404, 'case-type-not-found'],
      [{ ...good, data: { movedOn: 'yesterday' } }, 400, 'invalid-params'],
      // A day that does not exist is no date (it used to pass the YYYY-MM-DD pattern and roll over).
      [{ ...good, data: { ...good.data, movedOn: '2026-02-31' } }, 400, 'invalid-params'],
      [{ ...good, receivedOn: '2026-02-30' }, 400, 'invalid-params'],
      [{ ...good, data: { ...good.data, extra: 1 } }, 400, 'invalid-params'],
      [{ ...good, subjects: [] }, 400, 'invalid-params'],
      [{ ...good, channel: 'fax' }, 400, 'invalid-params'],
      [{ ...good, applicant: { ...good.applicant, birthDate: '昭和99年13月1日' } }, 400, 'invalid-params'],
      [{ ...good, receivedOn: shiftDays(today, 3) }, 422, 'received-in-future'],
      // No name at all (neither 氏 nor, for a foreign resident registered under it, the ローマ字氏名).
      [{ ...good, applicant: { ...good.applicant, familyName: '', givenName: '' } }, 400, 'invalid-params'],
      [{ ...good, subjects: [{ ...good.subjects[0]!, familyName: ' ', givenName: '' }] }, 400, 'invalid-params'],
      ['not json', 400, 'invalid-params'],
    ];
    for (const [body, status, code] of cases) {
      const { res, body: problem } = await submit(body);
      expect([res.status, problem.code]).toEqual([status, code]);
      expect(problem.title).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    }
    const other = [
      [await analyst.request('GET', '/api/v1/cases'), 403, 'forbidden'],
      [await t.anonymous().request('GET', '/api/v1/cases'), 401, 'unauthenticated'],
      [await reviewer.request('GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000'), 404, 'case-not-found'],
      [await reviewer.request('GET', '/api/v1/cases/not-a-uuid'), 400, 'invalid-params'],
      [await reviewer.request('GET', '/api/v1/cases?view=everything'), 400, 'invalid-params'],
    ] as const;
    for (const [res, status, code] of other) expect([res.status, (await json(res)).code]).toEqual([status, code]);
    // A case the rules hold for a person (stays open while the actions below are refused).
    const { body: opened } = await submit({ ...good, subjects: [{ ...good.subjects[0]!, givenName: '別名' }] });
    await t.services.cases.drainJobs();
    expect((await json(await counter.request('POST', `/api/v1/cases/${opened.caseId}/decisions`, { outcome: 'approved' }))).code).toBe('not-a-decider');
    expect((await json(await reviewer.request('POST', `/api/v1/cases/${opened.caseId}/extensions`, { days: 3, reason: '調査' }))).code).toBe('extension-not-allowed');
    expect((await json(await reviewer.request('POST', `/api/v1/cases/${opened.caseId}/status-changes`, { statusCode: 'approved' }))).code).toBe('unknown-status');
    expect((await json(await reviewer.request('POST', `/api/v1/cases/${opened.caseId}/assignments`, { staffId: '00000000-0000-4000-8000-000000000000' }))).code).toBe('staff-not-found');
    expect(await count()).toBe(before + 1);
  });

  it('assigns, notes, and lists due-soon and overdue cases, raising each alert once', async () => {
    const persons = await household(1);
    // Received by post 30 days ago (with a reason to hold it): its 5-business-day legal period is over.
    const sub = { ...moveWithinSubmission(persons, { movedOn: shiftDays(today, -31), banchi: '14番1号', channel: 'post' }), receivedOn: shiftDays(today, -30) };
    sub.subjects[0]!.givenName = '別名';
    const { body } = await submit(sub);
    await t.services.cases.drainJobs();
    const me = reviewer.staffId;
    expect((await reviewer.request('POST', `/api/v1/cases/${body.caseId}/assignments`, { staffId: me, reason: '' })).status).toBe(201);
    expect((await reviewer.request('POST', `/api/v1/cases/${body.caseId}/notes`, { body: '郵送の消印を確認済み' })).status).toBe(201);
    const mine = await json(await reviewer.request('GET', '/api/v1/cases?view=mine'));
    expect(mine.items.map((i: { caseId: string }) => i.caseId)).toContain(body.caseId);
    const overdue = await json(await reviewer.request('GET', '/api/v1/cases?view=overdue'));
    expect(overdue.items.find((i: { caseId: string }) => i.caseId === body.caseId)).toMatchObject({ deadlineState: 'overdue', assigneeStaffId: me });
    await t.services.cases.tick();
    await t.services.cases.tick();
    const events = await json(await reviewer.request('GET', `/api/v1/cases/${body.caseId}/events`));
    expect(events.items.filter((e: { activity: string }) => e.activity === 'alert:overdue')).toHaveLength(1);
    const page = await getCase(body.caseId);
    expect(page.notes[0]).toMatchObject({ body: '郵送の消印を確認済み' });
  });

  it('exports the event log as OCEL 2.0 JSON valid against the official schema (object-centric: case, person, household, registry change)', async () => {
    const res = await analyst.request('GET', `/api/v1/case-events/ocel?from=${shiftDays(today, -1)}&to=${today}`);
    expect(res.status).toBe(200);
    const log = await json(res);
    assertOcel20(log);
    const types = log.objectTypes.map((o) => o.name);
    expect(types).toEqual(expect.arrayContaining(['case', 'person', 'household', 'registry-change']));
    const decision = log.events.find((e) => e.type === 'decision:approved')!;
    expect(decision.relationships!.map((r) => r.qualifier)).toEqual(expect.arrayContaining(['case', 'creates', 'subject', 'household']));
    expect((await reviewer.request('GET', '/api/v1/case-events/ocel')).status).toBe(403);
  });

  it('records the staff member\'s touch time (the case open in their screen) on their events, and none on the system\'s', async () => {
    const persons = await household(1);
    const sub = moveWithinSubmission(persons, { movedOn: shiftDays(today, -1), banchi: '15番1号' });
    sub.subjects[0]!.givenName = '別名';
    const { body } = await submit(sub);
    await t.services.cases.drainJobs();
    await getCase(body.caseId); // the reviewer opens the case
    await new Promise((r) => setTimeout(r, 1100));
    expect((await reviewer.request('POST', `/api/v1/cases/${body.caseId}/decisions`, { outcome: 'rejected', reasons: '氏名が住民記録と異なるため' })).status).toBe(201);
    const events = (await json(await reviewer.request('GET', `/api/v1/cases/${body.caseId}/events`))).items as Array<{ activity: string; actorType: string; touchSeconds: number }>;
    const decision = events.find((e) => e.activity === 'decision:rejected')!;
    expect(decision.actorType).toBe('staff');
    expect(decision.touchSeconds).toBeGreaterThanOrEqual(1);
    expect(decision.touchSeconds).toBeLessThan(600);
    expect(events.filter((e) => e.actorType === 'system').every((e) => e.touchSeconds === 0)).toBe(true);
  });

  it('keeps a municipality from seeing another municipality\'s cases', async () => {
    const other = '132098';
    await t.tenant(other);
    const c2 = await t.login(other, (await t.staff(other, ['reviewer'])).loginId);
    const list = await json(await c2.request('GET', '/api/v1/cases'));
    expect(list.items).toEqual([]);
    const mine = await json(await reviewer.request('GET', '/api/v1/cases?limit=1'));
    expect((await c2.request('GET', `/api/v1/cases/${mine.items[0].caseId}`)).status).toBe(404);
  });

});
