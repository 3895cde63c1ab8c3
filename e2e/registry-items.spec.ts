// SPDX-License-Identifier: EUPL-1.2
/**
 * The change screens of a person's items from the keyboard: a counter clerk records a 旧氏の記載 for a
 * Japanese demo resident and a 在留資格・在留期間の変更 for a foreign one (after a refused first try), both
 * left as 仮登録 and shown on the person's page; axe on the form, the error, the confirmation and the result;
 * then a 住所一括変更 trial run (nothing written).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assertAccessible, assertClean, focusLanded, screenshot, signIn, useBrowser } from './support/browser.ts';

const browser = useBrowser();

interface Hit { personId: string; romanName: string | null; status: string }
interface Person { personId: string; residentKind: string; pendingChangeId: string | null; oldSurname: string | null; foreign: { category?: string } | null }

/**
 * Picks a demo resident of the kind wanted, with nothing pending, through the API. The suite signs in from one
 * address under the login rate limit (20 per 5 minutes), so this test signs in once and approves nothing.
 */
async function pickResident(page: Page, search: string, fits: (p: Person) => boolean): Promise<string> {
  const res = await page.request.get(`/api/v1/persons?${search}&limit=200`);
  expect(res.status()).toBe(200);
  const hits = ((await res.json()) as { items: Hit[] }).items.filter((h) => h.status === 'resident').reverse();
  for (const h of hits) {
    const p = (await (await page.request.get(`/api/v1/persons/${h.personId}`)).json()) as Person;
    if (!p.pendingChangeId && fits(p)) return p.personId;
  }
  throw new Error(`no demo resident for ${search}`);
}

/** Confirms the change on the confirmation step (仮登録する has focus) and checks the result. */
async function confirmAndRecord(page: Page, kind: string) {
  await page.waitForURL(`**/console/registry/changes/${kind}`);
  expect(await page.getByTestId('confirm').isVisible()).toBe(true);
  await assertAccessible(page);
  await page.keyboard.press('Enter');
  // Post/redirect/get (issue #9): the change's own page.
  await page.waitForURL('**/console/registry/changes/*?done=recorded');
  expect(await page.getByTestId('done').textContent()).toContain('仮登録しました');
  await assertAccessible(page);
}

describe('registry: changes of a person\'s items', () => {
  it('records a 旧氏の記載 and a 在留資格・在留期間の変更 from the keyboard', async () => {
    const page = await browser.newPage();
    await signIn(page, 'madoguchi');
    await page.waitForURL('**/console');
    const today = new Date();
    const [y, m, d] = [today.getFullYear(), today.getMonth() + 1, today.getDate()];
    const japanese = await pickResident(page, `address=${encodeURIComponent('大字')}&mode=partial`, (p) => p.residentKind === 'japanese' && !p.oldSurname);
    const foreign = await pickResident(page, 'name=A&mode=partial', (p) => p.residentKind === 'foreign' && p.foreign?.category === '中長期在留者');

    // 旧氏の記載 from the Japanese resident's page (no 通称 or 在留資格 there); the date in 和暦 (令和 = year − 2018).
    await page.goto(`/console/registry/persons/${japanese}`);
    expect(await page.getByRole('link', { name: '通称の記載・削除' }).count()).toBe(0);
    await page.getByRole('link', { name: '旧氏の記載・削除' }).click();
    await page.waitForURL('**/console/registry/changes/old-surname?personId=*');
    await assertAccessible(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('occurredOn');
    await focusLanded(page);
    await page.keyboard.type(`R${y - 2018}.${m}.${d}`);
    await page.getByLabel('届出人').fill('本人');
    expect(await page.locator('#action').inputValue()).toBe('enter');
    await page.locator('#oldSurname').fill('旧野');
    await page.locator('#oldSurnameKana').fill('キュウノ');
    await page.locator('#oldSurnameKana').press('Enter');
    const summary = await page.getByTestId('confirm').textContent();
    // 和暦 only (issue #9): the date as recorded, no 西暦 beside it.
    expect(summary).toContain(`令和${y - 2018}年${m}月${d}日`);
    expect(summary).not.toContain(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    expect(summary).toContain('旧野');
    await screenshot(page, 'registry-old-surname-confirm');
    await confirmAndRecord(page, 'old-surname');
    assertClean(page);
    await page.goto(`/console/registry/persons/${japanese}`);
    expect(await page.getByTestId('pending').isVisible()).toBe(true);
    const history = await page.getByTestId('history').textContent();
    expect(history).toMatch(/旧氏の記載・削除.*仮登録/);

    // 在留資格・在留期間の変更 from the foreign resident's page; the first try lacks the expiry date.
    await page.goto(`/console/registry/persons/${foreign}`);
    expect(await page.getByRole('link', { name: '旧氏の記載・削除' }).count()).toBe(0);
    await page.getByRole('link', { name: '在留資格・在留期間の変更' }).click();
    await page.waitForURL('**/console/registry/changes/residence-status-change?personId=*');
    await assertAccessible(page);
    expect(await page.locator('#residenceStatus').inputValue()).not.toBe('');
    await focusLanded(page);
    await page.keyboard.type(`${y}-${m}-${d}`);
    await page.getByLabel('在留資格（必須）', { exact: true }).fill('技術・人文知識・国際業務');
    await page.getByLabel('在留期間（必須）', { exact: true }).fill('3年');
    await page.getByLabel('在留期間（必須）', { exact: true }).press('Enter');
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('error-summary').textContent()).toContain('在留期間の満了日: 日付を入力してください');
    expect(await page.locator('#residenceExpiry').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#residencePeriod').inputValue()).toBe('3年');
    await assertAccessible(page);
    await screenshot(page, 'registry-residence-status-error');
    await page.locator('#residenceExpiry').fill(`令和${y - 2018 + 3}年6月30日`);
    await page.locator('#residenceCardNo').fill('qz11112222kv');
    await page.locator('#residenceCardNo').press('Enter');
    const confirm = await page.getByTestId('confirm').textContent();
    // A foreign resident's 在留期間満了日 in 西暦, as the standard says (spec §1.1.9, issue #9).
    expect(confirm).toContain(`${y + 3}年6月30日`);
    expect(confirm).toContain('QZ11112222KV');
    await confirmAndRecord(page, 'residence-status-change');
    assertClean(page, [400]);
    await page.goto(`/console/registry/persons/${foreign}`);
    expect(await page.getByTestId('pending').isVisible()).toBe(true);
    expect(await page.getByTestId('history').textContent()).toMatch(/在留資格・在留期間の変更.*仮登録/);
    await screenshot(page, 'registry-person-after-residence-change');

    // 住所一括変更: a trial run from the keyboard (writes nothing); the form and the trial pass axe.
    await page.getByRole('link', { name: '住所一括変更' }).click();
    await page.waitForURL('**/console/registry/address-changes');
    await assertAccessible(page);
    await focusLanded(page);
    await page.keyboard.type(`R${y - 2018}.${m}.${d}`);
    await page.getByLabel('変更の事由').selectOption('住居表示');
    await page.locator('#r0-fromTown').fill('大字大門');
    await page.locator('#r0-toTown').fill('大字大門');
    await page.locator('#r0-toTown').press('Enter');
    await page.getByTestId('batch-trial').waitFor();
    expect(await page.getByTestId('batch-items').textContent()).toContain('大字大門');
    await assertAccessible(page);
    await screenshot(page, 'registry-address-batch-trial');
    assertClean(page, [400]);
  });
});
