// SPDX-License-Identifier: EUPL-1.2
/** Text of the process map (プロセスマイニング): activity and procedure names in words, Japanese first with English. */
import type { Lang } from '../ui/i18n.ts';

/** Activities of the case event log and operations of the registry's access log. */
const ACTIVITIES: Record<string, [string, string]> = {
  submitted: ['受付', 'Received'], 'review-started': ['審査開始', 'Review started'], 'review:clean': ['自動審査（問題なし）', 'Automatic review: clean'],
  'review:needs-person': ['自動審査（職員確認へ）', 'Automatic review: to staff'], 'correction-requested': ['補正依頼', 'Correction requested'],
  'correction-answered': ['補正回答', 'Correction answered'], 'decision:approved': ['決定（承認）', 'Approved'], 'decision:rejected': ['決定（却下）', 'Rejected'],
  'decision:withdrawn': ['取下げ', 'Withdrawn'], closed: ['完了', 'Closed'], assigned: ['担当割当', 'Assigned'], 'note-added': ['メモ追加', 'Note added'],
  extended: ['期限延長', 'Deadline extended'], 'attachment-added': ['添付追加', 'Attachment added'], 'alert:due-soon': ['期限間近の通知', 'Due soon'],
  'alert:overdue': ['期限超過の通知', 'Overdue'],
  'registry.change.record': ['異動の入力（仮登録）', 'Change entered (provisional)'], 'registry.provisional.read': ['仮登録の確認', 'Provisional record checked'],
  'registry.change.approve': ['本登録（決裁）', 'Change approved'], 'registry.change.return': ['差戻し', 'Returned'], 'registry.change.resubmit': ['再入力', 'Re-entered'],
  'registry.change.withdraw': ['入力の取消し', 'Entry withdrawn'], 'registry.change.preview': ['異動のプレビュー', 'Change previewed'],
  'registry.person.read': ['個人票の照会', 'Person record read'], 'registry.person.history.read': ['履歴の照会', 'History read'],
  'registry.person.search': ['検索', 'Search'], 'registry.person.match': ['本人の照合', 'Person matched'], 'registry.jukinet.send': ['住基ネットへ送信', 'Sent to 住基ネット'],
  'certificates.preview': ['証明書の確認', 'Certificate previewed'], 'certificates.issue': ['証明書の交付', 'Certificate issued'],
  'certificates.subject.read': ['証明書の対象者の照会', 'Certificate subject read'], 'cases.review.read-registry': ['審査での住民票照会', 'Registry read in review'],
  __start__: ['開始', 'Start'], __end__: ['終了', 'End'],
};
const STATUS: Record<string, [string, string]> = { received: ['受付', 'Received'], 'in-review': ['審査中', 'In review'], 'awaiting-correction': ['補正待ち', 'Awaiting correction'], closed: ['完了', 'Closed'] };
/** Registry change kinds (the procedures of the access-log source). */
const KINDS: Record<string, [string, string]> = {
  'move-in': ['転入', 'Moving in'], 'move-within': ['転居', 'Move within'], 'move-out': ['転出', 'Moving out'], birth: ['出生', 'Birth'], death: ['死亡', 'Death'],
  'ex-officio-entry': ['職権記載', 'Entry ex officio'], 'ex-officio-removal': ['職権消除', 'Removal ex officio'], 'household-split': ['世帯分離', 'Household split'],
  'household-merge': ['世帯合併', 'Household merge'], 'head-change': ['世帯主変更', 'Change of household head'], 'household-change': ['世帯変更', 'Household change'],
};

/** An activity in words (never its code: unknown ones read 「その他の操作」). */
export function activityLabel(code: string, lang: Lang): string {
  const i = lang === 'en' ? 1 : 0;
  const known = ACTIVITIES[code] ?? (code.startsWith('status:') ? STATUS[code.slice(7)] : undefined);
  return known ? known[i] : i ? 'Other operation' : 'その他の操作';
}

/** A registry change kind in words. */
export const kindLabel = (kind: string, lang: Lang) => KINDS[kind]?.[lang === 'en' ? 1 : 0] ?? (lang === 'en' ? 'Other change' : 'その他の異動');

/** A duration in seconds in the unit that reads best. */
export function durationSeconds(s: number, lang: Lang): string {
  const en = lang === 'en';
  if (s < 60) return en ? `${Math.round(s)} s` : `${Math.round(s)}秒`;
  if (s < 3600) return en ? `${Math.round(s / 60)} min` : `${Math.round(s / 60)}分`;
  if (s < 172_800) return en ? `${(s / 3600).toFixed(1)} h` : `${(s / 3600).toFixed(1)}時間`;
  return en ? `${(s / 86400).toFixed(1)} days` : `${(s / 86400).toFixed(1)}日`;
}

const ja = {
  title: 'プロセスマイニング',
  lead: '手続の流れを、実際の記録（申請の処理記録と住基システムの操作記録）から描きます。矢印は「次に行われた作業」、太さは件数、数字は件数と待ち時間の中央値です。',
  sources: { cases: '申請の処理記録', 'access-log': '住基システムの操作記録（個人票ごと）' } as Record<string, string>,
  procedure: '手続', from: '開始月', to: '終了月', show: '表示',
  summary: (traces: string, events: string, lead: string) => `${traces}件・${events}の記録、開始から終了まで中央値 ${lead}`,
  truncated: (n: string) => `件数が多いため、新しい${n}件で描いています。`,
  map: (name: string) => `${name}のプロセスマップ`,
  mapNote: (n: number) => `件数の少ない遷移${n}本は図では省略しています（表には含みます）。`,
  variants: 'バリアント（作業の順序の違い）', variantCols: { rank: '順位', path: '作業の順序', count: '件数', share: '割合', lead: '所要時間 中央値', mean: '平均' },
  bottlenecks: 'ボトルネック（待ち時間の長い遷移）', edgeCols: { from: '前の作業', to: '次の作業', count: '件数', median: '待ち時間 中央値', mean: '平均', p90: '90%点' },
  edges: 'すべての遷移', noData: 'この手続・期間の記録はまだありません。記録は毎晩集計されます。',
  exports: 'ダウンロード', xes: 'XES（IEEE 1849）', ocel: 'OCEL 2.0（申請の処理記録）', exportNote: 'ダウンロードはアクセスログに記録されます。',
  back: '見える化に戻る', cases: (n: string) => `${n}件`,
};
export type ProcessDictionary = typeof ja;
const en: ProcessDictionary = {
  title: 'Process mining',
  lead: 'The flow of a procedure drawn from what was recorded (the case event log and the registry system\'s operations). Arrows: what was done next; width: how often; figures: cases and median waiting.',
  sources: { cases: 'Case event log', 'access-log': 'Registry operations (per person record)' },
  procedure: 'Procedure', from: 'From', to: 'To', show: 'Show',
  summary: (traces, events, lead) => `${traces} traces, ${events} events; median from start to end ${lead}`,
  truncated: (n) => `Many traces: the ${n} most recent are drawn.`,
  map: (name) => `Process map of ${name}`,
  mapNote: (n) => `${n} rare transitions are left out of the drawing (they are in the table).`,
  variants: 'Variants', variantCols: { rank: '#', path: 'Sequence', count: 'Traces', share: 'Share', lead: 'Lead time median', mean: 'Mean' },
  bottlenecks: 'Bottlenecks (longest waiting)', edgeCols: { from: 'From', to: 'To', count: 'Count', median: 'Median wait', mean: 'Mean', p90: '90th pct' },
  edges: 'All transitions', noData: 'No records for this procedure and period yet. They are aggregated every night.',
  exports: 'Download', xes: 'XES (IEEE 1849)', ocel: 'OCEL 2.0 (case event log)', exportNote: 'Downloads are recorded in the access log.',
  back: 'Back to insights', cases: (n) => n,
};
export const processText = (lang: Lang): ProcessDictionary => (lang === 'en' ? en : ja);
