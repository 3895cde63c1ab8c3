// SPDX-License-Identifier: EUPL-1.2
/**
 * The change screens of a person's items from the keyboard: a counter clerk records a 旧氏の記載 for a
 * Japanese resident and a 在留資格・在留期間の変更 for a foreign resident (after a refused first try), each
 * approved by the approver; axe on the form, the error, the confirmation and the result.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assertAccessible, assertClean, screenshot, signIn, useBrowser } from './support/browser.ts';

const browser = useBrowser();

/** The approver approves the provisional change whose button matches `label` from the 仮登録一覧. */
async function approveAsKessai(label: RegExp) {
  const page = await browser.newPage();
  await signIn(page, 'kessai');
  await page.waitForURL('**/console');
  await page.goto('/console/registry/provisional');
  await page.getByRole('button', { name: label }).click();
  await page.waitForURL('**/console/registry/provisional?done=approved');
  expect(await page.getByTestId('done').textContent()).toContain('本登録しました');
  assertClean(page);
  await page.context().close();
}

/** Records a new household of a Japanese and a foreign resident through the API (the screens under test come after). */
async function seedHousehold(page: Page): Promise<{ japanese: string; foreign: string }> {
  await page.goto('/console');
  const csrf = await page.locator('input[name="_csrf"]').first().getAttribute('value');
  const res = await page.request.post('/api/v1/changes', {
    headers: { 'x-csrf-token': csrf ?? '' },
    data: {
      kind: 'move-in', occurredOn: '2025-04-01', notifiedOn: '2025-04-03', notifier: '本人', address: { townName: '大字広丘野村', banchi: '2222-2' },
      persons: [
        { residentKind: 'japanese', familyName: '項目', givenName: '花子', familyNameKana: 'コウモク', givenNameKana: 'ハナコ', birthDate: '1988-02-03', sex: 'female',
          honseki: '長野県塩尻市大門七番町1', relationship: '世帯主' },
        { residentKind: 'foreign', romanName: 'KOUMOKU DAVID', birthDate: '1986-09-09', sex: 'male', relationship: '夫（未届）',
          foreign: { nationality: 'カナダ', category: '中長期在留者', residenceStatus: '日本人の配偶者等', residencePeriod: '1年', residenceExpiry: '2026-12-31', residenceCardNo: 'QZ98761234KV' } },
      ],
    },
  });
  expect(res.status()).toBe(201);
  await approveAsKessai(/^転入 (項目.花子、KOUMOKU DAVID|KOUMOKU DAVID、項目.花子)を本登録$/);
  const find = async (name: string) => {
    const search = await page.request.get(`/api/v1/persons?name=${encodeURIComponent(name)}&mode=partial`);
    expect(search.status()).toBe(200);
    const hits = ((await search.json()) as { items: Array<{ personId: string }> }).items;
    expect(hits).toHaveLength(1);
    return hits[0]!.personId;
  };
  return { japanese: await find('コウモク ハナコ'), foreign: await find('KOUMOKU DAVID') };
}

/** Confirms the change on the confirmation step (仮登録する has focus) and checks the result. */
async function confirmAndRecord(page: Page, kind: string) {
  await page.waitForURL(`**/console/registry/changes/${kind}`);
  expect(await page.getByTestId('confirm').isVisible()).toBe(true);
  await assertAccessible(page);
  await page.keyboard.press('Enter');
  await page.getByTestId('result').waitFor();
  expect(await page.getByTestId('result').textContent()).toContain('仮登録しました');
  await assertAccessible(page);
}

describe('registry: changes of a person\'s items', () => {
  it('records a 旧氏の記載 and a 在留資格・在留期間の変更 from the keyboard', async () => {
    const page = await browser.newPage();
    await signIn(page, 'madoguchi');
    await page.waitForURL('**/console');
    const ids = await seedHousehold(page);

    // 旧氏の記載 from the Japanese resident's page: no 通称 or 在留資格 there.
    await page.goto(`/console/registry/persons/${ids.japanese}`);
    expect(await page.getByRole('link', { name: '通称の記載・削除' }).count()).toBe(0);
    await page.getByRole('link', { name: '旧氏の記載・削除' }).click();
    await page.waitForURL('**/console/registry/changes/old-surname?personId=*');
    await assertAccessible(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('occurredOn');
    await page.keyboard.type('令和7年5月1日');
    await page.getByLabel('届出人').fill('本人');
    expect(await page.locator('#action').inputValue()).toBe('enter');
    await page.locator('#oldSurname').fill('旧野');
    await page.locator('#oldSurnameKana').fill('キュウノ');
    await page.locator('#oldSurnameKana').press('Enter');
    const summary = await page.getByTestId('confirm').textContent();
    expect(summary).toContain('令和7年5月1日（2025-05-01）');
    expect(summary).toContain('旧野');
    await screenshot(page, 'registry-old-surname-confirm');
    await confirmAndRecord(page, 'old-surname');
    assertClean(page);
    await approveAsKessai(/^旧氏の記載・削除 項目.花子を本登録$/);
    await page.goto(`/console/registry/persons/${ids.japanese}`);
    expect(await page.getByTestId('person-record').textContent()).toContain('旧野（キュウノ）');
    expect(await page.getByTestId('history').textContent()).toContain('旧氏の記載・削除');

    // 在留資格・在留期間の変更 from the foreign resident's page; the first try lacks the expiry date.
    await page.goto(`/console/registry/persons/${ids.foreign}`);
    expect(await page.getByRole('link', { name: '旧氏の記載・削除' }).count()).toBe(0);
    await page.getByRole('link', { name: '在留資格・在留期間の変更' }).click();
    await page.waitForURL('**/console/registry/changes/residence-status-change?personId=*');
    await assertAccessible(page);
    expect(await page.locator('#residenceStatus').inputValue()).toBe('日本人の配偶者等');
    await page.keyboard.type('R7.6.1');
    await page.getByLabel('在留期間（必須）', { exact: true }).fill('3年');
    await page.getByLabel('在留期間（必須）', { exact: true }).press('Enter');
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('error-summary').textContent()).toContain('在留期間の満了日: 日付を入力してください');
    expect(await page.locator('#residenceExpiry').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#residencePeriod').inputValue()).toBe('3年');
    await assertAccessible(page);
    await screenshot(page, 'registry-residence-status-error');
    await page.locator('#residenceExpiry').fill('令和10年6月30日');
    await page.locator('#residenceCardNo').fill('qz11112222kv');
    await page.locator('#residenceCardNo').press('Enter');
    expect(await page.getByTestId('confirm').textContent()).toContain('令和10年6月30日（2028-06-30）');
    await confirmAndRecord(page, 'residence-status-change');
    assertClean(page, [400]);
    await approveAsKessai(/^在留資格・在留期間の変更 KOUMOKU DAVIDを本登録$/);
    await page.goto(`/console/registry/persons/${ids.foreign}`);
    const record = await page.getByTestId('person-record').textContent();
    expect(record).toContain('3年');
    expect(record).toContain('QZ11112222KV');
    await screenshot(page, 'registry-person-after-residence-change');
  });
});
