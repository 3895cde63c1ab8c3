// 入力場所・入力端末 (標準仕様書 §1.3.1, §10.2; issue #13): administrators register places and terminals and issue a
// terminal's cookie; a staff session signed in with it is bound to the terminal, and every access-log entry and change
// of the session records the terminal and its place. Without a valid cookie the session is `unregistered`.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp, type Client } from '../../../test/test-app.ts';
import { newPerson } from '../../../test/fixtures/registry/change-generator.ts';
import { addDays } from '../../platform/dates/jp-date.ts';
import { japanToday } from '../registry/index.ts';

const M = '202151';
type LogItem = { action: string; actorId: string; subjectId: string; terminalCode: string; placeCode: string };

describe('places and terminals (spec §1.3.1)', () => {
  const t = useTestApp();
  let admin: Client, approver: Client;
  let terminalCookie = '';
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;

  /** Signs in through the API with the given extra cookie (the terminal's); a client carrying both cookies. */
  async function signIn(loginId: string, extraCookie = '') {
    const res = await t.app.request('/api/v1/sessions', {
      method: 'POST', headers: { 'content-type': 'application/json', ...(extraCookie ? { cookie: extraCookie } : {}) },
      body: JSON.stringify({ municipalityCode: M, loginId, password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(201);
    const session = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const body = await json<{ csrfToken: string; staffId: string }>(res);
    const cookie = [session, extraCookie].filter(Boolean).join('; ');
    return {
      staffId: body.staffId,
      request: (method: string, path: string, payload?: unknown) => t.app.request(path, {
        method, headers: { cookie, 'x-csrf-token': body.csrfToken, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      }),
    };
  }

  beforeAll(async () => {
    admin = await t.login(M, (await t.staff(M, ['admin'])).loginId);
    approver = await t.login(M, (await t.staff(M, ['approver'])).loginId);
  });

  it('registers places and terminals (safe to repeat), refuses bad input and other roles, changing nothing', async () => {
    expect((await admin.request('POST', '/api/v1/places', { placeCode: 'HONCHO', name: '本庁舎 市民課' })).status).toBe(201);
    expect((await admin.request('POST', '/api/v1/places', { placeCode: 'HONCHO', name: '本庁舎 市民課' })).status).toBe(200);
    const taken = await admin.request('POST', '/api/v1/places', { placeCode: 'HONCHO', name: '別の場所' });
    expect(taken.status).toBe(409);
    expect((await json(taken)).code).toBe('place-exists');
    const bad = await admin.request('POST', '/api/v1/places', { placeCode: '本庁', name: '' });
    expect(bad.status).toBe(400);
    expect((await json<{ invalidParams: Array<{ name: string }> }>(bad)).invalidParams.map((p) => p.name).sort()).toEqual(['name', 'placeCode']);
    expect((await admin.request('POST', '/api/v1/terminals', { terminalCode: 'HON1', name: '本庁1', placeCode: 'HONCHO' })).status).toBe(201);
    expect((await admin.request('POST', '/api/v1/terminals', { terminalCode: 'HON1', name: '本庁1', placeCode: 'HONCHO' })).status).toBe(200);
    const noPlace = await admin.request('POST', '/api/v1/terminals', { terminalCode: 'SHI1', name: '支所1', placeCode: 'SHISHO' });
    expect(noPlace.status).toBe(422);
    expect((await json(noPlace)).code).toBe('place-not-found');
    expect((await admin.request('POST', '/api/v1/terminals', { terminalCode: 'unregistered', name: 'x', placeCode: 'HONCHO' })).status).toBe(400);
    expect((await approver.request('POST', '/api/v1/places', { placeCode: 'X', name: 'x' })).status).toBe(403);
    const list = await json<{ places: unknown[]; terminals: Array<{ terminalCode: string; active: boolean; issuedAt: string | null }> }>(await admin.request('GET', '/api/v1/terminals'));
    expect(list.places).toEqual([{ placeCode: 'HONCHO', name: '本庁舎 市民課' }]);
    expect(list.terminals).toEqual([{ terminalCode: 'HON1', name: '本庁1', placeCode: 'HONCHO', active: true, issuedAt: null }]);
  });

  it('binds a session signed in at the terminal, and records its terminal and place on every access-log entry and change', async () => {
    const issued = await admin.request('POST', '/api/v1/terminals/HON1/cookies');
    expect(issued.status).toBe(201);
    terminalCookie = (issued.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(terminalCookie).toMatch(/^jichi_terminal=202151\.[A-Za-z0-9_-]{43}$/);

    const clerkLogin = (await t.staff(M, ['counter'])).loginId;
    const atTerminal = await signIn(clerkLogin, terminalCookie);
    const elsewhere = await signIn(clerkLogin);
    const today = japanToday(t.services.clock);
    const res = await atTerminal.request('POST', '/api/v1/changes', { kind: 'move-in', occurredOn: addDays(today, -1), previousAddress: '東京都新宿区西新宿2-8-1',
      address: { townName: '大字広丘野村', banchi: '901番地' }, persons: [newPerson(9010, '世帯主', '1980-01-02')] });
    expect(res.status).toBe(201);
    const { changeId, personIds } = await json<{ changeId: string; personIds: string[] }>(res);
    expect((await approver.request('POST', `/api/v1/changes/${changeId}/approvals`)).status).toBe(201);
    expect((await atTerminal.request('GET', `/api/v1/persons/${personIds[0]}`)).status).toBe(200);
    expect((await elsewhere.request('GET', `/api/v1/persons/${personIds[0]}`)).status).toBe(200);

    const log = await json<{ items: LogItem[] }>(await admin.request('GET', `/api/v1/access-log-entries?subjectType=person&subjectId=${personIds[0]}`));
    const byAction = (action: string, actorId: string) => log.items.filter((e) => e.action === action && e.actorId === actorId);
    expect(byAction('registry.change.record', atTerminal.staffId)[0]).toMatchObject({ terminalCode: 'HON1', placeCode: 'HONCHO' });
    const reads = byAction('registry.person.read', atTerminal.staffId).map((e) => `${e.terminalCode}/${e.placeCode}`);
    expect(reads).toContain('HON1/HONCHO');
    expect(reads).toContain('unregistered/');
    // The approver's session has no terminal cookie.
    expect(byAction('registry.change.approve', approver.staffId)[0]).toMatchObject({ terminalCode: 'unregistered', placeCode: '' });
    const logins = await json<{ items: LogItem[] }>(await admin.request('GET', `/api/v1/access-log-entries?actorId=${atTerminal.staffId}`));
    expect(logins.items.filter((e) => e.action === 'auth.login.password').map((e) => e.terminalCode).sort()).toEqual(['HON1', 'unregistered']);

    const change = await sql<{ terminalCode: string; placeCode: string }>`SELECT terminal_code, place_code FROM registry.change WHERE change_id = ${changeId}`.execute(t.services.db.owner);
    expect(change.rows[0]).toEqual({ terminalCode: 'HON1', placeCode: 'HONCHO' });
    expect((await t.services.audit.verify()).breaks).toEqual([]);
  });

  it('binds no session to a retired terminal or a cookie of another municipality', async () => {
    expect((await admin.request('POST', '/api/v1/terminals/HON1/retirements')).status).toBe(204);
    expect((await admin.request('POST', '/api/v1/terminals/HON1/retirements')).status).toBe(204);
    expect((await admin.request('POST', '/api/v1/terminals/HON1/cookies')).status).toBe(409);
    expect((await admin.request('POST', '/api/v1/terminals/NONE/cookies')).status).toBe(404);
    const clerk = await signIn((await t.staff(M, ['counter'])).loginId, terminalCookie);
    const forged = await signIn((await t.staff(M, ['counter'])).loginId, terminalCookie.replace('202151.', '131016.'));
    for (const s of [clerk, forged]) {
      const log = await json<{ items: LogItem[] }>(await admin.request('GET', `/api/v1/access-log-entries?actorId=${s.staffId}`));
      expect(log.items.find((e) => e.action === 'auth.login.password')).toMatchObject({ terminalCode: 'unregistered', placeCode: '' });
    }
  });
});
