// SPDX-License-Identifier: EUPL-1.2
/**
 * Fixed UI text of the registry's search conditions and history (spec §2.1.1, §2.1.3), メモ (§1.1.15) and the
 * enlarged glyph view (§2.2.3), Japanese first with English; English falls back to Japanese for anything left out.
 */
import type { Lang } from '../ui/i18n.ts';
import { mergeDictionary, type DeepPartial } from './registry-i18n.ts';

const ja = {
  remarks: { deFactoHead: '事実上の世帯主（備考）' },
  timeline: {
    summary: (n: number) => `変更内容（${n}項目）`, item: '項目', before: '変更前', after: '変更後',
    aliasHeading: '通称の履歴（記載と削除）', aliasColumns: { action: '区分', alias: '通称', on: '年月日', municipality: '記載・削除した市区町村' },
    aliasActions: { entered: '記載', deleted: '削除' } as Record<string, string>,
  },
  advanced: {
    legend: '詳細条件', hint: '検索語と組み合わせて指定できます。性別・続柄は他の条件と組み合わせてください。',
    atenaNo: '宛名番号', householdNo: '世帯番号', sex: '性別', anySex: '指定しない', sexes: { male: '男', female: '女' } as Record<string, string>,
    relationship: '続柄', removalReason: '消除事由', anyReason: '指定しない', emptyItem: '空欄の項目',
    emptyItems: { residentCode: '住民票コード', myNumber: '個人番号', reading: 'フリガナ', honseki: '本籍（日本人住民）', residenceCardNo: '在留カード等番号（外国人住民）' } as Record<string, string>,
    birthFrom: '生年月日（から）', birthTo: '生年月日（まで）', changedFrom: '異動日（から）', changedTo: '異動日（まで）',
    rangeHint: '和暦・西暦、年又は年月だけでも指定できます（例: 昭和40年、令和6年4月）。',
    householdNoColumn: '世帯番号', oldSurname: (s: string) => `旧氏: ${s}`, alias: (s: string) => `通称: ${s}`,
    as: { 詳細条件: '詳細条件', 検索履歴: '検索履歴', 過去の住所: '住所（過去の住所・転入前住所を含む）' } as Record<string, string>,
    pastAddress: '過去の住所・転入前住所も検索する（検索語を住所として検索します）',
  },
  gaiji: {
    label: '外字の入力', lead: 'IMEで入力できない外字・異体字（この団体の氏名で使われているもの）を選ぶと、検索語の欄に入ります（文字の下は文字コード）。手書き入力はOS・IMEの機能をご利用ください。',
    none: 'この団体の氏名に外字はありません。', insert: (c: string) => `「${c}」を検索欄に入れる`, lookup: '文字コード参照（拡大表示・コード）',
  },
  history: {
    heading: '最近の検索（自分の検索のみ）', lead: (days: number) => `検索条件だけを保存しています（検索結果は保存しません）。最後に使ってから${days}日で削除されます。`,
    none: 'まだ検索履歴はありません。', rerun: '再実行', notRerunnable: '再実行できません（個人番号は保存しません）',
    hits: (n: number) => `${n}件`, times: (n: number) => (n > 1 ? `（${n}回）` : ''), rerunOf: (summary: string) => `この条件で再実行: ${summary}`,
    columns: { when: '検索日時', criteria: '検索条件', hits: '前回の件数', action: '操作' },
  },
  memo: {
    heading: 'メモ（庁内用・証明書には印字されません）', householdOf: '（世帯のメモ）', none: 'メモはありません。', badge: (n: number) => `メモ ${n}件`,
    add: 'メモを追加', body: 'メモの内容', bodyHint: '2,000字まで。住民票の記載事項ではありません。', save: '保存する',
    by: (name: string, when: string) => `${name}（${when}）`, updated: (name: string, when: string) => `最終更新: ${name}（${when}）`,
    edit: '修正する', saveEdit: '修正を保存', delete: '削除する', history: (n: number) => `変更履歴（${n}件）`, deleted: '（削除）',
    saved: 'メモを保存しました。', changed: 'メモを修正しました。', removed: 'メモを削除しました。',
    errors: {
      empty: 'メモの内容を入力してください。', tooLong: 'メモは2,000字までです。',
      'memo-not-author': '他の職員が書いたメモは、書いた職員又は決裁者のみ修正・削除できます。',
      'memo-version-conflict': 'メモが他の職員によって更新されています。最新の内容を確認してから修正してください。',
      'memo-not-found': 'メモが見つかりません（既に削除されています）。',
      failed: 'メモを保存できませんでした。対象の住民又は世帯を確認してください。',
    } as Record<string, string>,
  },
  glyphs: {
    summary: '氏名の拡大表示・文字コード', lead: '文字を拡大し、文字ごとのコード（Unicode、異体字セレクタ、JIS X 0208 の区点）を表示します。MJ文字図形名は本システムの文字データにありません。',
    part: { familyName: '氏', givenName: '名', oldSurname: '旧氏', alias: '通称', lookup: '文字' } as Record<string, string>,
    lookupTitle: '文字コード参照', lookupLead: '入力中の氏名の文字を拡大して確かめ、又はコードから文字を探します。異体字セレクタ（IVS）も表示します。',
    lookupField: '文字又はコード', lookupHint: '例: 髙橋、U+9AD9、U+8FBA U+E0100（IVS付き）、1-25-66（JIS X 0208 の面-区-点）', lookupSubmit: '表示',
    notFound: 'このコードの文字はありません', notFoundHint: 'Unicode は U+ に続く4〜6桁の16進数、JIS X 0208 は「区-点」（例: 25-66）で入力してください。',
    columns: { glyph: '文字', codePoints: 'コードポイント', selector: '異体字セレクタ', jis: 'JIS X 0208', kind: '種別', searchAs: '検索での扱い' },
    ivs: (cp: string) => `${cp}（IVS）`, svs: (cp: string) => `${cp}（SVS）`, noSelector: 'なし',
    jis: (kuten: string, level: string) => `${kuten}（${level}）`, outsideJis: 'JIS X 0208 にない文字',
    levels: { level1: '第1水準', level2: '第2水準', 'non-kanji': '非漢字' } as Record<string, string>,
    kinds: { kanji: 'CJK統合漢字', 'kanji-compat': 'CJK互換漢字', 'kanji-ext': 'CJK統合漢字拡張', kana: 'かな', 'private-use': '私用領域（外字）', other: 'その他' } as Record<string, string>,
    searchAs: (c: string) => `「${c}」として検索`, same: 'そのまま',
  },
};

type Dictionary = typeof ja;

const en: DeepPartial<Dictionary> = {
  remarks: { deFactoHead: 'De facto head of household (remark)' },
  timeline: {
    summary: (n: number) => `What changed (${n} item${n > 1 ? 's' : ''})`, item: 'Item', before: 'Before', after: 'After',
    aliasHeading: 'Alias history (entries and deletions)', aliasColumns: { action: 'Entry', alias: 'Alias', on: 'Date', municipality: 'Recorded by' },
    aliasActions: { entered: 'Entered', deleted: 'Deleted' },
  },
  advanced: {
    legend: 'More conditions', hint: 'May be combined with the search term. Sex and relationship only narrow other conditions.',
    atenaNo: 'Address number (宛名番号)', householdNo: 'Household number', sex: 'Sex', anySex: 'Any', sexes: { male: 'Male', female: 'Female' },
    relationship: 'Relationship to head', removalReason: 'Reason of removal', anyReason: 'Any', emptyItem: 'Blank item',
    emptyItems: { residentCode: 'Resident code (住民票コード)', myNumber: 'My Number', reading: 'Reading (furigana)', honseki: 'Registered domicile (Japanese residents)', residenceCardNo: 'Residence card number (foreign residents)' },
    birthFrom: 'Date of birth from', birthTo: 'Date of birth to', changedFrom: 'Change date from', changedTo: 'Change date to',
    rangeHint: 'Japanese era or Western calendar; a year or a month alone is fine (e.g. 昭和40年, 2024-04).',
    householdNoColumn: 'Household no.', oldSurname: (s: string) => `Former surname: ${s}`, alias: (s: string) => `Alias: ${s}`,
    as: { 詳細条件: 'more conditions', 検索履歴: 'search history', 過去の住所: 'address (past addresses and previous address included)' },
    pastAddress: 'Also search past addresses and the previous address (the search term is read as an address)',
  },
  gaiji: {
    label: 'Insert a 外字', lead: 'Characters an IME cannot type (外字, variant forms) used in names of this municipality: choose one to put it into the search box. For handwriting, use your OS or IME.',
    none: 'No 外字 in the names of this municipality.', insert: (c: string) => `Insert 「${c}」 into the search box`, lookup: 'Character code lookup',
  },
  history: {
    heading: 'Recent searches (your own)', lead: (days: number) => `Only the conditions are kept (never the results). Entries are deleted ${days} days after their last use.`,
    none: 'No searches yet.', rerun: 'Run again', notRerunnable: 'Cannot run again (My Number is not kept)',
    hits: (n: number) => `${n}`, times: (n: number) => (n > 1 ? ` (${n} times)` : ''), rerunOf: (summary: string) => `Run again: ${summary}`,
    columns: { when: 'Searched', criteria: 'Conditions', hits: 'Hits last time', action: 'Action' },
  },
  memo: {
    heading: 'Memos (internal; never printed on certificates)', householdOf: '(household memo)', none: 'No memos.', badge: (n: number) => `${n} memo${n > 1 ? 's' : ''}`,
    add: 'Add a memo', body: 'Memo', bodyHint: 'Up to 2,000 characters. Not an item of the resident record.', save: 'Save',
    by: (name: string, when: string) => `${name} (${when})`, updated: (name: string, when: string) => `Last changed: ${name} (${when})`,
    edit: 'Edit', saveEdit: 'Save changes', delete: 'Delete', history: (n: number) => `Revisions (${n})`, deleted: '(deleted)',
    saved: 'The memo was saved.', changed: 'The memo was changed.', removed: 'The memo was deleted.',
    errors: { empty: 'Enter the memo.', tooLong: 'A memo has at most 2,000 characters.', 'memo-not-author': 'Only the writer or an approver may change or delete another staff member\'s memo.',
      'memo-version-conflict': 'Another staff member changed this memo. Check the latest text before changing it.', 'memo-not-found': 'The memo was not found (already deleted).',
      failed: 'The memo could not be saved. Check the resident or household.' },
  },
  glyphs: {
    summary: 'Enlarged name and character codes', lead: 'Shows each character enlarged with its codes (Unicode, variation selector, JIS X 0208 row-cell). MJ glyph names are not in our character data.',
    part: { familyName: 'Surname', givenName: 'Given name', oldSurname: 'Former surname', alias: 'Alias', lookup: 'Characters' },
    lookupTitle: 'Character codes', lookupLead: 'Check the characters of a name being entered, enlarged, or find a character from its code. Variation selectors (IVS) are shown.',
    lookupField: 'Characters or code', lookupHint: 'e.g. 髙橋, U+9AD9, U+8FBA U+E0100 (with IVS), 1-25-66 (JIS X 0208 plane-row-cell)', lookupSubmit: 'Show',
    notFound: 'No character has this code', notFoundHint: 'Unicode: U+ and 4–6 hexadecimal digits; JIS X 0208: row-cell (e.g. 25-66).',
    columns: { glyph: 'Character', codePoints: 'Code points', selector: 'Variation selector', jis: 'JIS X 0208', kind: 'Kind', searchAs: 'In search' },
    noSelector: 'none', outsideJis: 'not in JIS X 0208',
    levels: { level1: 'level 1', level2: 'level 2', 'non-kanji': 'non-kanji' },
    kinds: { kanji: 'CJK unified', 'kanji-compat': 'CJK compatibility', 'kanji-ext': 'CJK extension', kana: 'kana', 'private-use': 'private use (外字)', other: 'other' },
    searchAs: (c: string) => `searched as 「${c}」`, same: 'as is',
  },
};

const english = mergeDictionary(ja, en);

/** The dictionary of the search conditions, search history, memos and glyph view in a language. */
export function registryToolsText(lang: Lang): Dictionary {
  return lang === 'en' ? english : ja;
}
