// SPDX-License-Identifier: EUPL-1.2
/** Words of the registry's batch screen (/console/registry/batches): requests, runs, results. */
import type { Lang } from '../ui/i18n.ts';

const ja = {
  title: 'バッチ処理・統計',
  lead: '年報・入管への定期報告・閲覧用写し・無作為抽出・住基ネットCSとの整合性確認を依頼します。依頼はスケジューラが順に実行し（1分以内）、実行条件・結果・警告は記録として残ります。結果のダウンロードは対象者ごとにアクセスログに記録されます。',
  kinds: {
    'annual-report': '住民基本台帳関係年報（人口動態）', 'immigration-report': '出入国在留管理庁への定期報告', 'inspection-copy': '閲覧用写し', 'random-extraction': '無作為抽出（宛名ラベル）',
    'guardianship-notices': '成年被後見人に関する通知', 'cs-consistency': '住基ネットCSとの整合性確認',
  } as Record<string, string>,
  hints: {
    'annual-report': '期間中の転入・出生・転出・死亡・その他の人数と、期首・期末の人口（日本人・外国人、男女別）。期間を空欄にすると前年1月1日〜12月31日です。',
    'immigration-report': '期間中の外国人住民の異動（法第30条の45の事項）。期間を空欄にすると前月です。',
    'inspection-copy': '氏名・出生の年月日・男女の別・住所（住基法第11条）。DV等支援措置の対象者は除かれます。',
    'random-extraction': '条件に合う住民から指定数を無作為に抽出し、宛名ラベル（12面）を作成します。DV等支援措置の対象者は抽出しません。',
    'guardianship-notices': '期間中に効力の生じた後見開始・後見終了（法務局の通知）の一覧を選挙管理委員会へ、期間中に転出した成年被後見人の通知を転出先へ作成します。期間を空欄にすると前月です。',
    'cs-consistency': '住基ネットCSから抽出した本人確認情報のファイル（受信フォルダに置いたCSV）と住民の氏名・生年月日・性別・住所を照合し、一方にしかない者と不一致の項目を一覧にします。毎月1回依頼してください。ファイル名を空欄にすると cs- で始まる最新のファイルを使います。',
  } as Record<string, string>,
  from: '期間の開始日', to: '期間の終了日', order: '並び順', orders: { address: '住所順', kana: 'フリガナ順' } as Record<string, string>,
  count: '抽出数', ageFrom: '年齢（以上）', ageTo: '年齢（以下）', sex: '性別', anySex: '指定しない', sexes: { male: '男', female: '女' } as Record<string, string>, seed: '乱数の種（空欄で自動）',
  request: '実行を依頼する', queued: 'バッチ処理を依頼しました。1分以内に実行されます。このページを更新して結果を確認してください。',
  runs: '実行記録', none: '実行記録はありません。',
  columns: { kind: '処理', requestedAt: '依頼日時', requestedBy: '依頼者', parameters: '条件', status: '状態', rows: '件数', alerts: '警告', result: '結果' },
  statuses: { queued: '待機中', done: '完了', failed: '失敗' } as Record<string, string>,
  csv: 'CSV', labels: '宛名ラベル（PDF）', rowsOf: (n: number) => `${n}行`,
  period: (from: string, to: string) => `${from}〜${to}`, asOf: (d: string) => `基準日 ${d}`, age: (a: string, b: string) => (a && b ? `${a}〜${b}歳` : a ? `${a}歳以上` : `${b}歳以下`), seedOf: (s: string) => `種 ${s}`, file: 'ファイル名（空欄で最新）', fileOf: (f: string) => `ファイル ${f}`, towns: (n: number) => `町字${n}件`,
  schedules: '定期実行の設定', schedulesLead: '処理を決まった日に自動で依頼します（実行条件は既定値で記憶され、実行日ごとに補われます）。', noSchedules: '定期実行の設定はありません。',
  every: '頻度', everies: { once: '日付指定（1回）', daily: '毎日', weekly: '毎週', monthly: '毎月', 'month-end': '毎月末日', yearly: '毎年' } as Record<string, string>,
  weekday: '曜日', weekdays: ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日'], dayOfMonth: '日（毎月・毎年）', month: '月（毎年）', onDate: '実行日（日付指定）',
  addSchedule: '定期実行を追加する', scheduleAdded: '定期実行を追加しました。',
  scheduleColumns: { kind: '処理', frequency: '頻度', next: '次回実行日', last: '前回実行日', changed: '条件の変更', active: '状態' },
  changedAt: (d: string) => `変更あり（${d}）`, unchanged: '変更なし', activeStates: { true: '有効', false: '停止' } as Record<string, string>,
  errors: { file: 'ファイル名は英数字・ピリオド・ハイフン・下線で、.csv で終わる名前を入力してください', count: '抽出数は1以上の整数で入力してください', age: '年齢は0以上の整数で入力してください', seed: '乱数の種は英数字とハイフンで入力してください（64文字まで）', day: '日は1〜31、月は1〜12の整数で入力してください', onDate: '実行日を入力してください' },
};
export type BatchDictionary = typeof ja;

const en: BatchDictionary = {
  title: 'Batch work and statistics',
  lead: 'Request the yearly report, the immigration report, the inspection copy or a random extraction. The scheduler runs requests in order (within a minute); parameters, results and alerts are kept. Every download is access-logged per person.',
  kinds: { 'annual-report': 'Yearly register report (population changes)', 'immigration-report': 'Periodic report to the Immigration Services Agency', 'inspection-copy': 'Inspection copy', 'random-extraction': 'Random extraction (address labels)', 'guardianship-notices': 'Notices on adult wards', 'cs-consistency': 'Consistency check with the Juki-net CS' },
  hints: {
    'annual-report': 'Persons moving in, born, moving out, dying and other reasons in the period, with the population at its start and end. Empty: the previous calendar year.',
    'immigration-report': 'Changes of foreign residents in the period (Article 30-45 items). Empty: the previous month.',
    'inspection-copy': 'Name, date of birth, sex and address (Article 11). Persons under a DV support measure are left out.',
    'random-extraction': 'Draws the given number of residents at random and makes address labels (12 per sheet). Persons under a DV support measure are never drawn.',
    'guardianship-notices': 'Lists guardianship starts and ends (notices of the Legal Affairs Bureau) effective in the period for the election commission, and notices to the new municipality of adult wards who moved out in the period. Empty: the previous month.',
    'cs-consistency': 'Compares the identity records extracted from the Juki-net CS (a CSV file placed in the inbox folder) with the residents\' name, date of birth, sex and address, and lists persons on one side only and differing items. Request it once a month. Empty file name: the newest file starting with cs-.',
  },
  from: 'Period from', to: 'Period to', order: 'Order', orders: { address: 'By address', kana: 'By reading' },
  count: 'Number to draw', ageFrom: 'Age from', ageTo: 'Age to', sex: 'Sex', anySex: 'Any', sexes: { male: 'Male', female: 'Female' }, seed: 'Seed (empty: automatic)',
  request: 'Request run', queued: 'The run was requested and will run within a minute. Reload this page to see the result.',
  runs: 'Runs', none: 'No runs yet.',
  columns: { kind: 'Work', requestedAt: 'Requested', requestedBy: 'By', parameters: 'Parameters', status: 'Status', rows: 'Rows', alerts: 'Alerts', result: 'Result' },
  statuses: { queued: 'Queued', done: 'Done', failed: 'Failed' },
  csv: 'CSV', labels: 'Address labels (PDF)', rowsOf: (n: number) => `${n} rows`,
  period: (from: string, to: string) => `${from} – ${to}`, asOf: (d: string) => `As of ${d}`, age: (a: string, b: string) => (a && b ? `age ${a}–${b}` : a ? `age ${a} and over` : `age ${b} and under`), seedOf: (s: string) => `seed ${s}`, file: 'File name (empty: newest)', fileOf: (f: string) => `file ${f}`, towns: (n: number) => `${n} towns`,
  schedules: 'Recurring runs', schedulesLead: 'Requests a run automatically on its days (parameters remembered with their defaults, filled in on each run day).', noSchedules: 'No recurring runs.',
  every: 'Frequency', everies: { once: 'Once on a date', daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly', 'month-end': 'Month-end', yearly: 'Yearly' },
  weekday: 'Weekday', weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'], dayOfMonth: 'Day (monthly, yearly)', month: 'Month (yearly)', onDate: 'Date (once)',
  addSchedule: 'Add recurring run', scheduleAdded: 'The recurring run was added.',
  scheduleColumns: { kind: 'Work', frequency: 'Frequency', next: 'Next run', last: 'Last run', changed: 'Parameters changed', active: 'State' },
  changedAt: (d: string) => `changed (${d})`, unchanged: 'unchanged', activeStates: { true: 'Active', false: 'Stopped' },
  errors: { file: 'Letters, digits, dots, hyphens and underscores, ending in .csv', count: 'Enter a whole number of 1 or more', age: 'Enter a whole number of 0 or more', seed: 'Letters, digits and hyphens only (up to 64)', day: 'Day 1–31, month 1–12', onDate: 'Enter the date' },
};

/** The batch screen's words in a language. */
export function batchText(lang: Lang): BatchDictionary {
  return lang === 'en' ? en : ja;
}
