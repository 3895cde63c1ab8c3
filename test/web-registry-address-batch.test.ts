// SPDX-License-Identifier: EUPL-1.2
/**
 * HTTP-level tests of the 住所一括変更 screen: the trial lists the households and writes nothing, the run
 * records one 住居表示 change per household as 仮登録, a household changed since the trial is skipped, and a
 * table without the new 町字 is refused at its field.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();

interface Provisional { changeId: string; kind: string; exOfficio: boolean; householdIds: string[]; persons: Array<{ personId: string; address: { townName: string; banchi: string } }> }

const pages = consoleSessions(t, CODE);
const signIn = pages.signIn;

let clerk: Session, approver: Session, api: Client;
const PATH = '/console/registry/address-changes';
const get = pages.get;
const post = (s: Session, fields: Record<string, string>) => pages.post(s, PATH, fields);
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const hidden = (html: string, name: string) => unescape(new RegExp(`name="${name}" value="([^"]+)"`).exec(html)![1]!);
const provisional = async () => ((await (await api.request('GET', '/api/v1/provisional-changes')).json()) as { items: Provisional[] }).items;

const hh = {} as Record<'a' | 'b' | 'c', { householdId: string; personId: string }>;
const rule = { occurredOn: '令和7年10月1日', cause: '住居表示', 'r0-fromTown': '大字大門', 'r0-banchiFrom': '100', 'r0-banchiTo': '199', 'r0-toTown': '大字長畝', 'r0-toBanchi': '' };

beforeAll(async () => {
  clerk = await signIn(['counter']);
  approver = await signIn(['approver']);
  const { loginId } = await t.staff(CODE, ['approver']);
  api = await t.login(CODE, loginId);
  for (const [key, banchi, name] of [['a', '100-1', '一'], ['b', '150番地3', '二'], ['c', '300-1', '三']] as const) {
    const { plan } = await t.services.registry.recordFinalAsSystem(CODE, {
      kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '松本市',
      address: { townName: '大字大門', banchi, katagaki: '', unlisted: false },
      persons: [{ residentKind: 'japanese', familyName: '一括', givenName: `${name}郎`, familyNameKana: 'イッカツ', givenNameKana: 'タロウ', birthDate: '1970-01-01', sex: 'male', honseki: '長野県塩尻市', relationship: '世帯主' }],
    });
    hh[key] = { householdId: plan.snapshots[0]!.record.householdId, personId: plan.snapshots[0]!.personId };
  }
});

describe('住所一括変更 screen', () => {
  it('is offered to clerks only', async () => {
    const page = await (await get(clerk, PATH)).text();
    expect(page).toMatch(/id="occurredOn"[^>]*autofocus/);
    expect(page).toContain('aria-current="page">住所一括変更');
    expect((await get(approver, PATH)).status).toBe(403);
  });

  it('refuses a table without the new 町字 or with half a range, and records nothing', async () => {
    const res = await post(clerk, { _csrf: clerk.csrf, step: 'run', ...rule, 'r0-toTown': '', 'r1-fromTown': '大字大門', 'r1-banchiFrom': '5', 'r1-toTown': '大字大門' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="r0-toTown-error">変更後の町字を入力してください');
    expect(html).toContain('id="r1-banchiTo-error">番地の範囲は最初と最後の両方を入力してください');
    expect(html).toContain('value="100"');
    expect(await provisional()).toEqual([]);
  });

  it('tries, then records one 住居表示 change per household; a household changed since the trial is skipped', async () => {
    const trial = await post(clerk, { _csrf: clerk.csrf, step: 'trial', ...rule });
    expect(trial.status).toBe(200);
    const html = await trial.text();
    expect(html).toContain('対象の世帯（2世帯・2人）');
    expect(html).toContain('大字長畝100-1');
    expect(html).toContain('大字大門100-1');
    expect(html).toContain('大字大門150番地3');
    expect(html).not.toContain('大字大門300-1');
    expect(html).toContain('2世帯を一括で仮登録する');
    expect(await provisional()).toEqual([]);

    // Another clerk changes household b after the trial.
    const hb = (await (await api.request('GET', `/api/v1/households/${hh.b.householdId}`)).json()) as { version: number };
    await t.services.registry.recordFinalAsSystem(CODE, { kind: 'old-surname', occurredOn: '2025-05-01', exOfficio: false, notifier: '本人', note: '',
      expectedVersions: { [hh.b.householdId]: hb.version }, personId: hh.b.personId, action: 'enter', oldSurname: '旧姓' });

    const fields = { _csrf: clerk.csrf, step: 'run', form: hidden(html, 'form'), versions: hidden(html, 'versions'), _idem: hidden(html, '_idem') };
    const run = await post(clerk, fields);
    // issue #9: post/redirect/get to the clerk's own entries; a repeat of the same form (reload, back + resubmit) records nothing more.
    expect(run.status).toBe(303);
    const done = await (await get(clerk, run.headers.get('location')!)).text();
    expect(done).toContain('住所一括変更で1世帯を仮登録しました。1世帯は試行の後に変更された等のため除外しました');
    expect(done).toContain('住居表示・区画整理による住所変更');
    const again = await post(clerk, fields);
    expect(again.status).toBe(303);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const changes = await provisional();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'address-renaming', exOfficio: true, householdIds: [hh.a.householdId] });
    expect(changes[0]!.persons[0]!.address).toMatchObject({ townName: '大字長畝', banchi: '100-1' });
  });
});
