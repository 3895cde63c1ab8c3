// SPDX-License-Identifier: EUPL-1.2
// 振り仮名 on certificates (spec §1.1.18, MUST NOT MN20, 令和5年法律第48号): only a reading the 戸籍 certified (公証)
// prints as 振り仮名; a 未確認 or 通知済 one prints as ******** or 【氏空欄】/【名空欄】, and the 旧氏 without its reading.
import { describe, expect, it } from 'vitest';
import { buildCertificateContent, type ContentContext } from './certificate-content.ts';
import { DEFAULT_ITEMS, type CertificatePerson } from './certificate-model.ts';
import { samplePerson } from './testing/sample-household.ts';

const ctx: ContentContext = {
  kind: 'residence-copy', items: DEFAULT_ITEMS, prefectureName: '長野県', municipalityName: '塩尻市', mayorName: '塩尻　一郎',
  official: false, wholeHousehold: false, day: '2026-06-01', today: '2026-06-01',
};
function rowsOf(p: CertificatePerson) {
  const content = buildCertificateContent({ householdId: p.householdId, householdMembers: [p], persons: [p] }, ctx);
  return Object.fromEntries(content.persons[0]!.rows.map((r) => [r.label, r.value]));
}

describe('振り仮名 on a certificate', () => {
  it('prints certified readings as they are', () => {
    expect(rowsOf(samplePerson({ personId: 'a' })).フリガナ).toBe('ジュウミン　タロウ');
  });

  it('never prints an unverified reading as official', () => {
    expect(rowsOf(samplePerson({ personId: 'a', readingStatus: undefined })).フリガナ).toBe('********');
    expect(rowsOf(samplePerson({ personId: 'a', readingStatus: { familyNameKana: 'notified', givenNameKana: 'unconfirmed' } })).フリガナ).toBe('********');
    expect(rowsOf(samplePerson({ personId: 'a', readingStatus: { familyNameKana: 'certified' } })).フリガナ).toBe('ジュウミン　【名空欄】');
    expect(rowsOf(samplePerson({ personId: 'a', readingStatus: { givenNameKana: 'certified' } })).フリガナ).toBe('【氏空欄】　タロウ');
    const wife = samplePerson({ personId: 'b', oldSurname: '佐藤', oldSurnameKana: 'サトウ', readingStatus: { familyNameKana: 'certified', givenNameKana: 'certified', oldSurnameKana: 'notified' } });
    expect(rowsOf(wife).旧氏).toBe('佐藤');
  });
});
