// Renders certificates and reads their text back: every printed item with its 和暦 (or 西暦) date.
import { describe, expect, it } from 'vitest';
import { buildCertificateContent, type ContentContext } from './certificate-content.ts';
import { certificateFont, fontParseCount } from './certificate-font.ts';
import { DEFAULT_ITEMS, PRINT_ITEMS, type CertificatePerson } from './certificate-model.ts';
import { findMissingGlyphs, fontHasVariant, MissingGlyphsError, renderCertificatePdf, substituteUnsupportedVariants, VARIANT_NOTE } from './certificate-pdf.ts';
import { pdfInfo, pdfPageTexts, squash } from './testing/pdf-text.ts';
import { sampleForeignResident, sampleHousehold, samplePerson } from './testing/sample-household.ts';

const TODAY = '2025-04-01';
const base: ContentContext = {
  kind: 'residence-copy', items: DEFAULT_ITEMS, prefectureName: '長野県', municipalityName: '塩尻市', mayorName: '塩尻　一郎',
  official: false, wholeHousehold: true, day: TODAY, today: TODAY,
};
const opts = { font: certificateFont(), issueNumber: '20250401 塩尻市 000042', createdAt: new Date('2025-04-01T01:00:00Z'), verification: { code: 'ABCD-EFGH-JKMN-PQRS-TVWX', url: 'http://localhost:3000/verify/ABCDEFGHJKMNPQRSTVWX' } };
// 1×1 black PNG.
const SEAL = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==', 'base64'));

async function render(persons: CertificatePerson[], ctx: Partial<ContentContext> = {}, members = persons) {
  const content = buildCertificateContent({ householdId: persons[0]!.householdId, householdMembers: members, persons }, { ...base, ...ctx });
  const pdf = await renderCertificatePdf(content, { ...opts, sealPng: SEAL });
  return { content, pdf, pages: await pdfPageTexts(pdf.bytes) };
}

const expectAll = (text: string, values: string[]) => { for (const v of values) expect(text, v).toContain(squash(v)); };

describe('renderCertificatePdf', () => {
  it('prints a 住民票の写し of a Japanese household with every default item and its 和暦 date', async () => {
    const household = sampleHousehold();
    const { pdf, pages } = await render(household);
    expect(pdf.pageCount).toBe(1);
    const text = pages[0]!;
    expectAll(text, [
      '住民票の写し', '長野県塩尻市大門一番町12番2号', 'サンハイツ101', '世帯主', '住民太郎',
      '氏名', '住民　花子', 'ジュウミン　ハナコ', '旧氏', '佐藤（サトウ）', '生年月日', '昭和55年4月1日', '昭和57年11月23日', '平成22年6月15日', '令和元年5月1日',
      '性別', '男', '女', '続柄', '妻', '子', '住民となった年月日', '平成27年4月1日', '届出日', '平成27年4月3日', '令和元年5月10日',
      '前住所', '東京都千代田区霞が関二丁目1番2号',
      'この写しは、世帯全員の住民票の原本と相違ないことを証明する。', '令和7年4月1日', '長野県塩尻市長　塩尻　一郎',
      '照合番号ABCD-EFGH-JKMN-PQRS-TVWX', '発行番号20250401塩尻市0000421/1',
    ]);
    // Omitted by default: 本籍・筆頭者, 住民票コード, 個人番号.
    for (const absent of ['本籍', '筆頭者', '住民票コード', '個人番号', '12345678901']) expect(text).not.toContain(absent);
  });

  it('prints the optional items when asked: 本籍・筆頭者, 住民票コード, 個人番号, history', async () => {
    const p = { ...sampleHousehold()[0]!, myNumber: '123456789018' };
    const { content, pages } = await render([p], { items: PRINT_ITEMS, wholeHousehold: false });
    expect(content.layout).toBe('individual');
    expectAll(pages.join(''), ['本籍', '長野県塩尻市大門一番町１２番地', '筆頭者', '住民票コード', '12345678901', '個人番号', '123456789018',
      '備考', '平成27年4月1日　国内転入（東京都千代田区霞が関二丁目1番2号）', 'この写しは、住民票の原本と相違ないことを証明する。']);
  });

  it('prints a foreign resident: alphabet name, 通称, 国籍, 区分, birth date and expiry in 西暦, other dates in 和暦', async () => {
    const f = sampleForeignResident();
    const { pages } = await render([f], { items: [...DEFAULT_ITEMS, 'residenceDetails', 'history'] });
    expectAll(pages.join(''), [
      '氏名（アルファベット）', 'NGUYEN VAN AN', '通称', '山田　安（ヤマダ　アン）', '********', '1995年2月14日',
      '国籍・地域', 'ベトナム', '第30条の45に規定する区分', '中長期在留者', '外国人住民となった年月日', '令和4年10月1日',
      '住所を定めた年月日', '令和5年3月15日', '在留資格', '技術・人文知識・国際業務', '在留期間', '3年', '在留期間の満了の日', '2026年9月30日',
      '在留カード等の番号', 'AB12345678CD', '令和5年3月15日　転居（長野県塩尻市大門七番町3番4号）',
    ]);
    expect(pages.join('')).not.toContain('住民となった年月日平成');
  });

  it('omits 国籍・地域 and the 30条の45区分 when not asked, prints the 通称 history when asked, and one person per sheet in the 個人票 layout', async () => {
    const f = { ...sampleForeignResident(), aliasHistory: [
      { action: 'entered' as const, alias: '佐藤　安', on: '2022-10-05', municipalityCode: '131016' },
      { action: 'deleted' as const, alias: '佐藤　安', on: '2023-01-10', municipalityCode: '131016' },
      { action: 'entered' as const, alias: '山田　安', aliasKana: 'ヤマダ　アン', on: '2023-03-20', municipalityCode: '202151' },
    ] };
    const omitted = await render([f], { items: ['householdHead', 'alias', 'aliasHistory'] });
    const text = omitted.pages.join('');
    for (const absent of ['国籍・地域', 'ベトナム', '第30条の45に規定する区分', '中長期在留者']) expect(text).not.toContain(absent);
    expectAll(text, ['通称', '山田　安（ヤマダ　アン）', '令和4年10月5日　東京都千代田区で通称「佐藤　安」を記載', '令和5年1月10日　東京都千代田区で通称「佐藤　安」を削除',
      '令和5年3月20日　長野県塩尻市で通称「山田　安（ヤマダ　アン）」を記載']);
    // By default the items are printed and the 通称 history is not.
    const plain = (await render([f])).pages.join('');
    expectAll(plain, ['国籍・地域', 'ベトナム', '第30条の45に規定する区分', '中長期在留者']);
    expect(plain).not.toContain('佐藤');
    // Japanese residents carry neither item whatever is asked.
    const household = sampleHousehold();
    const individual = await render(household, { layout: 'individual' });
    expect(individual.content.layout).toBe('individual');
    expect(individual.pages).toHaveLength(household.length);
    const together = await render(household, { layout: 'household' });
    expect(together.pages).toHaveLength(1);
    // History-bearing copies are 個人票 whatever is asked.
    expect((await render([household[0]!], { layout: 'household', items: [...DEFAULT_ITEMS, 'history'] })).content.layout).toBe('individual');
  });

  it('prints a 除票の写し with the removal, a 転出証明書 with destination and planned date, and 「公用」', async () => {
    const gone = samplePerson({ personId: 'r-1', removedOn: '2025-03-01', removalReason: '国内転出', destination: '東京都港区芝公園4-2-8' });
    const removed = await render([gone], { kind: 'removed-copy', official: true });
    expectAll(removed.pages[0]!, ['住民票の除票の写し', '公用', '転出先住所', '東京都港区芝公園4-2-8', '消除年月日', '令和7年3月1日', '令和7年3月1日　国内転出',
      'この写しは、住民票の除票の原本と相違ないことを証明する。']);
    const leaving = samplePerson({ personId: 'l-1', removedOn: '2025-04-20', removalReason: '国内転出', destination: '東京都港区芝公園4-2-8' });
    const moveOut = await render([leaving], { kind: 'move-out', items: ['householdHead', 'honseki', 'residentCode'] });
    expectAll(moveOut.pages[0]!, ['転出証明書', '転出先', '東京都港区芝公園4-2-8', '転出予定年月日', '令和7年4月20日', '住民票コード', '12345678901', '本籍',
      '上記の者は、転出の届出をしたことを証明する。']);
    // The same pending mover on a 住民票の写し before the planned day: 転出届 items are omitted.
    const copy = await render([leaving]);
    expect(copy.pages[0]).not.toContain('東京都港区芝公園');
  });

  it('prints a 住民票記載事項証明書 of a past day with 「…現在」', async () => {
    const { pages } = await render([sampleHousehold()[0]!], { kind: 'residence-items', day: '2020-01-01', wholeHousehold: false });
    expectAll(pages[0]!, ['住民票記載事項証明書', '令和2年1月1日現在', '上記の事項は、住民票に記載されていることを証明する。', '令和7年4月1日']);
  });

  it('continues a large household on further sheets with page numbers and the certification on the last only', async () => {
    const many = Array.from({ length: 9 }, (_, i) => samplePerson({ personId: `m-${i}`, relationship: i === 0 ? '世帯主' : '子', memberOrder: i + 1, givenName: `名${i}` }));
    const { pdf, pages } = await render(many);
    expect(pdf.pageCount).toBe(3);
    pages.forEach((p, i) => expect(p).toContain(`発行番号20250401塩尻市000042${i + 1}/3`));
    expect(pages[0]).toContain('（次頁に続く）');
    expect(pages[0]).not.toContain('相違ないことを証明する');
    expect(pages[2]).toContain('相違ないことを証明する');
    for (let i = 0; i < 9; i++) expect(pages.join('')).toContain(`住民名${i}`);
  });

  it('reports characters outside the font (外字, unsupported variation sequences) instead of dropping them', async () => {
    const p = samplePerson({ personId: 'g-1', familyName: '\u{E000}田', givenName: '辺\u{E0101}' });
    const content = buildCertificateContent({ householdId: 'h-1', householdMembers: [p], persons: [p] }, base);
    expect(findMissingGlyphs(content, certificateFont())).toEqual(expect.arrayContaining([{ field: '氏名', codePoint: 'U+E000' }, { field: '氏名', codePoint: 'U+E0101' }]));
    await expect(renderCertificatePdf(content, opts)).rejects.toBeInstanceOf(MissingGlyphsError);
  });

  it('is deterministic, small with the subset font, and parses the font once per process', async () => {
    const household = sampleHousehold();
    const a = await render(household);
    const b = await render(household);
    expect(Buffer.from(a.pdf.bytes).equals(Buffer.from(b.pdf.bytes))).toBe(true);
    expect(a.pdf.bytes.length).toBeLessThan(200 * 1024);
    expect(fontParseCount()).toBe(1);
    expect(await pdfInfo(a.pdf.bytes)).toMatchObject({ Title: '住民票の写し', CreationDate: 'D:20250401010000Z', Subject: '照合番号 ABCD-EFGH-JKMN-PQRS-TVWX' });
  });

  // Issue #9: on 84be6ac any variation selector refused the certificate of the person.
  it('prints ideographic variation sequences the font has, and the base form with a note for those it lacks', async () => {
    const font = certificateFont();
    expect(fontHasVariant(font, 0x845b, 0xe0100)).toBe(true); // 葛 + U+E0100
    expect(fontHasVariant(font, 0x9089, 0xe0103)).toBe(false); // 邉 + U+E0103
    const kept = samplePerson({ personId: 'v-1', familyName: '葛\u{E0100}西' });
    const lacking = samplePerson({ personId: 'v-2', relationship: '子', memberOrder: 2, givenName: '邉\u{E0103}' });
    const content = buildCertificateContent({ householdId: 'h-1', householdMembers: [kept, lacking], persons: [kept, lacking] }, base);
    const { content: printed, substituted } = substituteUnsupportedVariants(content, font);
    expect(substituted).toBe(true);
    expect(findMissingGlyphs(printed, font)).toEqual([]);
    expect(printed.persons[0]!.remarks).not.toContain(VARIANT_NOTE);
    expect(printed.persons[1]!.remarks).toContain(VARIANT_NOTE);
    const text = (await pdfPageTexts((await renderCertificatePdf(printed, opts)).bytes)).join('');
    expect(text).toContain(squash('葛\u{E0100}西　太郎'));
    expect(text).toContain(squash('住民　邉'));
    expect(text).toContain(VARIANT_NOTE);
  });

  it('closes the entries with 以下余白, prints 公印省略 without a seal, the full verification URL, and 再交付 on a reprint', async () => {
    const content = buildCertificateContent({ householdId: 'h-1', householdMembers: sampleHousehold(), persons: sampleHousehold() }, base);
    const original = (await pdfPageTexts((await renderCertificatePdf(content, opts)).bytes)).join('');
    expect(original).toContain('以下余白');
    expect(original).toContain('公印省略');
    expect(original).toContain('http://localhost:3000/verify/ABCDEFGHJKMNPQRSTVWX');
    expect(original).not.toContain('再交付');
    const reprint = (await pdfPageTexts((await renderCertificatePdf(content, { ...opts, reprint: { no: 1, onText: '令和7年4月2日' } })).bytes)).join('');
    expect(reprint).toContain(squash('再交付（1回目・令和7年4月2日）'));
  });

  it('prints an over-length 前住所 to the limit by default, or leaves it blank when the municipality chose so; listed either way (spec §5.8)', async () => {
    const long = `東京都千代田区霞が関二丁目${'一丁目'.repeat(60)}終端`;
    const person = samplePerson({ personId: 'o-1', relationship: '世帯主', memberOrder: 1, previousAddress: long });
    const content = buildCertificateContent({ householdId: person.householdId, householdMembers: [person], persons: [person] }, base);
    const limit = await renderCertificatePdf(content, { ...opts, sealPng: SEAL });
    const blank = await renderCertificatePdf(content, { ...opts, sealPng: SEAL, overflowMode: 'leave-blank' });
    expect(limit.overflow).toContain('前住所');
    expect(blank.overflow).toContain('前住所');
    const [limitText] = await pdfPageTexts(limit.bytes);
    const [blankText] = await pdfPageTexts(blank.bytes);
    expect(limitText).toContain(squash('東京都千代田区霞が関二丁目'));
    expect(blankText).not.toContain(squash('東京都千代田区霞が関二丁目'));
    expect(blankText).toContain('前住所'); // the label stays, the value is blank
  });
});
