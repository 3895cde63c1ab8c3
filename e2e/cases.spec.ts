// SPDX-License-Identifier: EUPL-1.2
/**
 * A reviewer's day with cases (案件, issue #10): two 転居届 arrive through the API; the clean one is approved
 * automatically and written to the registry as 仮登録, the faulty one waits in the reviewer's queue with the reason.
 * The reviewer opens the queue, the case, takes it, notes a phone call and approves it; axe on every screen.
 */
import { describe, expect, it } from 'vitest';
import { assertAccessible, assertClean, DEMO, signIn, useBrowser } from './support/browser.ts';

const browser = useBrowser();

/** A signed-in API client (cookie and CSRF token). */
async function apiClient(loginId: string) {
  const base = browser.baseUrl;
  const res = await fetch(`${base}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ municipalityCode: DEMO.municipalityCode, loginId, password: DEMO.password }) });
  expect(res.status).toBe(201);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async <T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const r = await fetch(`${base}/api/v1${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined });
    return { status: r.status, body: (await r.json()) as T };
  };
}

/** Whole households of the demo residents with an adult head: their members as the applicant would state them. */
async function households(api: Awaited<ReturnType<typeof apiClient>>, count: number) {
  const found: Array<Array<{ atenaNo: string; familyName: string; givenName: string; birthDate: string }>> = [];
  const today = new Date().toISOString().slice(0, 10);
  for (const kana of ['ア', 'イ', 'カ', 'サ', 'タ', 'ナ', 'ハ', 'マ', 'ヤ', 'ワ', 'オ', 'キ', 'シ']) {
    const hits = (await api('GET', `/persons?name=${encodeURIComponent(kana)}&limit=50`)).body.items as Array<{ householdId: string; relationship: string }>;
    for (const h of hits.filter((x) => x.relationship === '世帯主')) {
      if (found.length >= count) return found;
      const hh = (await api('GET', `/households/${h.householdId}`)).body as { pendingChangeId: string | null; members: Array<{ atenaNo: string; familyName: string; givenName: string; birthDate: { sortKey: string; precision: string }; status: string }> };
      if (hh.pendingChangeId || hh.members.some((m) => m.birthDate.precision !== 'day' || m.status !== 'resident')) continue;
      if (Number(today.slice(0, 4)) - Number(hh.members[0]!.birthDate.sortKey.slice(0, 4)) < 20) continue;
      found.push(hh.members.map((m) => ({ atenaNo: m.atenaNo, familyName: m.familyName, givenName: m.givenName, birthDate: m.birthDate.sortKey })));
    }
  }
  return found;
}

describe('cases', () => {
  it("a reviewer's day: the clean 転居届 is already in the registry, the faulty one is decided from the queue", async () => {
    const counter = await apiClient('madoguchi');
    const [clean, faulty] = await households(counter, 2);
    expect(faulty).toBeDefined();
    const movedOn = new Date(Date.now() + 9 * 3600_000 - 2 * 86_400_000).toISOString().slice(0, 10);
    const submission = (members: typeof clean, banchi: string) => ({
      caseTypeCode: 'move-within', channel: 'online', applicant: members![0], subjects: members,
      data: { movedOn, newAddress: { townName: '大字広丘吉田', banchi, katagaki: '' } },
    });
    const a = await counter('POST', '/cases', submission(clean, '100番1号'));
    expect(a.status).toBe(201);
    const bad = submission(faulty, '100番2号');
    bad.subjects = bad.subjects!.map((s, i) => (i === 0 ? { ...s, birthDate: s.birthDate.replace(/-(\d\d)$/, (_m, d) => `-${d === '01' ? '02' : '01'}`) } : s));
    const b = await counter('POST', '/cases', bad);
    expect(b.status).toBe(201);
    // The server reviews in process right after each submission; wait for both reviews.
    const reviewer = await apiClient('shinsa');
    for (let i = 0; i < 100; i++) {
      const [x, y] = await Promise.all([reviewer('GET', `/cases/${a.body.caseId}`), reviewer('GET', `/cases/${b.body.caseId}`)]);
      if (x.body.reviewOutcome && y.body.reviewOutcome) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await reviewer('GET', `/cases/${a.body.caseId}`)).body).toMatchObject({ statusCode: 'closed', resultCode: 'approved' });

    const page = await browser.newPage();
    await signIn(page, 'shinsa');
    await page.waitForURL('**/console');
    await page.getByRole('link', { name: '案件' }).first().click();
    await page.waitForURL('**/console/cases');
    await assertAccessible(page);
    const row = page.getByTestId('case-row').filter({ hasText: b.body.caseNo });
    expect(await row.textContent()).toContain('不適合 1件');
    await row.getByRole('link', { name: b.body.caseNo }).click();
    await page.waitForURL(`**/console/cases/${b.body.caseNo}`);
    await assertAccessible(page);
    expect(await page.getByTestId('check-failed').first().textContent()).toContain('生年月日が住民記録と一致しません');

    await page.getByRole('button', { name: '自分が担当する' }).click();
    await page.waitForURL(`**/console/cases/${b.body.caseNo}?done=assigned`);
    expect(await page.getByTestId('case-assignee').textContent()).toContain('審査 太郎');
    await page.getByLabel('メモ（申請者には表示されません）').fill('電話で本人に確認。生年月日の入力誤り');
    await page.getByRole('button', { name: 'メモを追加する' }).click();
    await page.waitForURL(`**/console/cases/${b.body.caseNo}?done=noted`);
    await page.getByRole('button', { name: '承認する' }).click();
    await page.waitForURL(`**/console/cases/${b.body.caseNo}?done=approved`);
    expect(await page.getByTestId('done').textContent()).toContain('承認しました');
    expect(await page.getByTestId('decision').textContent()).toContain('住民記録に仮登録しました');
    await assertAccessible(page);

    // The queue of closed cases shows both, the automatic one decided by the system.
    await page.goto('/console/cases?view=closed');
    await assertAccessible(page);
    expect(await page.getByTestId('cases').textContent()).toContain(a.body.caseNo);
    await page.getByRole('link', { name: a.body.caseNo }).click();
    expect(await page.getByTestId('decision').textContent()).toContain('自動審査');
    assertClean(page);
  });
});
