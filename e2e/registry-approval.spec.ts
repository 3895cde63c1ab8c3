// SPDX-License-Identifier: EUPL-1.2
/**
 * issue #9, the approval step in a browser: the counter clerk madoguchi records a 転居 from the keyboard, lands on
 * the change page naming the person, reloads it (nothing recorded twice); the approver kessai opens the queue and
 * the detail with old → new address and returns it with a reason (差戻し); the clerk sees it under 自分の入力 with
 * the reason and resubmits it; kessai approves it through the confirmation step; the 世帯票 shows the new address.
 * axe on every page; screenshots at 1366x900.
 */
import { describe, expect, it } from 'vitest';
import { assertAccessible, assertClean, focusLanded, screenshot, signIn, useBrowser } from './support/browser.ts';

const browser = useBrowser();
const SIZE = { width: 1366, height: 900 };

describe('registry approval with 差戻し', () => {
  it('walks a 転居 from the counter through 差戻し and 再提出 to 本登録', async () => {
    const clerk = await browser.newPage(SIZE);
    await signIn(clerk, 'madoguchi');
    await clerk.waitForURL('**/console');
    await assertAccessible(clerk);
    await screenshot(clerk, 'approval-home-clerk');

    // A household of its own, entered as final through the API by the system is not possible from a browser:
    // the clerk enters a 転入 and kessai approves it first (the same flow, without 差戻し).
    const csrf = (await clerk.locator('input[name="_csrf"]').first().getAttribute('value'))!;
    const moveIn = await clerk.request.post('/api/v1/changes', {
      headers: { 'x-csrf-token': csrf },
      data: { kind: 'move-in', occurredOn: '2025-04-01', exOfficio: false, notifier: '本人', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '松本市',
        address: { townName: '大字広丘野村', banchi: '700-1', katagaki: '', unlisted: false },
        persons: [{ residentKind: 'japanese', familyName: '差戻', givenName: '検証', familyNameKana: 'サシモドシ', givenNameKana: 'ケンショウ', birthDate: '1975-05-05', sex: 'female', honseki: '長野県塩尻市', relationship: '世帯主' }] },
    });
    expect(moveIn.status()).toBe(201);
    const moveInId = ((await moveIn.json()) as { changeId: string }).changeId;

    const kessai = await browser.newPage(SIZE);
    await signIn(kessai, 'kessai');
    await kessai.waitForURL('**/console');
    await kessai.goto(`/console/registry/changes/${moveInId}`);
    await kessai.getByTestId('to-approve').click();
    await kessai.getByRole('button', { name: '本登録する' }).click();
    await kessai.waitForURL('**?done=approved');

    // The clerk finds the resident and records a 転居 from the keyboard.
    await clerk.goto(`/console/registry?q=${encodeURIComponent('サシモドシ ケンショウ')}`);
    await clerk.getByRole('link', { name: '差戻　検証' }).click();
    await clerk.getByRole('link', { name: /世帯票/ }).click();
    await clerk.waitForURL('**/console/registry/households/*');
    const householdUrl = clerk.url();
    await clerk.getByRole('link', { name: '転居', exact: true }).click();
    await focusLanded(clerk);
    await clerk.keyboard.type('令和7年6月1日');
    await clerk.locator('#townName').fill('大字大門');
    await clerk.getByLabel('番地・号').fill('12-3');
    await clerk.getByLabel('番地・号').press('Enter');
    await clerk.getByTestId('confirm').waitFor();
    await clerk.keyboard.press('Enter');
    await clerk.waitForURL('**/console/registry/changes/*?done=recorded');
    const changeUrl = clerk.url();
    expect(await clerk.getByTestId('done').textContent()).toMatch(/仮登録しました（受付番号 令和\d+年第\d+号）/);
    expect(await clerk.locator('h3').first().textContent()).toContain('差戻　検証');
    await assertAccessible(clerk);
    await screenshot(clerk, 'approval-recorded');
    // Reload: the same page, nothing recorded again.
    await clerk.reload();
    expect(clerk.url()).toBe(changeUrl);
    await clerk.goto('/console/registry/mine');
    expect(await clerk.getByTestId('provisional-row').filter({ hasText: '差戻　検証' }).count()).toBe(1);
    await assertAccessible(clerk);

    // kessai: the queue, the detail with old → new address, 差戻し with a reason.
    await kessai.goto('/console/registry/provisional');
    await assertAccessible(kessai);
    await screenshot(kessai, 'approval-queue');
    await kessai.getByRole('link', { name: /転居 差戻\s検証の詳細$/ }).click();
    await kessai.waitForURL('**/console/registry/changes/*');
    const address = kessai.locator('tr[data-item="address"]');
    expect(await address.textContent()).toMatch(/大字広丘野村700-1.*大字大門12-3/);
    await assertAccessible(kessai);
    await screenshot(kessai, 'approval-detail');
    await kessai.getByLabel(/差戻しの理由/).fill('番地は届書では12-4です。確認してください。');
    await kessai.getByRole('button', { name: '差し戻す' }).click();
    await kessai.waitForURL('**?done=returned');
    expect(await kessai.getByTestId('returned-reason').textContent()).toContain('12-4');
    await assertAccessible(kessai);

    // The clerk: 自分の入力 shows the return with its reason; the clerk resubmits.
    await clerk.goto('/console');
    await clerk.getByRole('link', { name: '自分の入力（差戻し）' }).click();
    const row = clerk.getByTestId('provisional-row').filter({ hasText: '差戻　検証' });
    expect(await row.getByTestId('row-return-reason').textContent()).toContain('番地は届書では12-4です');
    await assertAccessible(clerk);
    await screenshot(clerk, 'approval-mine-returned');
    await row.getByRole('link').first().click();
    await clerk.getByRole('button', { name: '再提出する' }).click();
    await clerk.waitForURL('**?done=resubmitted');
    await assertAccessible(clerk);

    // kessai approves with the confirmation step.
    await kessai.goto(changeUrl.replace(/\?.*$/, ''));
    await kessai.getByTestId('to-approve').click();
    expect(await kessai.getByTestId('approve-confirm').textContent()).toContain('差戻　検証');
    await assertAccessible(kessai);
    await screenshot(kessai, 'approval-confirm');
    await kessai.getByRole('button', { name: '本登録する' }).click();
    await kessai.waitForURL('**?done=approved');
    expect(await kessai.getByTestId('done').textContent()).toContain('本登録しました');

    await clerk.goto(householdUrl);
    expect(await clerk.getByTestId('household-facts').textContent()).toContain('大字大門12-3');
    expect(await clerk.getByTestId('household-pending').count()).toBe(0);
    await assertAccessible(clerk);
    await screenshot(clerk, 'approval-household-after');
    assertClean(clerk);
    assertClean(kessai);
  }, 240_000);
});
