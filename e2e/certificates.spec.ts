// SPDX-License-Identifier: EUPL-1.2
/**
 * A counter clerk issues a 住民票の写し from the 個人票 (issue #9): members as checkboxes, requester 本人 chosen by
 * name, 本人確認書類 and 2 copies, confirmation, the result page naming the persons with 発行番号 and fee, a reload
 * that issues nothing, the PDF opened inline; then anyone verifies its code on the public page.
 */
import { describe, expect, it } from 'vitest';
import { assertAccessible, assertClean, DEMO, screenshot, signIn, useBrowser } from './support/browser.ts';

const browser = useBrowser();
const VIEW = { width: 1366, height: 900 };

describe('certificates', () => {
  it('issues a certificate from the 個人票 once, opens it inline, then verifies its code and rejects an altered one', async () => {
    // The administrator sets the mayor's name (certificate settings) through the API.
    const admin = await browser.newPage(VIEW);
    const login = await admin.request.post('/api/v1/sessions', { data: { municipalityCode: DEMO.municipalityCode, loginId: 'kanri', password: DEMO.password } });
    expect(login.status()).toBe(201);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const settings = await admin.request.put('/api/v1/certificate-settings', { data: { mayorName: '塩尻　一郎' }, headers: { 'x-csrf-token': csrfToken } });
    expect(settings.status()).toBe(200);

    const page = await browser.newPage(VIEW);
    await signIn(page, 'madoguchi');
    await page.waitForURL('**/console');
    const ledger = async () => ((await (await page.request.get('/api/v1/certificate-issuances?limit=1000')).json()) as { items: unknown[] }).items.length;

    // A demo 世帯主 with at least one other member and no pending change.
    type Hit = { personId: string; householdId: string; relationship: string; status: string; name: string };
    const hits = ((await (await page.request.get(`/api/v1/persons?name=${encodeURIComponent('田')}&mode=partial&limit=200`)).json()) as { items: Hit[] }).items;
    let head: Hit | undefined;
    let members: Array<{ personId: string; familyName: string; givenName: string; status: string }> = [];
    for (const h of hits.filter((x) => x.relationship === '世帯主' && x.status === 'resident')) {
      const hh = (await (await page.request.get(`/api/v1/households/${h.householdId}`)).json()) as { pendingChangeId: string | null; members: typeof members };
      if (!hh.pendingChangeId && hh.members.filter((m) => m.status === 'resident').length >= 2) { head = h; members = hh.members; break; }
    }
    expect(head).toBeDefined();
    const other = members.find((m) => m.personId !== head!.personId && m.status === 'resident')!;
    const otherName = `${other.familyName}　${other.givenName}`;

    // From the registry search to the 個人票, then 「証明書を交付する」.
    await page.goto(`/console/registry?q=${encodeURIComponent(head!.name.replace('　', ' '))}`);
    await page.locator(`a[href="/console/registry/persons/${head!.personId}"]`).first().click();
    await page.waitForURL(`**/console/registry/persons/${head!.personId}`);
    await page.getByRole('link', { name: '証明書を交付' }).click();
    await page.waitForURL('**/console/certificates?personId=*');

    // The household's members as checkboxes, the chosen person pre-checked; no UUID anywhere on the page.
    const membersBox = page.getByTestId('members');
    expect(await membersBox.locator(`input[value="${head!.personId}"]`).isChecked()).toBe(true);
    expect(await page.locator('main').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    await membersBox.getByLabel(new RegExp(otherName)).check();
    // Only the chosen requester type's fields are shown (static script): 代理人 shows the 委任状, hides the member select.
    await page.getByLabel('代理人（委任状）').check();
    expect(await page.getByLabel('委任状を確認した').isVisible()).toBe(true);
    expect(await page.getByLabel(/請求者（本人・同一世帯員）/).isVisible()).toBe(false);
    await page.getByLabel('本人', { exact: true }).check();
    expect(await page.getByLabel('委任状を確認した').isVisible()).toBe(false);
    expect(await page.getByLabel(/請求者（本人・同一世帯員）/).inputValue()).toBe(head!.personId);
    await page.getByLabel(/本人確認書類/).selectOption({ label: 'マイナンバーカード' });
    await page.getByLabel('通数').fill('2');
    await assertAccessible(page);
    await screenshot(page, 'certificate-form');
    await page.getByRole('button', { name: '確認へ進む' }).click();
    await page.waitForURL('**/console/certificates/preview?*');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('住民票の写し');
    const summary = await page.getByTestId('summary').textContent();
    expect(summary).toContain(head!.name);
    expect(summary).toContain(otherName);
    expect(summary).toContain('2通');
    await assertAccessible(page);
    await screenshot(page, 'certificate-preview');

    const before = await ledger();
    await page.getByRole('button', { name: /交付する（2通・手数料 \d+円）/ }).click();
    await page.waitForURL('**/console/certificates/issuances/*');
    expect(await page.getByRole('status').textContent()).toContain('交付しました');
    expect(await page.getByTestId('issued-names').textContent()).toContain(head!.name);
    expect(await page.getByTestId('issued-names').textContent()).toContain(otherName);
    expect(await page.getByTestId('issue-number').textContent()).toMatch(/^\d{8} 塩尻市 \d{6}$/);
    expect(await page.getByTestId('fee').textContent()).toMatch(/^\d+円$/);
    expect(await ledger()).toBe(before + 1);
    const code = (await page.getByTestId('verification-code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    await assertAccessible(page);
    await screenshot(page, 'certificate-issued');

    // Reloading the result page issues nothing.
    await page.reload();
    expect(await page.getByRole('status').textContent()).toContain('交付しました');
    expect(await ledger()).toBe(before + 1);

    // The PDF opens inline (not a download), uncached.
    const link = page.getByRole('link', { name: 'PDFを開く・印刷する' });
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/console\/certificates\/issuances\/\d+\/pdf$/);
    const [pdf] = await Promise.all([page.waitForResponse((r) => r.url().endsWith(href)), link.click().catch(() => undefined)]);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toMatch(/^inline; filename="certificate-\d+\.pdf"$/);
    expect(pdf.headers()['cache-control']).toContain('no-store');
    await page.goto(href.replace(/\/pdf$/, ''));
    expect(await page.getByTestId('prints').textContent()).toContain('交付（原本）');
    expect(await ledger()).toBe(before + 1);
    await assertAccessible(page);
    await screenshot(page, 'certificate-issued-printed');
    assertClean(page);

    // Anyone, without a session, checks the code.
    const visitor = await browser.newPage(VIEW);
    await visitor.goto('/verify');
    await visitor.getByLabel('照合番号').fill(code.toLowerCase());
    await visitor.keyboard.press('Enter');
    await visitor.waitForURL('**/verify?code=*');
    const result = visitor.getByTestId('verify-result');
    expect(await result.textContent()).toContain('この照合番号の証明書は発行されています');
    expect(await result.textContent()).toContain('長野県塩尻市');
    expect(await result.textContent()).toContain('住民票の写し');
    expect(await result.textContent()).not.toMatch(/SHA|[0-9a-f]{64}/);
    await assertAccessible(visitor);
    await screenshot(visitor, 'certificate-verified');

    const altered = `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`;
    const res = await visitor.goto(`/verify?code=${altered}`);
    expect(res?.status()).toBe(404);
    expect(await visitor.getByTestId('verify-result').textContent()).toContain('この照合番号の証明書は発行されていません');
    assertClean(visitor, [404]);
  });
});
