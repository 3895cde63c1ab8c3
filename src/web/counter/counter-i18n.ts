// SPDX-License-Identifier: EUPL-1.2
/** Fixed text of the staff counter pages (窓口), Japanese first with English; the visit pages' text is in counter-visit-i18n.ts. */
import type { DomainError } from '../../platform/http/errors.ts';
import type { Lang } from '../ui/i18n.ts';

/** An error's text from its `extra` (the member's position, the ticket's action and status). */
type ErrorText = (extra: Record<string, unknown>) => string;

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
  waitingSummary: (n: number, called: number, avg: number | null) => `待ち ${n}人${called ? `・呼出中 ${called}人` : ''}${avg === null ? '' : `・本日の平均待ち時間 ${avg}分`}`,
  refused: '操作できませんでした',
  withoutTicket: '番号なしで受付',
  status: { waiting: '待ち', called: '呼出中', serving: '対応中', done: '完了', cancelled: '取消' } as Record<string, string>,
  /** Refusals by their stable code; Japanese shows the service's own title. */
  errors: {} as Record<string, ErrorText>,
};
export type CounterDictionary = typeof ja;

const card = (what: string): ErrorText => (x) => `Person ${String(x.member ?? '')}: the ${what} on the card face cannot be read`;
const ACTION_EN: Record<string, string> = { call: 'be called', start: 'be served', finish: 'be ended', cancel: 'be cancelled' };
const STATUS_EN: Record<string, string> = { waiting: 'Waiting', called: 'Called', serving: 'Being served', done: 'Done', cancelled: 'Cancelled' };

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
  waitingSummary: (n: number, called: number, avg: number | null) => `${n} waiting${called ? `, ${called} called` : ''}${avg === null ? '' : `, average wait today ${avg} min`}`,
  refused: 'The action was refused',
  withoutTicket: 'Reception without a ticket',
  status: STATUS_EN,
  errors: {
    'ticket-not-found': () => 'No ticket with this number was issued today',
    'ticket-state': (x) => `This ticket cannot ${ACTION_EN[String(x.action)] ?? 'change'} (${STATUS_EN[String(x.ticketStatus)] ?? ''})`,
    'visit-event-required': () => 'Choose at least one business (life event)',
    'visit-member-required': () => 'Read the card face of at least one household member',
    'visit-too-many-members': () => 'Up to 10 people can be served at once',
    'card-name-missing': card('name (surname and given name)'),
    'card-birth-date-invalid': card('date of birth'),
    'card-sex-invalid': card('sex'),
    'card-address-missing': card('address'),
    'visit-reservation-invalid': () => 'That number is not a visit reservation',
    'visit-move-in-from-registry': () => 'Moving in is for people not yet in the resident registry (start from the cards)',
    'visit-person-removed': () => 'This person has been removed from the resident registry',
    'visit-person-required': () => 'Search for the resident and choose them',
    'visit-already-filed': () => 'This visit has already been filed',
    'visit-interview-invalid': () => 'The answers are not in the right form (check lengths and choices)',
    'visit-interview-incomplete': () => 'The interview is not complete (see the list under Confirmation, signature and filing)',
    'visit-registry-input-invalid': () => 'The registry notification is not valid (check names, dates and the residence card items)',
    'visit-not-signed': () => 'File only after the resident has checked and signed the sheet',
    'adjustment-reason-required': (x) => (x.action === 'add' ? 'Enter the reason for adding' : 'Enter the reason for dropping'),
    'adjustment-invalid': () => 'That procedure cannot be added or dropped',
    'search-criteria-required': () => 'Enter a name, a date of birth, or both',
    'invalid-date': () => 'The date of birth cannot be read (e.g. 昭和55年3月1日, S55.3.1, 1980-03-01)',
    'not-found': () => 'Not found',
  },
};

export function counterText(lang: Lang): CounterDictionary {
  return lang === 'en' ? en : ja;
}

/** A refusal in the page's language: the dictionary's text for its code, else the service's Japanese title. */
export function counterErrorText(lang: Lang, e: Pick<DomainError, 'code' | 'title' | 'extra'>): string {
  return counterText(lang).errors[e.code]?.(e.extra ?? {}) ?? e.title;
}
