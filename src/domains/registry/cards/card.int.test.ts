// マイナンバーカード and J-LIS requests (issue #13, spec §7.1.1.3, §7.1.1.4, §7.1.2.1, §7.1.2.2, §7.1.2.4): requests go
// to the outbox and out through the file link in order; answers and notices come back through the inbox, each file
// applied once; the 変更請求's new number becomes a C20 change sealed in the vault; the 符号 is never shown; card
// status, 送付先 and JPKI certificates keep their history; refusals write nothing; every read is access-logged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { createFileJukinetAdapter } from '../jukinet/jukinet-adapter.ts';
import { myNumberCheckDigit } from '../numbers/my-number.ts';
import { ChangeInput } from '../registry.schema.ts';
import { japanToday } from '../registry.service.ts';
import { createFileJlisInbox } from './jlis-inbox.ts';

const M = '202151';
const OTHER = '131016';

describe('マイナンバーカード and J-LIS requests', () => {
  const t = useTestApp();
  let counter: Client, reviewer: Client, approver: Client, contractor: Client, foreign: Client;
  let today: string, outDir: string, inDir: string;
  let serial = 700;
  let fileNo = 0;
  const db = () => t.services.db.owner;
  const requests = async (person: string) => (await sql<{ kind: string; status: string; content: Record<string, string>; requestId: string; changeId: string | null }>`
    SELECT kind, status, content, request_id::text AS "requestId", change_id::text AS "changeId" FROM registry.jlis_request WHERE municipality_code = ${M} AND person_id = ${person} ORDER BY seq`.execute(db())).rows;
  const count = async (table: string, person: string) => Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)} WHERE person_id = ${person}`.execute(db())).rows[0]!.n);
  const logged = async (person: string, action: string) => Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM audit.access_log WHERE subject_id = ${person} AND action = ${action}`.execute(db())).rows[0]!.n);
  const deliver = (kind: string, content: Record<string, string>) => {
    fs.mkdirSync(path.join(inDir, M), { recursive: true });
    fs.writeFileSync(path.join(inDir, M, `${String(++fileNo).padStart(6, '0')}-${kind}.json`), JSON.stringify({ kind, municipalityCode: M, content }));
  };
  const receive = () => t.services.registry.receiveJlisInbox(M, createFileJlisInbox(inDir));
  const sendAll = async () => {
    await t.services.registry.sendJukinetAll(createFileJukinetAdapter(outDir));
    return t.services.registry.sendJlisRequests(M, createFileJukinetAdapter(outDir));
  };
  const myNumber = (n: number) => { const b = String(30_000_000_000 + n * 7907).slice(-11); return `${b}${myNumberCheckDigit(b)}`; };
  async function resident(opts: { myNumber?: boolean } = {}) {
    const n = serial++;
    const p = newPerson(n, '世帯主', '1985-05-05', opts.myNumber === false ? { myNumber: undefined } : {});
    const r = await t.services.registry.recordFinalAsSystem(M, ChangeInput.parse({ kind: 'move-in', occurredOn: addDays(today, -3), previousAddress: '東京都新宿区西新宿2-8-1',
      address: { townName: '大字広丘野村', banchi: `${n}番地` }, persons: [p] }));
    return { personId: r.plan.snapshots[0]!.personId, residentCode: p.residentCode, myNumber: p.myNumber, address: `大字広丘野村${n}番地` };
  }
  const get = async (c: Client, person: string) => {
    const res = await c.request('GET', `/api/v1/persons/${person}/card`);
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const post = async (c: Client, p: string, body?: unknown) => {
    const res = await c.request('POST', p, body);
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    const mk = async (code: string, roles: Parameters<typeof t.staff>[1]) => t.login(code, (await t.staff(code, roles)).loginId);
    const admin = await mk(M, ['admin']);
    counter = await mk(M, ['counter']);
    reviewer = await mk(M, ['reviewer']);
    approver = await mk(M, ['approver']);
    foreign = await mk(OTHER, ['approver']);
    expect((await admin.request('POST', '/api/v1/staff', { loginId: 'itaku-card', displayName: '委託 次郎', roles: ['counter'], password: TEST_PASSWORD, contractor: true })).status).toBe(201);
    contractor = await t.login(M, 'itaku-card');
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-jlis-out-'));
    inDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-jlis-in-'));
  });

  it('7.1.2.1: sends a 個人番号の変更請求 and records the answered number as a C20 change, sealed, once', async () => {
    const p = await resident();
    const before = await requests(p.personId);
    expect(before.map((r) => r.kind)).toEqual(['token-request']); // the new resident's 符号取得
    // Refused: contractor staff, another municipality, an empty reason — nothing written.
    expect((await post(contractor, `/api/v1/persons/${p.personId}/my-number-change-requests`, { reason: '漏えいのおそれ' })).status).toBe(403);
    expect((await post(foreign, `/api/v1/persons/${p.personId}/my-number-change-requests`, { reason: '漏えいのおそれ' })).status).toBe(404);
    expect((await post(counter, `/api/v1/persons/${p.personId}/my-number-change-requests`, { reason: ' ' })).status).toBe(400);
    expect(await requests(p.personId)).toHaveLength(1);
    const ok = await post(counter, `/api/v1/persons/${p.personId}/my-number-change-requests`, { reason: '個人番号が漏えいし不正に用いられるおそれがある' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const again = await post(counter, `/api/v1/persons/${p.personId}/my-number-change-requests`, { reason: '再度' });
    expect([again.status, again.body.code]).toEqual([409, 'jlis-request-open']);
    const req = (await requests(p.personId)).find((r) => r.kind === 'my-number-change-request')!;
    expect(req.content).toMatchObject({ 住民票コード: p.residentCode, 請求事由: '個人番号が漏えいし不正に用いられるおそれがある' });
    expect(JSON.stringify(req.content)).not.toContain(p.myNumber); // the request never carries the number
    expect(await logged(p.personId, 'registry.jlis.my-number-change-request')).toBe(1);
    const sent = await sendAll();
    expect(sent.failed).toBeNull();
    const files = fs.readdirSync(path.join(outDir, M)).filter((f) => f.includes('my-number-change-request'));
    expect(files).toHaveLength(1);
    expect((await requests(p.personId)).every((r) => r.status === 'sent')).toBe(true);
    // Wrong answers are refused and change nothing: an invalid number, another person's 住民票コード, an unknown request.
    const fresh = myNumber(1);
    deliver('my-number-change-answer', { 請求番号: req.requestId, 住民票コード: p.residentCode, 個人番号: '123456789012' });
    deliver('my-number-change-answer', { 請求番号: req.requestId, 住民票コード: '00000000000', 個人番号: fresh });
    deliver('my-number-change-answer', { 請求番号: crypto.randomUUID(), 住民票コード: p.residentCode, 個人番号: fresh });
    expect(await receive()).toEqual({ applied: 0, refused: 3, retry: 0 });
    expect((await requests(p.personId)).find((r) => r.kind === 'my-number-change-request')!.status).toBe('sent');
    deliver('my-number-change-answer', { 請求番号: req.requestId, 住民票コード: p.residentCode, 個人番号: fresh });
    expect(await receive()).toEqual({ applied: 1, refused: 0, retry: 0 });
    expect(await receive()).toEqual({ applied: 0, refused: 0, retry: 0 }); // each file once
    const done = (await requests(p.personId)).find((r) => r.kind === 'my-number-change-request')!;
    expect(done.status).toBe('answered');
    const change = (await sql<{ reasonCode: string }>`SELECT reason_code AS "reasonCode" FROM registry.change WHERE change_id = ${done.changeId}`.execute(db())).rows[0]!;
    expect(change.reasonCode).toBe('C20');
    const shown = await approver.request('GET', `/api/v1/persons/${p.personId}?unmask=my-number&purpose=${encodeURIComponent('変更請求の確認')}`);
    expect(((await shown.json()) as { myNumber: string }).myNumber).toBe(fresh);
    const vault = (await sql<{ c: string }>`SELECT v.ciphertext AS c FROM registry.my_number_vault v JOIN registry.person_current p ON p.my_number_index = v.my_number_index AND p.municipality_code = v.municipality_code
      WHERE p.person_id = ${p.personId}`.execute(db())).rows[0]!;
    expect(vault.c).not.toContain(fresh);
    // The new number's 本人確認情報 goes to the CS, and a new 符号 is asked for.
    expect((await requests(p.personId)).filter((r) => r.kind === 'token-request')).toHaveLength(2);
  });

  it('7.1.2.2: asks a 符号 for new residents with a 個人番号 and on request, after their 本人確認情報; keeps it sealed, shows only status and date', async () => {
    const none = await resident({ myNumber: false });
    expect((await requests(none.personId)).map((r) => r.kind)).toEqual([]);
    const r1 = await post(counter, `/api/v1/persons/${none.personId}/token-requests`);
    expect([r1.status, r1.body.code]).toEqual([422, 'no-my-number']);
    const p = await resident();
    const [auto] = await requests(p.personId);
    expect(auto).toMatchObject({ kind: 'token-request', status: 'pending' });
    expect((await post(counter, `/api/v1/persons/${p.personId}/token-requests`)).body.code).toBe('jlis-request-open');
    // Sent only after the person's 本人確認情報 left the registry's outbox.
    expect((await t.services.registry.sendJlisRequests(M, createFileJukinetAdapter(outDir))).sent).toBe(0);
    await sendAll();
    expect((await requests(p.personId))[0]!.status).toBe('sent');
    const token = 'QUJDREVGR0hJSktMTU5PUA';
    deliver('token-answer', { 請求番号: auto!.requestId, 住民票コード: p.residentCode, 符号: token });
    expect((await receive()).applied).toBe(1);
    const stored = (await sql<{ c: string }>`SELECT ciphertext AS c FROM registry.person_token WHERE person_id = ${p.personId}`.execute(db())).rows;
    expect(stored).toHaveLength(1);
    expect(stored[0]!.c).not.toContain(token);
    const view = await get(counter, p.personId);
    expect(view.status).toBe(200);
    expect(view.body.token).toMatchObject({ status: 'received' });
    expect(view.body.token.receivedAt).toMatch(/^\d{4}-/);
    expect(JSON.stringify(view.body)).not.toContain(token);
    expect(await logged(p.personId, 'registry.card.read')).toBe(1);
    expect(await logged(p.personId, 'registry.jlis.token-answer')).toBe(1);
    // On request again (e.g. the first one refused by J-LIS).
    const second = await post(reviewer, `/api/v1/persons/${p.personId}/token-requests`);
    expect(second.status).toBe(201);
    await sendAll();
    deliver('request-refusal', { 請求番号: second.body.requestId, 理由: '本人確認情報未登録' });
    expect((await receive()).applied).toBe(1);
    expect((await requests(p.personId)).map((r) => r.status)).toEqual(['answered', 'refused']);
  });

  it('7.1.1.3: keeps the card status from staff and CS notices with 交付日・有効期限 and history; refuses what does not fit', async () => {
    const p = await resident();
    const url = `/api/v1/persons/${p.personId}/card-statuses`;
    expect((await post(contractor, url, { status: 'applied', statusOn: addDays(today, -20) })).status).toBe(403);
    expect((await post(counter, url, { status: 'issued', statusOn: addDays(today, -2) })).body.code).toBe('card-issued-on-required');
    expect((await post(counter, url, { status: 'issued', statusOn: addDays(today, -2), issuedOn: addDays(today, -2), expiresOn: addDays(today, -30) })).body.code).toBe('card-dates-inconsistent');
    expect((await post(counter, url, { status: 'applied', statusOn: '令和99年99月1日' })).body.code).toBe('invalid-date');
    expect(await count('registry.card_status', p.personId)).toBe(0);
    expect((await post(counter, url, { status: 'applied', statusOn: addDays(today, -20), note: '窓口申請' })).status).toBe(201);
    expect((await post(counter, url, { status: 'applied', statusOn: addDays(today, -20), note: '窓口申請' })).body.code).toBe('card-status-unchanged');
    const expires = addDays(today, 3650);
    expect((await post(counter, url, { status: 'issued', statusOn: addDays(today, -2), issuedOn: addDays(today, -2), expiresOn: expires })).status).toBe(201);
    deliver('card-status-notice', { 住民票コード: p.residentCode, 状態: '一時停止', 状態年月日: today });
    deliver('card-status-notice', { 住民票コード: p.residentCode, 状態: '紛失', 状態年月日: today });
    expect(await receive()).toEqual({ applied: 1, refused: 1, retry: 0 });
    const v = (await get(approver, p.personId)).body;
    expect(v.card).toEqual({ status: 'suspended', statusLabel: '一時停止', statusOn: today, issuedOn: addDays(today, -2), expiresOn: expires });
    expect(v.statusHistory.map((s: { statusLabel: string; source: string }) => `${s.statusLabel}/${s.source}`)).toEqual(['一時停止/cs-notice', '交付済/staff', '申請中/staff']);
    expect(await logged(p.personId, 'registry.card.status')).toBe(2);
    expect(await logged(p.personId, 'registry.card.status-notice')).toBe(1);
    for (const status of ['expired', 'abolished', 'returned'] as const) expect((await post(approver, url, { status, statusOn: today })).status).toBe(201);
    expect((await get(counter, p.personId)).body.card.statusLabel).toBe('返納');
  });

  it('7.1.1.4: records the 送付先 (the address or a 居所 with its reason), sends it to J-LIS and keeps the history', async () => {
    const p = await resident();
    const url = `/api/v1/persons/${p.personId}/card-delivery-addresses`;
    expect((await post(counter, url, { placeKind: 'kyosho', postalCode: '399-0702', address: '長野県松本市中央1-1-1', addressee: '' })).body.code).toBe('delivery-kyosho-reason-required');
    expect((await post(counter, url, { placeKind: 'kyosho', postalCode: '399-0702', address: ` ${p.address}`, reason: '入院中' })).body.code).toBe('delivery-address-same');
    expect((await post(counter, url, { placeKind: 'address', postalCode: '39907' })).body.code).toBe('invalid-postal-code');
    expect((await post(contractor, url, { placeKind: 'address', postalCode: '3990702' })).status).toBe(403);
    expect(await count('registry.card_delivery_address', p.personId)).toBe(0);
    expect((await post(counter, url, { placeKind: 'address', postalCode: '3990702' })).status).toBe(201);
    expect((await post(counter, url, { placeKind: 'kyosho', postalCode: '390-0811', address: '長野県松本市中央1-1-1 松本病院', reason: '長期入院のため住所地で受け取れない' })).status).toBe(201);
    const sent = (await requests(p.personId)).filter((r) => r.kind === 'card-delivery-address');
    expect(sent.map((r) => r.content['送付先区分'])).toEqual(['住所', '居所']);
    expect(sent[1]!.content).toMatchObject({ 送付先郵便番号: '3900811', 送付先住所: '長野県松本市中央1-1-1 松本病院', 住民票コード: p.residentCode });
    await sendAll();
    expect(fs.readdirSync(path.join(outDir, M)).filter((f) => f.endsWith('card-delivery-address.json'))).toHaveLength(2);
    const v = (await get(counter, p.personId)).body;
    expect(v.deliveryAddresses.map((d: { placeKind: string }) => d.placeKind)).toEqual(['kyosho', 'address']);
    expect(await logged(p.personId, 'registry.card.delivery-address')).toBe(2);
  });

  it('7.1.2.4: records JPKI serial numbers with 発行日 and 失効 from staff and CS notices; shows them only to 審査・決裁', async () => {
    const p = await resident();
    const url = `/api/v1/persons/${p.personId}/jpki-certificates`;
    expect((await post(counter, url, { certKind: 'signature', serialNo: 'XYZ', event: 'issued', eventOn: today })).body.code).toBe('invalid-serial-no');
    expect((await post(counter, url, { certKind: 'signature', serialNo: '0A1B', event: 'revoked', eventOn: today })).body.code).toBe('certificate-not-issued');
    expect((await post(contractor, url, { certKind: 'signature', serialNo: '0A1B', event: 'issued', eventOn: today })).status).toBe(403);
    expect(await count('registry.jpki_certificate', p.personId)).toBe(0);
    expect((await post(counter, url, { certKind: 'signature', serialNo: '0a1b2c', event: 'issued', eventOn: addDays(today, -5) })).status).toBe(201);
    expect((await post(counter, url, { certKind: 'signature', serialNo: '0A1B2C', event: 'issued', eventOn: addDays(today, -5) })).body.code).toBe('certificate-already-recorded');
    deliver('jpki-certificate-notice', { 住民票コード: p.residentCode, 証明書: '利用者証明用', シリアル番号: 'FF01', 事象: '発行', 年月日: addDays(today, -5) });
    deliver('jpki-certificate-notice', { 住民票コード: p.residentCode, 証明書: '署名用', シリアル番号: '0A1B2C', 事象: '失効', 年月日: today });
    expect((await receive()).applied).toBe(2);
    const seen = (await get(reviewer, p.personId)).body;
    expect(seen.serialsMasked).toBe(false);
    expect(seen.certificates).toEqual([
      { certKind: 'signature', certKindLabel: '署名用電子証明書', serialNo: '0A1B2C', issuedOn: addDays(today, -5), revokedOn: today },
      { certKind: 'user-auth', certKindLabel: '利用者証明用電子証明書', serialNo: 'FF01', issuedOn: addDays(today, -5), revokedOn: null },
    ]);
    const masked = (await get(counter, p.personId)).body;
    expect(masked.serialsMasked).toBe(true);
    expect(masked.certificates.map((c: { serialNo: string }) => c.serialNo)).toEqual(['＊＊＊＊', '＊＊＊＊']);
    const disclosed = (await sql<{ d: string }>`SELECT disclosed_items AS d FROM audit.access_log WHERE subject_id = ${p.personId} AND action = 'registry.card.read' ORDER BY seq`.execute(db())).rows;
    expect(disclosed.map((r) => r.d)).toEqual(['jpki-serial', '']);
  });
});
