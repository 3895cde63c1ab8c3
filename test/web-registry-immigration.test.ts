// SPDX-License-Identifier: EUPL-1.2
/**
 * HTTP-level tests of the 入管通知 screen (issue #13 R18, 住基法30条の50): the counter takes in the notices the file link
 * delivered, sees them pending beside the current record or unmatched with the reason, and 処理 enters the 職権 change
 * as 仮登録 and opens it — once (a repeated 処理 opens the same change). English on request; other roles refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const INBOX = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-web-immigration-'));
process.env.JICHI_IMMIGRATION_INBOX_DIR = INBOX;
const t = useTestApp();
const pages = consoleSessions(t, CODE);
const PATH = '/console/registry/immigration-notices';
let clerk: Session, admin: Session;

beforeAll(async () => {
  clerk = await pages.signIn(['counter']);
  admin = await pages.signIn(['admin']);
  await t.services.registry.recordFinalAsSystem(CODE, {
    kind: 'move-in', abroadGround: '30条の46', occurredOn: '2026-04-01', notifiedOn: '2026-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: true, previousAddress: '',
    address: { townName: '大字大門', banchi: '5番地', katagaki: '', unlisted: false },
    persons: [{ residentKind: 'foreign', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', romanName: 'TRAN THI MAI', birthDate: '1995-05-05', sex: 'female', relationship: '世帯主',
      foreign: { nationality: 'ベトナム', category: '中長期在留者', residenceStatus: '留学', residencePeriod: '1年', residenceExpiry: '2027-03-31', residenceCardNo: 'AB55555555CD' } }],
  } as never);
  fs.mkdirSync(path.join(INBOX, CODE));
  fs.writeFileSync(path.join(INBOX, CODE, 'a.json'), JSON.stringify({ kind: 'immigration-notice', noticeNo: 'W-1', event: 'status-change', noticedOn: '2026-11-02', occurredOn: '2026-11-01',
    person: { residenceCardNo: 'AB55555555CD' }, items: { residenceStatus: '技術・人文知識・国際業務', residencePeriod: '3年', residenceExpiry: '2029-10-31' } }));
  fs.writeFileSync(path.join(INBOX, CODE, 'b.json'), JSON.stringify({ kind: 'immigration-notice', noticeNo: 'W-2', event: 'departure', noticedOn: '2026-11-02', occurredOn: '2026-11-01',
    person: { residenceCardNo: 'ZZ00000000ZZ' } }));
});

describe('入管通知 screen', () => {
  it('takes in the notices, lists them with the current record or the reason, and 処理 enters the change once', async () => {
    const received = await pages.post(clerk, `${PATH}/receipts`, { _csrf: clerk.csrf });
    expect(received.status).toBe(303);
    expect(received.headers.get('location')).toBe(`${PATH}?added=2&rejected=0`);
    const html = await (await pages.get(clerk, received.headers.get('location')!)).text();
    expect(html).toContain('2件の通知を取り込みました');
    expect(html).toContain('aria-current="page">入管通知');
    expect(html).toContain('在留資格の変更');
    expect(html).toContain('在留資格: 留学'); // current record
    expect(html).toContain('在留資格: 技術・人文知識・国際業務'); // notified
    expect(html).toContain('満了日: 2029年10月31日'); // 在留期間の満了日 in 西暦
    expect(html).toContain('令和8年11月1日'); // the event's day in 和暦
    expect(html).toContain('在留カード等番号に該当する住民がいません');
    expect(html).toContain('職権消除（出国）');
    expect(html).not.toMatch(/>[^<]*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[^<]*</); // no UUID shown as text
    const action = /action="(\/console\/registry\/immigration-notices\/[0-9a-f-]{36}\/applications)"/.exec(html)![1]!;
    const first = await pages.post(clerk, action, { _csrf: clerk.csrf });
    expect(first.status).toBe(303);
    const changePath = first.headers.get('location')!;
    expect(changePath).toMatch(/^\/console\/registry\/changes\/[0-9a-f-]{36}$/);
    const change = await (await pages.get(clerk, changePath)).text();
    expect(change).toContain('W-1');
    const again = await pages.post(clerk, action, { _csrf: clerk.csrf });
    expect(again.headers.get('location')).toBe(changePath);
    const after = await (await pages.get(clerk, PATH)).text();
    expect(after).toContain('処理中（仮登録）');
    // A wrong CSRF token records nothing.
    expect((await pages.post(clerk, `${PATH}/receipts`, { _csrf: 'wrong' })).status).toBe(403);
  });

  it('speaks English on request and is refused to roles without the permission', async () => {
    const en = await (await pages.get(clerk, PATH, { cookie: `${clerk.cookie}; lang=en` })).text();
    expect(en).toContain('Notices from the Minister of Justice');
    expect(en).toContain('No resident has this residence card number');
    expect((await pages.get(admin, PATH)).status).toBe(403);
  });
});
