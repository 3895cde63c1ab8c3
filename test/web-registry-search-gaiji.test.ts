// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue #13 on the console (spec §2.1.3): 住民検索's 外字 picker lists the 外字 of the municipality's stored names
 * (private use characters, IVS sequences); choosing one shows the form again with it in the box (nothing searched)
 * and searching with it finds the person; 過去の住所・転入前住所 in 詳細条件 reads the box as an address.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app.ts';
import { consoleSessions, type ConsoleSession as Session } from './web-console-session.ts';

const CODE = '202151';
const t = useTestApp();
const { signIn, get } = consoleSessions(t, CODE);
let clerk: Session;
const PUA = '\u{E0A1}';
const IVS = '葛\u{E0101}';

beforeAll(async () => {
  clerk = await signIn(['counter']);
  await t.services.registry.recordFinalAsSystem(CODE, { kind: 'move-in', occurredOn: '2024-04-01', notifiedOn: '2024-04-05', exOfficio: false, notifier: '本人', note: '',
    expectedVersions: {}, fromAbroad: false, previousAddress: '東京都葛飾区柴又七丁目1番', address: { townName: '大字広丘野村', banchi: '88-1', katagaki: '', unlisted: false },
    persons: [{ residentKind: 'japanese', familyName: `外${PUA}`, givenName: '字子', familyNameKana: 'ガイジ', givenNameKana: 'ジコ', birthDate: '1970-01-01', sex: 'female', honseki: '長野県塩尻市', relationship: '世帯主' },
      { residentKind: 'japanese', familyName: `${IVS}城`, givenName: '一', familyNameKana: 'カツラギ', givenNameKana: 'ハジメ', birthDate: '1972-01-01', sex: 'male', honseki: '長野県塩尻市', relationship: '同居人' }] } as never);
});

const resultsOf = (html: string) => /data-testid="search-results"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
const decode = (s: string) => s.replace(/&amp;/g, '&');

describe('住民検索: 外字 picker and past addresses', () => {
  it('lists the stored 外字 beside the name box, puts one into the box without searching, and searching with it finds the person', async () => {
    const html = await (await get(clerk, '/console/registry')).text();
    const picker = /data-testid="gaiji-picker"[\s\S]*?<\/details>/.exec(html)![0];
    expect(picker).toContain(`data-gaiji="${PUA}"`);
    expect(picker).toContain(`data-gaiji="${IVS}"`);
    expect(picker).not.toContain('data-gaiji="字"');
    expect(picker).toContain('href="/console/registry/glyphs"');
    expect(picker).toContain('手書き入力はOS・IMEの機能をご利用ください。');
    // Without script: the link shows the form again with the character appended, nothing searched.
    const href = decode(new RegExp(`href="([^"]+)" data-gaiji="${PUA}"`).exec(picker)![1]!);
    const typed = await (await get(clerk, href.replace('q=', `q=${encodeURIComponent('外')}`))).text();
    expect(typed).toContain(`name="q" type="text" value="外${PUA}"`);
    expect(typed).not.toContain('data-testid="search-results"');
    // Searching with it (exact mode) finds the person; the IVS sequence too.
    expect(resultsOf(await (await get(clerk, `/console/registry?q=${encodeURIComponent(`外${PUA}字子`)}&mode=exact`)).text())).toContain('字子');
    const ivs = resultsOf(await (await get(clerk, `/console/registry?q=${encodeURIComponent(`${IVS}城`)}`)).text());
    expect(ivs).toContain(`${IVS}城`);
    expect(ivs).not.toContain('字子');
  });

  it('finds by the 転入前住所 only with 過去の住所・転入前住所 checked', async () => {
    const box = encodeURIComponent('葛飾区柴又');
    const without = await (await get(clerk, `/console/registry?q=${box}`)).text();
    expect(resultsOf(without)).not.toContain('字子');
    const withPast = await (await get(clerk, `/console/registry?q=${box}&pastAddress=1`)).text();
    expect(resultsOf(withPast)).toContain('字子');
    expect(withPast).toContain('住所（過去の住所・転入前住所を含む）');
    expect(withPast).toMatch(/name="pastAddress" value="1" checked/);
  });
});
