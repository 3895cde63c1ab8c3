// SPDX-License-Identifier: EUPL-1.2
/** Words of the registry's EUC screen (/console/registry/euc): items, conditions, preview, saved extractions. */
import type { Lang } from '../ui/i18n.ts';

const ja = {
  title: 'データ抽出（EUC）',
  lead: '抽出する項目（中間標準レイアウトの項目名）と条件を選び、件数を確認してから保存・抽出します。条件は保存され、後から同じ条件で再抽出できます。DV等支援措置の対象者と抽出の抑止（エラー）がある住民は抽出されません。抽出した住民は一人ずつアクセスログに記録されます。CSV は UTF-8（BOM付き）です（Shift_JIS では外字・JIS第3・第4水準の氏名が失われるため出力しません）。',
  items: '抽出する項目', itemsHint: '個人番号・本籍・住民票コード・在留資格等は、権限のある職員にだけ表示されます。',
  conditions: '条件', town: '町字', anyTown: 'すべての町字', ageFrom: '年齢（以上）', ageTo: '年齢（以下）', sex: '性別', any: '指定しない', sexes: { male: '男', female: '女' } as Record<string, string>,
  kind: '住民種別', kinds: { japanese: '日本人', foreign: '外国人' } as Record<string, string>,
  changedFrom: '異動日（から）', changedTo: '異動日（まで）', state: '記録の状態', states: { current: '現存', removed: '除票', all: '現存と除票' } as Record<string, string>,
  name: '抽出の名前', purpose: '利用目的', purposeHint: 'アクセスログに記録されます。',
  preview: '件数を確認する', save: '保存して一覧に加える',
  previewResult: (n: number, excluded: number) => `条件に合う住民は ${n} 人です${excluded ? `（${excluded} 人を除きました）` : ''}。`,
  saved: '抽出条件を保存しました。一覧の「CSVを抽出」で抽出します。',
  list: '保存した抽出', none: '保存した抽出はありません。',
  columns: { name: '名前', purpose: '利用目的', conditions: '条件', items: '項目', createdBy: '作成者', lastRun: '前回の抽出', action: '抽出' },
  run: 'CSVを抽出', never: '未実行', lastRunOf: (at: string, by: string, n: number, ex: number) => `${at} ${by}（${n}人${ex ? `、除外${ex}人` : ''}）`,
  age: (a: string, b: string) => (a && b ? `${a}〜${b}歳` : a ? `${a}歳以上` : `${b}歳以下`), period: (a: string, b: string) => `異動日 ${a}〜${b}`, all: '全域',
  errors: { age: '年齢は0〜150の整数で入力してください', day: '日付が正しくありません（例: 令和7年4月1日、2025-04-01）', items: '抽出する項目を1つ以上選んでください', name: '抽出の名前を入力してください', purpose: '利用目的を入力してください' },
};
export type EucDictionary = typeof ja;

const en: EucDictionary = {
  title: 'Data extraction (EUC)',
  lead: 'Pick the items (standard layout item names) and the conditions, check the count, then save and extract. The conditions are kept, so the same extraction can be run again later. Persons under a DV support measure and persons with an extraction suppression (error) are never extracted. Every extracted person is access-logged. The CSV is UTF-8 with BOM (Shift_JIS would lose names written in extended characters).',
  items: 'Items to extract', itemsHint: 'My Number, registered domicile, resident code and residence status are offered only to staff allowed to see them.',
  conditions: 'Conditions', town: 'Town', anyTown: 'All towns', ageFrom: 'Age from', ageTo: 'Age to', sex: 'Sex', any: 'Any', sexes: { male: 'Male', female: 'Female' },
  kind: 'Resident kind', kinds: { japanese: 'Japanese', foreign: 'Foreign' },
  changedFrom: 'Changed from', changedTo: 'Changed to', state: 'Record state', states: { current: 'Current', removed: 'Removed', all: 'Current and removed' },
  name: 'Name of the extraction', purpose: 'Purpose', purposeHint: 'Recorded in the access log.',
  preview: 'Check the count', save: 'Save to the list',
  previewResult: (n: number, excluded: number) => `${n} residents meet the conditions${excluded ? ` (${excluded} left out)` : ''}.`,
  saved: 'The extraction was saved. Use "Extract CSV" in the list to extract it.',
  list: 'Saved extractions', none: 'No saved extractions.',
  columns: { name: 'Name', purpose: 'Purpose', conditions: 'Conditions', items: 'Items', createdBy: 'Created by', lastRun: 'Last run', action: 'Extract' },
  run: 'Extract CSV', never: 'Not run yet', lastRunOf: (at: string, by: string, n: number, ex: number) => `${at} ${by} (${n}${ex ? `, ${ex} left out` : ''})`,
  age: (a: string, b: string) => (a && b ? `age ${a}–${b}` : a ? `age ${a} and over` : `age ${b} and under`), period: (a: string, b: string) => `changed ${a} – ${b}`, all: 'All',
  errors: { age: 'Enter a whole number from 0 to 150', day: 'Enter a valid date (e.g. 2025-04-01)', items: 'Pick at least one item', name: 'Enter a name', purpose: 'Enter the purpose' },
};

/** The EUC screen's words in a language. */
export function eucText(lang: Lang): EucDictionary {
  return lang === 'en' ? en : ja;
}
