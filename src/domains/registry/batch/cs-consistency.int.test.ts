// 住基ネットCSとの整合性確認 (issue #13, 標準仕様書 7.1.1.2): the batch kind 'cs-consistency' compares the CS's
// 本人確認情報 extract (a CSV file in JICHI_JUKINET_INBOX_DIR/<市区町村コード>/) with the living residents, one result
// row per difference, counts and an alert; every compared resident's read is access-logged; a missing or garbled
// file fails the run with a Japanese message and nothing else written; a bad file name is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../../test/test-app.ts';
import { newPerson } from '../../../../test/fixtures/registry/change-generator.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { ChangeInput } from '../registry.schema.ts';
import { japanToday } from '../registry.service.ts';

const INBOX = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-cs-'));
process.env.JICHI_JUKINET_INBOX_DIR = INBOX;
const M = '202151';
const HEADER = '住民票コード,氏名,氏名フリガナ,生年月日,性別,住所,個人番号の有無';

describe('住基ネットCSとの整合性確認 (batch cs-consistency)', () => {
  const t = useTestApp();
  let reviewer: Client;
  let counter: Client;
  let today: string;
  type Run = { runId: string; status: string; parameters: Record<string, unknown>; summary: Record<string, number | string>; alerts: Array<{ code: string; message: string }>; rowCount: number; error: string | null };
  const request = async (c: Client, body: unknown) => {
    const res = await c.request('POST', '/api/v1/registry-batch-runs', body);
    return { status: res.status, json: (await res.json()) as Record<string, unknown> & { runId: string; code?: string; title?: string } };
  };
  const run = async (body: unknown): Promise<Run> => {
    const r = await request(reviewer, body);
    expect(r.status, JSON.stringify(r.json)).toBe(202);
    await t.services.registry.runBatches();
    return (await (await reviewer.request('GET', `/api/v1/registry-batch-runs/${r.json.runId}`)).json()) as Run;
  };
  const csv = async (runId: string) => {
    const res = await reviewer.request('GET', `/api/v1/registry-batch-runs/${runId}/result`);
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer()).subarray(3).toString('utf8').trimEnd().split('\r\n');
  };
  const logged = async (runId: string) => (await sql<{ n: number }>`SELECT count(DISTINCT subject_id)::int AS n FROM audit.access_log
    WHERE action = 'registry.batch.compare' AND purpose = ${`cs-consistency/${runId}`}`.execute(t.services.db.owner)).rows[0]!.n;
  const write = (name: string, lines: string[]) => {
    fs.mkdirSync(path.join(INBOX, M), { recursive: true });
    fs.writeFileSync(path.join(INBOX, M, name), `\uFEFF${lines.join('\r\n')}\r\n`);
  };
  const persons = [newPerson(9001, '世帯主', '1970-05-01', { sex: 'male' }), newPerson(9002, '妻', '1972-06-02', { sex: 'female' }), newPerson(9004, '子', '2001-07-03', { sex: 'female' })];
  const [same, renamed, notInCs] = persons as Array<ReturnType<typeof newPerson> & { residentCode: string; familyName: string; givenName: string }>;

  beforeAll(async () => {
    today = japanToday(t.services.clock);
    reviewer = await t.login(M, (await t.staff(M, ['reviewer'])).loginId);
    counter = await t.login(M, (await t.staff(M, ['counter'])).loginId);
    await t.services.registry.recordFinalAsSystem(M, ChangeInput.parse({ expectedVersions: {}, kind: 'move-in', occurredOn: addDays(today, -30), previousAddress: '東京都新宿区',
      address: { townName: '大字広丘野村', banchi: '901番地' }, persons }));
  });

  it('lists exactly the differing name, the CS record no resident has and the resident missing from the file, with counts, an alert and each compared resident access-logged', async () => {
    write('cs-20261201.csv', [
      HEADER,
      `${same!.residentCode},${same!.familyName}　${same!.givenName},タカハシ タロウ,1970-05-01,男,長野県塩尻市大字広丘野村901番地,有`,
      `${renamed!.residentCode},${renamed!.familyName}　花子,,1972-06-02,女,大字広丘野村901番地,有`,
      '12345678901,"山田　一郎",ヤマダ イチロウ,1980-01-01,1,大字広丘野村1番地,無',
    ]);
    const r = await run({ kind: 'cs-consistency' });
    expect(r.status, r.error ?? '').toBe('done');
    expect(r.parameters).toEqual({ kind: 'cs-consistency', asOf: today });
    expect(r.summary).toMatchObject({ file: 'cs-20261201.csv', residents: 3, csRecords: 3, matched: 1, differing: 1, onlyInRegistry: 1, onlyInCs: 1, differences: 3 });
    expect(r.rowCount).toBe(3);
    expect(r.alerts.map((a) => a.code)).toEqual(['cs-inconsistency']);
    expect(r.alerts[0]!.message).toContain('住基ネットCSとの不一致が3件');
    const lines = await csv(r.runId);
    expect(lines[0]).toBe('区分,住民票コード,宛名番号,項目,住民記録システム,住基ネットCS');
    const body = lines.slice(1).map((l) => l.split(','));
    expect(body.map((c) => [c[0], c[1], c[3], c[4], c[5]])).toEqual([
      ['不一致', renamed!.residentCode, '氏名', `${renamed!.familyName}　${renamed!.givenName}`, `${renamed!.familyName}　花子`],
      ['住民記録のみ', notInCs!.residentCode, '本人確認情報', `${notInCs!.familyName}　${notInCs!.givenName}`, ''],
      ['CSのみ', '12345678901', '本人確認情報', '', '山田　一郎'],
    ].sort((a, b) => (a[0] === 'CSのみ' ? 1 : b[0] === 'CSのみ' ? -1 : a[1]!.localeCompare(b[1]!))));
    expect(await logged(r.runId)).toBe(3); // all three compared residents, not only the differing ones
    // The same file again with the name corrected on the CS side and the third resident added: no differences, no alert.
    write('cs-20261202.csv', [
      HEADER,
      `${same!.residentCode},${same!.familyName} ${same!.givenName},,1970-05-01,男,大字広丘野村901番地,有`,
      `${renamed!.residentCode},${renamed!.familyName}　${renamed!.givenName},,1972-06-02,女,大字広丘野村901番地,有`,
      `${notInCs!.residentCode},${notInCs!.familyName}　${notInCs!.givenName},,2001-07-03,女,大字広丘野村901番地,無`,
    ]);
    const clean = await run({ kind: 'cs-consistency' });
    expect(clean.summary).toMatchObject({ file: 'cs-20261202.csv', matched: 3, differences: 0 });
    expect(clean.alerts).toEqual([]);
    // 生年月日・性別・住所 differences each give a row of their own.
    write('items.csv', [HEADER, `${same!.residentCode},${same!.familyName}　${same!.givenName},,1970-05-02,女,大字広丘野村902番地,有`]);
    const items = await run({ kind: 'cs-consistency', file: 'items.csv' });
    expect((await csv(items.runId)).slice(1).filter((l) => l.startsWith('不一致')).map((l) => l.split(',')[3])).toEqual(['生年月日', '性別', '住所']);
  });

  it('a missing or unreadable file fails the run with a Japanese message and an alert; no rows and no access-log entries are written', async () => {
    const missing = await run({ kind: 'cs-consistency', file: 'cs-none.csv' });
    expect(missing.status).toBe('failed');
    expect(missing.error).toMatch(/住基ネットCSの本人確認情報ファイル（cs-none\.csv）が見つからないか読み取れません/);
    expect(missing.alerts).toEqual([{ code: 'batch-failed', message: missing.error }]);
    expect(missing.rowCount).toBe(0);
    expect(await logged(missing.runId)).toBe(0);
    write('garbled.csv', ['住民票コード,氏名', '1,x']);
    const garbled = await run({ kind: 'cs-consistency', file: 'garbled.csv' });
    expect(garbled.status).toBe('failed');
    expect(garbled.error).toMatch(/読み取れません（見出し行に 生年月日・性別・住所 がありません）/);
    expect(garbled.rowCount).toBe(0);
    expect(await logged(garbled.runId)).toBe(0);
    write('badline.csv', [HEADER, '123,山田　一郎,,1980-01-01,男,大字広丘野村1番地,無']);
    const bad = await run({ kind: 'cs-consistency', file: 'badline.csv' });
    expect(bad.error).toMatch(/2行目: 住民票コードは11桁の数字です/);
    // No file named and no cs-*.csv in the municipality's inbox folder: the same refusal, without a file name.
    fs.rmSync(path.join(INBOX, M), { recursive: true, force: true });
    const none = await run({ kind: 'cs-consistency' });
    expect(none.status).toBe('failed');
    expect(none.error).toMatch(/住基ネットCSの本人確認情報ファイルが見つかりません/);
  });

  it('refuses a file name that is a path (422 cs-extract-file-name-invalid, nothing queued) and a caller without the batch permission', async () => {
    const before = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.batch_run`.execute(t.services.db.owner)).rows[0]!.n;
    for (const file of ['../secret.csv', '/etc/passwd', 'a/b.csv', 'x.txt']) {
      const r = await request(reviewer, { kind: 'cs-consistency', file });
      expect(r.status, file).toBe(422);
      expect(r.json.code).toBe('cs-extract-file-name-invalid');
      expect(r.json.title).toMatch(/ファイル名が正しくありません/);
    }
    expect((await request(counter, { kind: 'cs-consistency' })).status).toBe(403);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.batch_run`.execute(t.services.db.owner)).rows[0]!.n).toBe(before);
  });
});
