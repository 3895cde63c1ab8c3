// SPDX-License-Identifier: EUPL-1.2
/** Fixed text of the staff counter pages (窓口), Japanese first with English. */
import type { Lang } from '../ui/i18n.ts';

const ja = {
  title: '窓口（書かない窓口）',
  tickets: '本日の受付番号',
  issue: { heading: '受付番号を発行', events: 'ご用件（ライフイベント）', channel: '来庁', walkIn: '予約なし', reservation: '来庁予約あり', submit: '発行する' },
  issued: (n: number) => `受付番号 ${n} 番を発行しました。`,
  done: { call: '呼び出しました。', start: '対応を始めました。', finish: '対応を終えました。', cancel: '取り消しました。' } as Record<string, string>,
  columns: { number: '番号', status: '状態', events: 'ご用件', issued: '発券', wait: '待ち時間', service: '対応時間', actions: '操作' },
  minutes: (n: number) => `${n}分`,
  none: '本日の受付はまだありません。',
  actions: { call: '呼出', start: '対応開始', finish: '対応終了', cancel: '取消' } as Record<string, string>,
  serve: '聞き取りを始める',
  display: '呼出表示（ロビー画面）を開く',
  displayTitle: '呼出中の番号',
  displayWaiting: (n: number) => `お待ちの方 ${n}人`,
  displayNone: '呼出中の番号はありません',
  waitingSummary: (n: number, avg: number | null) => `待ち ${n}人${avg === null ? '' : `・本日の平均待ち時間 ${avg}分`}`,
  refused: '操作できませんでした',
};
export type CounterDictionary = typeof ja;

const en: CounterDictionary = {
  ...ja,
  title: 'Counter (no forms to fill in)',
  tickets: 'Today\'s tickets',
  issue: { heading: 'Issue a ticket', events: 'Business (life events)', channel: 'Visit', walkIn: 'Walk-in', reservation: 'Reserved visit', submit: 'Issue' },
  issued: (n: number) => `Ticket ${n} issued.`,
  done: { call: 'Called.', start: 'Service started.', finish: 'Service ended.', cancel: 'Cancelled.' },
  columns: { number: 'No.', status: 'Status', events: 'Business', issued: 'Issued', wait: 'Waited', service: 'Served', actions: 'Actions' },
  minutes: (n: number) => `${n} min`,
  none: 'No tickets yet today.',
  actions: { call: 'Call', start: 'Start', finish: 'End', cancel: 'Cancel' },
  serve: 'Start the interview',
  display: 'Open the lobby display',
  displayTitle: 'Now calling',
  displayWaiting: (n: number) => `${n} waiting`,
  displayNone: 'No number is being called',
  waitingSummary: (n: number, avg: number | null) => `${n} waiting${avg === null ? '' : `, average wait today ${avg} min`}`,
  refused: 'The action was refused',
};

export function counterText(lang: Lang): CounterDictionary {
  return lang === 'en' ? en : ja;
}
