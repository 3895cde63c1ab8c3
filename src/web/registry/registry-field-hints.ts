// SPDX-License-Identifier: EUPL-1.2
/**
 * Field-level help of the change forms (標準仕様書 §10.5 ヘルプ機能): a short hint beside every field that has no hint of
 * its own, in Japanese and English, by the field's name (`p1-familyName`, `patch-familyName`, `new-familyName` and
 * `rel-<person>` share the hint of their item). `test/web-manual.test.ts` checks every field of every change form has one.
 */
import type { Lang } from '../ui/i18n.ts';

const HINTS: Record<string, { ja: string; en: string }> = {
  familyName: { ja: '戸籍又は在留カードの記載のとおりに入力します（文字は置き換えません。外字は「外字の検索」で探せます）', en: 'As in the family register or residence card (characters are kept as entered; find unusual ones with the character lookup)' },
  givenName: { ja: '戸籍又は在留カードの記載のとおりに入力します', en: 'As in the family register or residence card' },
  familyNameKana: { ja: 'カタカナで入力します（ひらがなは自動でカタカナにします）。例: ヤマダ', en: 'In katakana (hiragana is converted). E.g. ヤマダ' },
  givenNameKana: { ja: 'カタカナで入力します。例: タロウ', en: 'In katakana. E.g. タロウ' },
  romanName: { ja: '外国人住民は在留カードのアルファベット氏名を入力します。例: SMITH JOHN', en: 'For a foreign resident, the Latin-letter name on the residence card. E.g. SMITH JOHN' },
  sex: { ja: '戸籍又は在留カードの記載のとおりに選びます', en: 'As in the family register or residence card' },
  residentKind: { ja: '日本人住民か外国人住民（住基法第30条の45）かを選びます', en: 'Japanese resident, or foreign resident (住基法 art. 30-45)' },
  relationship: { ja: '世帯主との続柄を標準の表記で入力します（例: 世帯主、妻、子、子の妻、父、母、縁故者、同居人）', en: 'Relationship to the head in the standard terms (e.g. 世帯主, 妻, 子, 子の妻, 父, 母, 縁故者, 同居人)' },
  rel: { ja: '世帯主との続柄を標準の表記で入力します（例: 妻、子、同居人）', en: 'Relationship to the head in the standard terms (e.g. 妻, 子, 同居人)' },
  honseki: { ja: '戸籍の本籍を入力します。ない場合は「なし」、分からない場合は「不明」', en: 'The 本籍 of the family register; 「なし」 if none, 「不明」 if unknown' },
  hittosha: { ja: '戸籍の筆頭者の氏名を入力します', en: 'Name of the head of the family register (筆頭者)' },
  nationality: { ja: '在留カードの国籍・地域を入力します。例: アメリカ合衆国', en: 'Nationality or region as on the residence card. E.g. アメリカ合衆国' },
  category: { ja: '住基法第30条の45の区分（中長期在留者、特別永住者等）を選びます', en: 'Category of 住基法 art. 30-45 (mid- to long-term resident, special permanent resident …)' },
  residenceStatus: { ja: '在留カードの在留資格を入力します。例: 技術・人文知識・国際業務', en: 'Status of residence as on the card. E.g. 技術・人文知識・国際業務' },
  residencePeriod: { ja: '在留カードの在留期間を入力します。例: 3年', en: 'Period of stay as on the card. E.g. 3年' },
  residenceCardNo: { ja: '英字2桁・数字8桁・英字2桁（例: AB12345678CD）', en: '2 letters, 8 digits, 2 letters (e.g. AB12345678CD)' },
  banchi: { ja: '住居表示は「1番2号」、地番は「1234番地」又は「1234番地5」の形で、数字で入力します', en: 'A 住居表示 as 「1番2号」, a 地番 as 「1234番地」 or 「1234番地5」, in digits' },
  katagaki: { ja: '建物名・部屋番号など（方書）。ない場合は空欄', en: 'Building and room (方書); empty if none' },
  note: { ja: '審査・決裁の担当者への連絡事項（住民票には記載されません）', en: 'A note for the reviewer and approver (not recorded on the resident record)' },
  action: { ja: '記載するか削除するかを選びます', en: 'Whether to record or delete' },
  previousAddress: { ja: '転入前（又は届出をせずに住んでいた）住所を、都道府県から入力します', en: 'The previous address (or where the person lived unreported), from the prefecture' },
  destination: { ja: '転出先の住所を、都道府県から（国外は国名から）入力します', en: 'Destination address, from the prefecture (the country for a move abroad)' },
  cause: { ja: '職権で消除する理由（実態調査の結果など）を入力します', en: 'Reason for the ex-officio removal (e.g. the result of the residence survey)' },
  newHeadPersonId: { ja: '新しい世帯主を世帯員の中から選びます', en: 'Choose the new head among the members' },
  readingStatus: { ja: '振り仮名の通知の区分を選びます', en: 'Kind of the reading notice' },
  oldSurnameKana: { ja: '旧氏の振り仮名をカタカナで入力します', en: 'Reading of the former surname in katakana' },
  transitionalCause: { ja: '出生又は日本国籍の喪失により在留資格なく60日まで在留できる外国人（経過滞在者）の場合に、その事由を選びます。それ以外は「—」', en: 'For a foreign resident staying up to 60 days without a status after birth or loss of Japanese nationality (経過滞在者), the cause; otherwise 「—」' },
  residenceNotified: { ja: '中長期在留者等が住居地の届出（入管法）をしているかを選びます。分からない場合は「—」', en: 'Whether the mid- to long-term resident etc. has notified the place of residence (Immigration Control Act); 「—」 if unknown' },
  aliasKana: { ja: '通称の振り仮名をカタカナで入力します', en: 'Reading of the alias in katakana' },
};

/** The hint of a change-form field by its name, or undefined. */
export function fieldHint(name: string, lang: Lang): string | undefined {
  const base = name.startsWith('rel-') ? 'rel' : name.replace(/^(p\d+-|patch-|new-)/, '');
  return HINTS[base]?.[lang];
}
