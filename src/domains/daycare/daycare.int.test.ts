// HTTP and service tests of the daycare office's tool (issue #5) on PGlite or PostgreSQL (DATABASE_URL).
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp, type Client } from '../../../test/test-app.ts';

const SHIOJIRI = '202151';
const MATSUMOTO = '202029';

const CSV_OK = [
  '世帯番号,児童番号,児童氏名,保護者氏名,年齢クラス,在園施設,希望施設,指数,保護者1事由,保護者1就労時間,保護者2事由,保護者2就労時間,加点事由,優先区分,所得割額',
  'H1,C1,塩尻 一郎,塩尻 太郎,1,,F1 F2,,就労,40,就労,40,,2,100000',
  'H2,C2,塩尻 二郎,塩尻 花子,1,,F1,,就労,40,就労,30,,2,200000',
  'H3,C3,,,1,,F1 F2,,就労,25,求職,,,3,300000',
  'H4,C4,,,0,,F1,15,,,,,,1,50000',
  'H5,C5,,,1,F2,F1,,就労,40,就労,40,ひとり親,1,10000',
].join('\n');

describe('daycare office tool', () => {
  const t = useTestApp();

  async function officer(code = SHIOJIRI) {
    const s = await t.staff(code, ['daycare']);
    return { client: await rawClient(t.app, code, s.loginId), staffId: s.staffId };
  }

  async function primaryRound(client: RawClient, roundId: string) {
    const res = await client.request('POST', '/api/v1/daycare-rounds', {
      roundId, name: '令和9年4月 一次利用調整', kind: 'primary', referenceDate: '2027-04-01', ruleTableId: 'example-hachioji-style', lotterySeed: 'published-seed',
    });
    expect(res.status).toBe(201);
    for (const [id, name, seats] of [['F1', 'さくら保育園', [1, 2, 0, 0, 0, 0]], ['F2', 'ひまわり保育園', [0, 1, 0, 0, 0, 0]]] as const) {
      const put = await client.request('PUT', `/api/v1/daycare-rounds/${roundId}/facilities/${id}`, { name, seats });
      expect(put.status).toBe(201);
    }
  }

  it('runs a whole round: CSV import, run, summary, explanation, cut-offs, notice, export, re-run, confirm, round 2', async () => {
    const { client } = await officer();
    await primaryRound(client, 'R1');
    const imported = await postCsv(client, 'R1', CSV_OK);
    expect(imported.status).toBe(201);
    expect(await imported.json()).toEqual({ rows: 5, households: 5, children: 5, stored: true });

    const list = await client.request('GET', '/api/v1/daycare-rounds/R1/applications');
    const apps = (await list.json()) as { total: number; items: Array<{ childId: string; score: number; scoreItems: Array<{ label: string; points: number }> | null }> };
    expect(apps.total).toBe(5);
    const c1 = apps.items.find((a) => a.childId === 'C1')!;
    expect(c1.score).toBe(20);
    expect(c1.scoreItems!.map((i) => i.points)).toEqual([10, 10]);
    expect(apps.items.find((a) => a.childId === 'C4')!.scoreItems).toBeNull();

    const run = await client.request('POST', '/api/v1/daycare-rounds/R1/allocation-runs');
    expect(run.status).toBe(201);
    const summary = (await run.json()) as { status: string; total: { applicants: number; offers: number; holds: number; stays: number }; byAgeClass: Array<{ ageClass: number; offers: number }>; inputSha256: string; resultSha256: string };
    expect(summary.status).toBe('STABLE');
    expect(summary.total).toMatchObject({ applicants: 5, offers: 4, holds: 1, stays: 0 });
    expect(summary.byAgeClass[1]).toMatchObject({ offers: 3 });

    const result = (await (await client.request('GET', '/api/v1/daycare-rounds/R1/result')).json()) as { upToDate: boolean; resultSha256: string };
    expect(result).toMatchObject({ upToDate: true, resultSha256: summary.resultSha256 });

    // C2 (18 points) lists only F1, whose two class-1 seats go to C5 (23, a transfer from F2) and C1 (20).
    const expl = await client.request('GET', '/api/v1/daycare-rounds/R1/explanations/C2');
    expect(expl.status).toBe(200);
    const script = (await expl.json()) as { status: string; summary: string; lines: Array<{ reason: string; text: string }>; closing: string[] };
    expect(script.status).toBe('HOLD');
    expect(script.summary).toContain('保留');
    expect(script.lines.map((l) => l.reason)).toEqual(['CUTOFF_HIGHER']);
    expect(script.lines[0]!.text).toContain('お子さまの指数は18点でした');
    expect(script.lines[0]!.text).not.toMatch(/20点|23点/); // issue #9: the admitted children's scores (C1 20, C5 23)
    expect(script.closing.join('')).toContain('審査請求');
    expect(JSON.stringify(script)).not.toContain('塩尻 一郎');

    // C3 gets F2 (its 2nd choice) through the seat C5 vacated there.
    const c3 = (await (await client.request('GET', '/api/v1/daycare-rounds/R1/explanations/C3')).json()) as { status: string; preferenceRank: number; lines: Array<{ reason: string }> };
    expect(c3).toMatchObject({ status: 'OFFER', preferenceRank: 2 });
    expect(c3.lines.map((l) => l.reason)).toEqual(['CUTOFF_HIGHER']);

    const cut = (await (await client.request('GET', '/api/v1/daycare-rounds/R1/cutoffs')).json()) as { items: Array<{ facilityId: string; ageClass: number; seats: number; lowestAdmitted: { score: number } | null }> };
    expect(cut.items.find((c) => c.facilityId === 'F1' && c.ageClass === 1)).toMatchObject({ facilityName: 'さくら保育園', seats: 2 });
    // Issue #9: a class with a single offer would publish that one child's score (F1 0歳児: C4 alone).
    expect(cut.items.find((c) => c.facilityId === 'F1' && c.ageClass === 0)).toMatchObject({ seats: 1, lowestAdmitted: null });
    expect(cut.items.find((c) => c.facilityId === 'F1' && c.ageClass === 1)!.lowestAdmitted).not.toBeNull();
    const csvRes = await client.request('GET', '/api/v1/daycare-rounds/R1/cutoffs?format=csv');
    expect(csvRes.headers.get('content-type')).toContain('text/csv');
    const csvText = await csvRes.text();
    expect(csvText.split('\r\n')[0]).toContain('最低指数');
    expect(csvText).toContain('さくら保育園');

    // Issue #9: no notice before the round's result is decided (the outcome may still change).
    const early = await client.request('GET', '/api/v1/daycare-rounds/R1/notices/C2');
    expect(early.status).toBe(409);
    expect(early.headers.get('content-type')).toContain('application/problem+json');
    expect(await early.json()).toMatchObject({ code: 'daycare-round-not-decided', title: expect.stringContaining('決定') });
    const earlyPdf = await client.request('GET', '/console/daycare/rounds/R1/explanations/C2/notice.pdf');
    expect(earlyPdf.status).toBe(409);
    expect(earlyPdf.headers.get('content-type')).toContain('text/html');
    expect(await earlyPdf.text()).toContain('まだ決定されていないため、通知書を発行できません');
    // The explanation screen: the family's own score, no admitted child's score, no notice link before the decision.
    const screen = await (await client.request('GET', '/console/daycare/rounds/R1/explanations/C2')).text();
    expect(screen).toContain('お子さまの指数は18点でした');
    expect(screen).not.toMatch(/>2[03]</);
    expect(screen).not.toContain('notice.pdf');
    expect(screen).toContain('通知書は、この回の結果を決定した後に発行できます');
    // The overview's audit block: who and when in 和暦, no hashes or engine internals.
    const overview = await (await client.request('GET', '/console/daycare/rounds/R1')).text();
    expect(overview).toMatch(/令和\d+年\d+月\d+日 \d\d:\d\d/);
    expect(overview).not.toMatch(/[0-9a-f]{64}|SHA-256|sha256/i);

    // Determinism: the exported request hashes to the run's input hash and a re-run gives the same bytes.
    const exported = await (await client.request('GET', '/api/v1/daycare-rounds/R1/allocation-request')).text();
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(exported).digest('hex')).toBe(summary.inputSha256);
    const firstResult = await (await client.request('GET', '/api/v1/daycare-rounds/R1/allocation-result')).text();
    const rerun = (await (await client.request('POST', '/api/v1/daycare-rounds/R1/allocation-runs')).json()) as { runNo: number; resultSha256: string; inputSha256: string };
    expect(rerun).toMatchObject({ runNo: 2, inputSha256: summary.inputSha256, resultSha256: summary.resultSha256 });
    expect(await (await client.request('GET', '/api/v1/daycare-rounds/R1/allocation-result')).text()).toBe(firstResult);

    // The exported request, imported elsewhere under another id, allocates to the same outcome.
    const copy = await client.request('POST', '/api/v1/daycare-round-imports', { name: 'R1 の再現', roundId: 'R1-COPY', request: JSON.parse(exported) });
    expect(copy.status).toBe(201);
    await client.request('POST', '/api/v1/daycare-rounds/R1-COPY/allocation-runs');
    const copied = JSON.parse(await (await client.request('GET', '/api/v1/daycare-rounds/R1-COPY/allocation-result')).text()) as { assignments: unknown; cutoffs: unknown };
    expect(copied.assignments).toEqual(JSON.parse(firstResult).assignments);
    expect(copied.cutoffs).toEqual(JSON.parse(firstResult).cutoffs);
    const invalid = await client.request('POST', '/api/v1/daycare-round-imports', { name: 'x', request: { schemaVersion: '1', round: {}, policy: {}, facilities: [], households: [] } });
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { problems: Array<{ pointer: string }> }).problems.map((p) => p.pointer)).toContain('/round/id');

    // Confirm round 1: it is frozen, and round 2 starts from its remaining seats and children without an offer.
    expect((await client.request('POST', '/api/v1/daycare-rounds/R1/confirmations')).status).toBe(204);
    const notice = await client.request('GET', '/api/v1/daycare-rounds/R1/notices/C2');
    expect(notice.status).toBe(200);
    expect(await (await client.request('GET', '/console/daycare/rounds/R1/explanations/C2')).text()).toContain('notice.pdf');
    expect((await client.request('GET', '/console/daycare/rounds/R1/explanations/C2/notice.pdf')).status).toBe(200);
    expect(notice.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await notice.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const frozen = await client.request('PUT', '/api/v1/daycare-rounds/R1/facilities/F1', { name: 'x', seats: [9, 9, 9, 9, 9, 9] });
    expect(frozen.status).toBe(409);
    expect(((await frozen.json()) as { code: string }).code).toBe('daycare-round-frozen');
    expect((await client.request('POST', '/api/v1/daycare-rounds/R1/allocation-runs')).status).toBe(409);

    const r2 = await client.request('POST', '/api/v1/daycare-rounds', { roundId: 'R2', name: '二次利用調整', kind: 'secondary', referenceDate: '2027-04-01', previousRoundId: 'R1' });
    expect(r2.status).toBe(201);
    const facilities = (await (await client.request('GET', '/api/v1/daycare-rounds/R2/facilities')).json()) as { items: Array<{ facilityId: string; seats: number[] }> };
    // F1 class 1: 2 seats, both offered; F2 class 1: 1 seat offered, +1 freed by the transfer child C5 who moved to F1.
    expect(facilities.items.map((f) => f.seats[1])).toEqual([0, 1]);
    const r2apps = (await (await client.request('GET', '/api/v1/daycare-rounds/R2/applications')).json()) as { items: Array<{ childId: string; carriedFromRound: string }> };
    const offered = ['C1', 'C2', 'C3', 'C4', 'C5'].filter((id) => !r2apps.items.some((a) => a.childId === id));
    expect(offered.length).toBe(4);
    expect(r2apps.items.every((a) => a.carriedFromRound === 'R1')).toBe(true);
    const r2run = (await (await client.request('POST', '/api/v1/daycare-rounds/R2/allocation-runs')).json()) as { total: { applicants: number } };
    expect(r2run.total.applicants).toBe(1);
  });

  it('rejects a CSV with bad rows, reports each row and column, and stores nothing', async () => {
    const { client } = await officer();
    await primaryRound(client, 'BAD');
    const bad = [
      '世帯番号,児童番号,年齢クラス,希望施設,指数,保護者1事由,保護者1就労時間',
      'H1,C1,1,F1,10,,',
      'H2,C2,7,F1,10,,',
      'H3,C1,1,F9 F1,,,',
      'H4,C4,2,F1 F1,,宇宙飛行,40',
      'H5,C5,1,F2,abc,,',
    ].join('\r\n');
    const res = await postCsv(client, 'BAD', bad);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { code: string; title: string; problems: Array<{ row: number; column: string; message: string }> };
    expect(body.code).toBe('daycare-csv-invalid');
    expect(body.title).toBe('CSVに誤りがあるため取り込みませんでした');
    const at = (row: number) => body.problems.filter((p) => p.row === row).map((p) => p.column);
    expect(at(2)).toEqual([]);
    expect(at(3)).toContain('ageClass');
    expect(at(4)).toEqual(expect.arrayContaining(['childId', 'preferences', 'score']));
    expect(at(5)).toEqual(expect.arrayContaining(['preferences', 'parent1Need']));
    expect(at(6)).toContain('score');
    const list = (await (await client.request('GET', '/api/v1/daycare-rounds/BAD/applications')).json()) as { total: number };
    expect(list.total).toBe(0);

    const sjis = await client.raw('POST', '/api/v1/daycare-rounds/BAD/application-imports', new Uint8Array([0x90, 0xa2, 0x91, 0xd1, 0x0a]), 'text/csv');
    expect(sjis.status).toBe(422);
    expect(JSON.stringify(await sjis.json())).toContain('UTF-8');

    const dry = await postCsv(client, 'BAD', 'householdId,childId,ageClass,preferences,score\nH1,C1,1,F1,10\n', true);
    expect(dry.status).toBe(200);
    expect(((await (await client.request('GET', '/api/v1/daycare-rounds/BAD/applications')).json()) as { total: number }).total).toBe(0);
  });

  it('refuses a counter clerk (窓口) with 403', async () => {
    const s = await t.staff(SHIOJIRI, ['counter']);
    const clerk = await t.login(SHIOJIRI, s.loginId);
    for (const [method, path] of [['GET', '/api/v1/daycare-rounds'], ['GET', '/api/v1/daycare-rounds/R1/applications']] as const) {
      const res = await clerk.request(method, path);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('forbidden');
    }
    const create = await clerk.request('POST', '/api/v1/daycare-rounds', { roundId: 'X', name: 'x', kind: 'primary', referenceDate: '2027-04-01' });
    expect(create.status).toBe(403);
    expect((await t.anonymous().request('GET', '/api/v1/daycare-rounds')).status).toBe(401);
  });

  it('serves the console pages to the daycare officer only, and shows rejected CSV rows on the page', async () => {
    const clerkStaff = await t.staff(SHIOJIRI, ['counter']);
    const clerk = await rawClient(t.app, SHIOJIRI, clerkStaff.loginId);
    expect((await clerk.request('GET', '/console/daycare')).status).toBe(403);
    const { client } = await officer();
    await primaryRound(client, 'WEB');
    const home = await client.request('GET', '/console/daycare');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('WEB');
    const form = new FormData();
    form.set('_csrf', client.csrfToken);
    form.set('csv', new File(['householdId,childId,ageClass,preferences,score\nH1,C1,9,F1,1\n'], 'a.csv', { type: 'text/csv' }));
    const res = await client.raw('POST', '/console/daycare/rounds/WEB/application-imports', form, undefined);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('CSVに 1 件の誤りがあるため、何も登録しませんでした。');
    expect(html).toContain('年齢クラスは0〜5の数字で入力してください');
    // One application entered on screen, scored from its facts by the round's rule table.
    const entry = new URLSearchParams({ _csrf: client.csrfToken, householdId: 'HW1', childId: 'CW1', ageClass: '1', preferences: 'F1 F2', parent1Need: 'employed', parent1Hours: '40', parent2Need: 'employed', parent2Hours: '35', 'tb-priorityCategory': '2' });
    entry.append('flags', 'returningFromChildcareLeave');
    const saved = await client.raw('POST', '/console/daycare/rounds/WEB/applications/new', entry.toString(), 'application/x-www-form-urlencoded');
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/console/daycare/rounds/WEB/applications/CW1');
    const detail = await (await client.request('GET', '/api/v1/daycare-rounds/WEB/applications/CW1')).json() as { score: number; scoreItems: Array<{ code: string }>; tieBreak: Record<string, number> };
    expect(detail).toMatchObject({ score: 21, tieBreak: { priorityCategory: 2 } });
    expect(detail.scoreItems.map((i) => i.code)).toEqual(['base:employed', 'base:employed', 'leave-return']);
    expect(await (await client.request('GET', '/console/daycare/rounds/WEB/applications/CW1')).text()).toContain('育休明け');
    for (const path of ['facilities', 'applications', 'applications/new', 'what-if', 'comparison']) {
      expect((await client.request('GET', `/console/daycare/rounds/WEB/${path}`)).status).toBe(200);
    }
    // Without a run, the result pages explain that the allocation has not been run.
    const cut = await client.request('GET', '/console/daycare/rounds/WEB/cutoffs');
    expect(cut.status).toBe(409);
    expect(await cut.text()).toContain('この回はまだ選考を実行していません');
  });

  it('does not let another municipality see a round', async () => {
    const a = await officer(SHIOJIRI);
    await primaryRound(a.client, 'ISO');
    const b = await officer(MATSUMOTO);
    const list = (await (await b.client.request('GET', '/api/v1/daycare-rounds')).json()) as { items: Array<{ roundId: string }> };
    expect(list.items.map((r) => r.roundId)).not.toContain('ISO');
    for (const path of ['/api/v1/daycare-rounds/ISO', '/api/v1/daycare-rounds/ISO/facilities', '/api/v1/daycare-rounds/ISO/applications']) {
      const res = await b.client.request('GET', path);
      expect(res.status).toBe(404);
    }
    // The same round id is free in the other municipality.
    await primaryRound(b.client, 'ISO');
  });

  it('generates a demo round, explains what-ifs, compares with a reference and logs reads of applications', async () => {
    const { client, staffId } = await officer();
    const gen = await client.request('POST', '/api/v1/daycare-demo-rounds', { roundId: 'DEMO', name: 'デモ', preset: 'town', seed: 3 });
    expect(gen.status).toBe(201);
    expect(await gen.json()).toMatchObject({ facilities: 20, children: 300, ruleTableId: 'example-hachioji-style' });
    const run = (await (await client.request('POST', '/api/v1/daycare-rounds/DEMO/allocation-runs')).json()) as { status: string; total: { offers: number } };
    expect(run.status).toBe('STABLE');

    const facilities = (await (await client.request('GET', '/api/v1/daycare-rounds/DEMO/facilities')).json()) as { items: Array<{ facilityId: string; seats: number[] }> };
    const f = facilities.items[0]!;
    const whatIf = await client.request('POST', '/api/v1/daycare-rounds/DEMO/what-ifs', { kind: 'facility', facilityId: f.facilityId, seats: f.seats.map((s) => s + 3) });
    expect(whatIf.status).toBe(200);
    const diff = (await whatIf.json()) as { before: { offers: number }; after: { offers: number }; moves: Array<{ direction: string }> };
    expect(diff.before.offers).toBe(run.total.offers);
    expect(diff.after.offers).toBeGreaterThanOrEqual(diff.before.offers);
    expect(diff.moves.length).toBeGreaterThan(0);

    const none = (await (await client.request('POST', '/api/v1/daycare-rounds/DEMO/what-ifs', { kind: 'reuseVacatedSeats', value: true })).json()) as { moves: unknown[] };
    expect(none.moves).toEqual([]);
    const missing = await client.request('POST', '/api/v1/daycare-rounds/DEMO/what-ifs', { kind: 'child', childId: 'NOPE', score: 1 });
    expect(missing.status).toBe(422);

    const naive = (await (await client.request('POST', '/api/v1/daycare-rounds/DEMO/comparisons?reference=naive')).json()) as { agreementRate: number; children: number };
    expect(naive.children).toBe(300);
    expect(naive.agreementRate).toBeGreaterThan(0.5);
    const ownResult = await (await client.request('GET', '/api/v1/daycare-rounds/DEMO/allocation-result')).text();
    const self = (await (await client.raw('POST', '/api/v1/daycare-rounds/DEMO/comparisons', ownResult, 'application/json')).json()) as { agreementRate: number; differences: unknown[]; referenceCheck: { status: string } };
    expect(self).toMatchObject({ agreementRate: 1, differences: [], referenceCheck: { status: 'STABLE' } });
    const badRef = await client.raw('POST', '/api/v1/daycare-rounds/DEMO/comparisons', '児童番号,結果\nC001,たぶん\n', 'text/csv');
    expect(badRef.status).toBe(422);

    await client.request('GET', '/api/v1/daycare-rounds/DEMO/applications?limit=5');
    const entries = await t.services.audit.list({ type: 'staff', municipalityCode: SHIOJIRI, roles: ['admin'] } as never, { subjectId: 'DEMO', limit: 50 });
    expect(entries.some((e) => e.action === 'daycare.application.list' && e.actorId === staffId)).toBe(true);
  });
});

/** A signed-in client that sends JSON bodies, or raw ones (CSV, uploaded files) with their content type. */
interface RawClient extends Omit<Client, 'send'> {
  raw(method: string, path: string, body: string | Uint8Array | FormData, type: string | undefined): Promise<Response>;
}

async function rawClient(app: { request(path: string, init: RequestInit): Response | Promise<Response> }, code: string, loginId: string): Promise<RawClient> {
  const res = await app.request('/api/v1/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ municipalityCode: code, loginId, password: TEST_PASSWORD }) });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken, staffId } = (await res.json()) as { csrfToken: string; staffId: string };
  const send = async (method: string, path: string, body: BodyInit | undefined, type?: string) => app.request(path, {
    method, body, headers: { cookie, 'x-csrf-token': csrfToken, ...(type ? { 'content-type': type } : {}) },
  });
  return {
    csrfToken, staffId,
    request: (method, path, body) => send(method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : 'application/json'),
    raw: (method, path, body, type) => send(method, path, body as BodyInit, type),
  };
}

function postCsv(client: RawClient, roundId: string, text: string, dryRun = false) {
  return client.raw('POST', `/api/v1/daycare-rounds/${roundId}/application-imports${dryRun ? '?dryRun=true' : ''}`, text, 'text/csv');
}
