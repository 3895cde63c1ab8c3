// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue #9, "Privacy and security defects" and "Clerks work with people, not identifiers":
 * - control characters (NUL …) in any input are a clear 400 naming the field, on every path (API and console,
 *   search, change preview and recording, daycare CSV/JSON import), never a 500;
 * - a search without a criterion lists nobody (API 400 with a code, the console says why);
 * - unknown ids and routes in the console are HTML pages in the console frame with a way back, never problem JSON;
 * - refusals name the person and the field in Japanese, without the internal code in the text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';
import { TEST_PASSWORD, useTestApp, type Client } from './test-app.ts';
import { consoleSessions, type ConsoleSession } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get, post } = consoleSessions(t, CODE);

let clerk: ConsoleSession;
let officer: ConsoleSession;
let api: Client;
let householdId: string;
let personIds: string[];

const changes = () => withTenant(t.services.db, CODE, async (trx) =>
  Number((await trx.selectFrom('registry.change').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n));

const person = (over: Record<string, unknown> = {}) => ({
  residentKind: 'japanese', familyName: '安全', givenName: '一郎', familyNameKana: 'アンゼン', givenNameKana: 'イチロウ', birthDate: '1980-03-01', sex: 'male',
  honseki: '長野県塩尻市', relationship: '世帯主', ...over,
});
const moveIn = (persons: unknown[]) => ({
  kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false,
  previousAddress: '松本市', address: { townName: '大字広丘野村', banchi: '7-7', katagaki: '', unlisted: false }, persons,
});

beforeAll(async () => {
  clerk = await signIn(['counter', 'reviewer']);
  officer = await signIn(['daycare']);
  api = await t.login(CODE, (await t.staff(CODE, ['counter'])).loginId);
  const { plan } = await t.services.registry.recordFinalAsSystem(CODE, moveIn([person(), person({ givenName: '花子', givenNameKana: 'ハナコ', sex: 'female', relationship: '妻', birthDate: '1982-05-05' })]) as never);
  householdId = plan.snapshots[0]!.record.householdId;
  personIds = plan.snapshots.map((s) => s.personId);
});

const problem = async (res: Response) => {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as { code: string; title: string; invalidParams?: Array<{ name: string; code: string }> };
};

describe('control characters are a 400 naming the field (issue #9)', () => {
  it('refuses a NUL in an API search parameter with invalid-characters, not a 500', async () => {
    const res = await api.request('GET', '/api/v1/persons?name=%E5%AE%89%00');
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.code).toBe('invalid-characters');
    expect(body.title).toContain('「氏名」');
    expect(body.invalidParams).toEqual([expect.objectContaining({ name: 'name', code: 'invalid-characters' })]);
    for (const q of ['address=%01', 'birthDate=S40%1F', 'name=a%7F', 'name=%C2%85x']) {
      const r = await api.request('GET', `/api/v1/persons?${q}`);
      expect(r.status, q).toBe(400);
    }
  });

  it('refuses the same name in change preview and change recording alike (both 400, nothing recorded)', async () => {
    const before = await changes();
    const input = moveIn([person({ familyName: '安\u0000全' })]);
    const preview = await api.request('POST', '/api/v1/changes/preview', input);
    const record = await api.request('POST', '/api/v1/changes', input);
    expect([preview.status, record.status]).toEqual([400, 400]);
    const [a, b] = [await problem(preview), await problem(record)];
    expect(a.code).toBe('invalid-characters');
    expect(b.code).toBe('invalid-characters');
    expect(b.title).toContain('「1人目の氏」');
    expect(b.invalidParams![0]!.name).toBe('persons.0.familyName');
    expect(await changes()).toBe(before);
  });

  it('accepts tab and line breaks in a multi-line JSON value but no other control character', async () => {
    const ok = await api.request('POST', '/api/v1/changes/preview', { ...moveIn([person({ familyName: '改行' })]), note: '一行目\r\n二行目\t備考' });
    expect(ok.status).not.toBe(400);
    const bad = await api.request('POST', '/api/v1/changes/preview', { ...moveIn([person()]), note: '備考\u0008' });
    expect(bad.status).toBe(400);
  });

  it('refuses a NUL in the console search box with an HTML page naming the field', async () => {
    const res = await get(clerk, '/console/registry?q=%00');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('「検索語」に使用できない文字（制御文字）が含まれています');
    expect(html).toContain('href="/console"');
  });

  it('refuses a NUL in a console change form at confirmation and at 仮登録, recording nothing', async () => {
    const before = await changes();
    const fields = { occurredOn: '令和6年5月1日', townName: '大字広丘吉田', banchi: '3-1\u0000', householdId, personIds, _csrf: clerk.csrf };
    for (const step of ['confirm', 'record']) {
      const res = await post(clerk, '/console/registry/changes/move-within', { ...fields, step });
      expect(res.status, step).toBe(400);
      expect(await res.text()).toContain('「番地」に使用できない文字');
    }
    expect(await changes()).toBe(before);
  });

  it('refuses control characters in daycare CSV and JSON imports (API and console upload)', async () => {
    const daycare = await t.login(CODE, (await t.staff(CODE, ['daycare'])).loginId);
    const created = await daycare.request('POST', '/api/v1/daycare-rounds', { roundId: 'CTL', name: '制御文字', kind: 'primary', referenceDate: '2027-04-01' });
    expect(created.status).toBe(201);
    const csv = '世帯番号,児童番号,年齢クラス,希望施設,指数\nH1,C1,1,F1,10\nH2,C2\u0000,1,F1,9\n';
    const raw = await (await apiSession(['daycare'])).send('POST', '/api/v1/daycare-rounds/CTL/application-imports', csv, 'text/csv');
    expect(raw.status).toBe(400);
    expect((await problem(raw)).code).toBe('invalid-characters');
    const json = await daycare.request('POST', '/api/v1/daycare-round-imports', { name: 'x\u0000', request: { schemaVersion: '1' } });
    expect(json.status).toBe(400);
    expect((await problem(json)).code).toBe('invalid-characters');

    const form = new FormData();
    form.set('_csrf', officer.csrf);
    form.set('csv', new File([csv], 'a.csv', { type: 'text/csv' }));
    const upload = await t.app.request('/console/daycare/rounds/CTL/application-imports', { method: 'POST', body: form, headers: { cookie: officer.cookie, origin: 'http://localhost' } });
    expect(upload.status).toBe(400);
    expect(upload.headers.get('content-type')).toContain('text/html');
    expect(await upload.text()).toContain('「CSVファイル」に使用できない文字');
    const apps = (await (await daycare.request('GET', '/api/v1/daycare-rounds/CTL/applications')).json()) as { total: number };
    expect(apps.total).toBe(0);
  });

  it('refuses a control character in a CSV cell read outside HTTP (the parsers check each cell)', async () => {
    const { importApplicationsCsv } = await import('../src/domains/daycare/application-csv.ts');
    const out = importApplicationsCsv('世帯番号,児童番号,年齢クラス,希望施設,指数\nH1,C1,1,F1\u0001,10\n', { existingHouseholdIds: new Set<string>(), existingChildIds: new Set<string>(), facilityIds: new Set(['F1']), ruleTable: null, tieBreakKeys: [] } as never);
    expect(out.ok).toBe(false);
    expect(JSON.stringify(out)).toContain('制御文字');
  });
});

describe('a search needs a criterion (issue #9)', () => {
  it('answers 400 search-criteria-required to an API search without one, or with one that folds to nothing', async () => {
    for (const q of ['', '?name=', '?name=-', '?name=%E3%83%BB', '?address=%20', '?includeRemoved=true']) {
      const res = await api.request('GET', `/api/v1/persons${q}`);
      expect(res.status, q).toBe(400);
      expect((await problem(res)).code, q).toBe('search-criteria-required');
    }
    const named = (await (await api.request('GET', `/api/v1/persons?name=${encodeURIComponent('安全')}`)).json()) as { items: unknown[] };
    expect(named.items.length).toBe(2);
  });

  it('shows the form with a message and lists nobody in the console', async () => {
    for (const q of ['', '-', '・']) {
      const res = await get(clerk, `/console/registry?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(400);
      const html = await res.text();
      expect(html).toContain('検索条件を入力してください');
      expect(html).not.toContain('search-criteria-required（');
      expect(html).not.toContain('/console/registry/persons/');
      expect(html).toContain('name="q"');
    }
    // The first visit is just the form.
    expect((await get(clerk, '/console/registry')).status).toBe(200);
  });
});

describe('unknown ids and routes in the console are HTML pages with navigation (issue #9)', () => {
  const paths = [
    '/console/registry/persons/not-a-uuid', '/console/registry/persons/00000000-0000-4000-8000-000000000000',
    '/console/registry/households/not-a-uuid', '/console/registry/households/00000000-0000-4000-8000-000000000000',
    '/console/registry/changes/not-a-kind', '/console/nonexistent', '/console/certificates/nonexistent',
  ];
  it('renders each as a console page (header, navigation, a way home and back), never problem JSON', async () => {
    for (const path of paths) {
      const res = await get(clerk, path, { referer: 'http://localhost/console/registry?q=abc' });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      const html = await res.text();
      expect(html, path).toContain('data-testid="staff-name"');
      expect(html, path).toContain('<nav');
      expect(html, path).toContain('data-testid="error-links"');
      expect(html, path).toContain('href="/console"');
      expect(html, path).toContain('href="/console/registry?q=abc"');
      expect(html, path).not.toMatch(/urn:request|"code":/);
      // Visible text only: the page's own URL (language switch) may carry the id, the words may not.
      expect(html.replace(/<head>[^]*?<\/head>/, '').replace(/<[^>]+>/g, ' '), path).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    }
    const registry = await (await get(clerk, '/console/registry/persons/not-a-uuid')).text();
    expect(registry).toContain('住民検索へ戻る');
  });

  it('does the same for an unknown daycare round, and even a console POST to an unknown path', async () => {
    const round = await get(officer, '/console/daycare/rounds/NO-SUCH-ROUND');
    expect(round.status).toBe(404);
    const html = await round.text();
    expect(html).toContain('利用調整の回が見つかりません');
    expect(html).toContain('利用調整の回の一覧へ');
    const posted = await post(officer, '/console/nonexistent', { _csrf: officer.csrf });
    expect(posted.status).toBe(404);
    expect(posted.headers.get('content-type')).toContain('text/html');
  });

  it('keeps problem+json for the API', async () => {
    for (const path of ['/api/v1/persons/not-a-uuid', '/api/v1/nonexistent', '/api/v1/persons/00000000-0000-4000-8000-000000000000']) {
      const res = await api.request('GET', path, undefined, { accept: 'text/html' });
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
    }
  });
});

describe('refusals name the person and the field, without the internal code (issue #9)', () => {
  it('names the second person of a 転入 and the field whose value the registry refused', async () => {
    const form = {
      step: 'confirm', occurredOn: '令和6年5月1日', notifiedOn: '令和6年5月2日', previousAddress: '松本市', townName: '大字広丘野村', banchi: '9-9',
      'p0-familyName': '山田', 'p0-givenName': '太郎', 'p0-birthDate': '昭和55年3月1日', 'p0-sex': 'male', 'p0-relationship': '世帯主', 'p0-residentKind': 'japanese', 'p0-honseki': '長野県塩尻市',
      'p1-familyName': '山田', 'p1-givenName': '花子', 'p1-birthDate': '昭和57年5月5日', 'p1-sex': 'female', 'p1-relationship': '妻', 'p1-residentKind': 'japanese', 'p1-honseki': '長野県塩尻市',
      'p1-myNumber': '123456789012', _csrf: clerk.csrf,
    };
    const res = await post(clerk, '/console/registry/changes/move-in', form);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('2人目（山田 花子）の個人番号: 個人番号が正しくありません');
    expect(html).toMatch(/id="p1-myNumber"[^>]*aria-invalid="true"/);
    expect(html).not.toContain('（invalid-my-number）');
    expect(html.replace(/data-error-code="[^"]*"/g, '')).not.toContain('invalid-my-number');
  });

  it('keeps the code in problem+json and adds invalidParams with the field path', async () => {
    const res = await api.request('POST', '/api/v1/changes/preview', moveIn([person({ familyName: '山田' }), person({ familyName: '山田', givenName: '花子', relationship: '妻', myNumber: '123456789012' })]));
    expect(res.status).toBe(422);
    const body = await problem(res);
    expect(body.code).toBe('invalid-my-number');
    expect(body.invalidParams).toEqual([expect.objectContaining({ name: 'persons.1.myNumber', code: 'invalid-my-number' })]);
  });

  it('shows no internal code in any refusal summary of the registry screens', async () => {
    const res = await post(clerk, '/console/registry/changes/move-within', {
      step: 'confirm', occurredOn: '2999-01-01', townName: '大字広丘吉田', banchi: '3-1', householdId, personIds, _csrf: clerk.csrf,
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('異動日が未来の日付です');
    expect(html).toContain('data-error-code="change-date-in-future"');
    expect(html).not.toContain('（change-date-in-future）');
    expect(html.replace(/data-error-code="[^"]*"/g, '')).not.toContain('change-date-in-future');
  });
});

/** An API session (cookie and CSRF token) for raw bodies such as CSV. */
async function apiSession(roles: Parameters<typeof t.staff>[1]) {
  const { loginId } = await t.staff(CODE, roles);
  const res = await t.app.request('/api/v1/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ municipalityCode: CODE, loginId, password: TEST_PASSWORD }) });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    send: (method: string, path: string, body: string, type: string) => t.app.request(path, { method, body, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': type } }),
  };
}
