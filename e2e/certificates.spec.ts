// SPDX-License-Identifier: EUPL-1.2
/** A counter clerk issues a 住民票の写し in a few keystrokes and anyone verifies its code on the public page. */
import { describe, expect, it } from 'vitest';
import { assertAccessible, assertClean, DEMO, screenshot, signIn, useBrowser } from './support/browser.ts';

const browser = useBrowser();

describe('certificates', () => {
  it('issues a certificate from the household deep link, then verifies its code and rejects an altered one', async () => {
    // The administrator sets the mayor's name (certificate settings) through the API.
    const admin = await browser.newPage();
    const login = await admin.request.post('/api/v1/sessions', { data: { municipalityCode: DEMO.municipalityCode, loginId: 'kanri', password: DEMO.password } });
    expect(login.status()).toBe(201);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const settings = await admin.request.put('/api/v1/certificate-settings', { data: { mayorName: '塩尻　一郎' }, headers: { 'x-csrf-token': csrfToken } });
    expect(settings.status()).toBe(200);

    const page = await browser.newPage();
    await signIn(page, 'madoguchi');
    await page.waitForURL('**/console');
    // A demo household (the registry's person/household views link here with ?householdId=…).
    const hits = (await (await page.request.get('/api/v1/persons?name=%E3%81%82&mode=partial')).json()) as { items: Array<{ personId: string; householdId: string; relationship: string; status: string }> };
    const head = (hits.items.length > 0 ? hits.items : []).find((h) => h.relationship === '世帯主' && h.status === 'resident')
      ?? ((await (await page.request.get('/api/v1/persons?name=%E7%94%B0&mode=partial')).json()) as typeof hits).items.find((h) => h.relationship === '世帯主' && h.status === 'resident');
    expect(head).toBeDefined();

    await page.goto(`/console/certificates?householdId=${head!.householdId}`);
    await assertAccessible(page);
    await page.getByLabel('請求者の個人ID（本人・同一世帯員）').fill(head!.personId);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/console/certificates/preview');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('住民票の写し');
    expect(await page.getByTestId('preview').textContent()).toContain('この写しは、世帯全員の住民票の原本と相違ないことを証明する。');
    await assertAccessible(page);
    await screenshot(page, 'certificate-preview');
    await page.keyboard.press('Enter'); // the 交付する button has focus
    await page.waitForURL('**/console/certificates/issue');
    expect(await page.getByRole('status').textContent()).toContain('交付しました');
    const code = (await page.getByTestId('verification-code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    const pdfHref = await page.getByRole('link', { name: 'PDFを開く・印刷する' }).getAttribute('href');
    expect(pdfHref).toMatch(/^data:application\/pdf;base64,JVBER/);
    await assertAccessible(page);
    await screenshot(page, 'certificate-issued');
    assertClean(page);

    // Anyone, without a session, checks the code.
    const visitor = await browser.newPage();
    await visitor.goto('/verify');
    await visitor.getByLabel('照合番号').fill(code.toLowerCase());
    await visitor.keyboard.press('Enter');
    await visitor.waitForURL('**/verify?code=*');
    const result = visitor.getByTestId('verify-result');
    expect(await result.textContent()).toContain('この照合番号の証明書は発行されています');
    expect(await result.textContent()).toContain('長野県塩尻市');
    expect(await result.textContent()).toContain('住民票の写し');
    await assertAccessible(visitor);
    await screenshot(visitor, 'certificate-verified');

    const altered = `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`;
    const res = await visitor.goto(`/verify?code=${altered}`);
    expect(res?.status()).toBe(404);
    expect(await visitor.getByTestId('verify-result').textContent()).toContain('この照合番号の証明書は発行されていません');
    assertClean(visitor, [404]);
  });
});
