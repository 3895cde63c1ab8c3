// SPDX-License-Identifier: EUPL-1.2
/** Words of the 入管通知 screen (/console/registry/immigration-notices): the 法務大臣's notices and their 処理. */
import type { Lang } from '../ui/i18n.ts';

const ja = {
  title: '法務大臣からの通知（未処理の入管通知一覧）',
  lead: '出入国在留管理庁から届いた住基法第30条の50の通知です。「処理する」で通知に基づく職権の異動を仮登録します（決裁者の本登録で反映されます）。該当する住民がいない通知は理由とともに表示されます。一覧の表示は対象者ごとにアクセスログに記録されます。',
  receive: '届いた通知を取り込む', received: (added: number, rejected: number) => `${added}件の通知を取り込みました。${rejected ? `読み取れないファイルが${rejected}件あります。` : ''}`,
  showAll: '処理済みも表示する', showOpen: '未処理のみ表示する', none: '未処理の通知はありません。',
  columns: { noticeNo: '通知番号', event: '通知の内容', occurredOn: '事由の発生日', person: '住民', current: '現在の記録', notice: '通知の内容（変更後）', status: '状態', action: '処理' },
  events: {
    'status-change': '在留資格の変更', 'period-renewal': '在留期間の更新', 'status-acquired': '在留資格の取得', 'card-items-change': '在留カード記載事項の変更',
    departure: '出国', 'status-revoked': '在留資格の取消し', deportation: '退去強制', 'period-expired': '在留期間の満了', death: '死亡',
  } as Record<string, string>,
  removalOf: (e: string) => `職権消除（${e}）`, deathEntry: '死亡（職権）',
  statuses: { unmatched: '該当者なし', pending: '未処理', 'in-progress': '処理中（仮登録）', done: '処理済み' } as Record<string, string>,
  reasons: {
    'no-resident': '在留カード等番号に該当する住民がいません', removed: '該当する住民は既に消除されています', several: '在留カード等番号に該当する住民が複数います',
    'not-foreign': '該当する住民は外国人住民ではありません',
  } as Record<string, string>,
  apply: '処理する', openChange: '異動を見る', card: '在留カード等番号',
  items: { residenceStatus: '在留資格', residencePeriod: '在留期間', residenceExpiry: '満了日', residenceCardNo: '在留カード等番号', category: '区分', romanName: '氏名', birthDate: '生年月日', sex: '性別', nationality: '国籍・地域' } as Record<string, string>,
  failed: '処理できませんでした',
};
export type ImmigrationDictionary = typeof ja;

const en: ImmigrationDictionary = {
  title: 'Notices from the Minister of Justice (immigration notices to process)',
  lead: 'Notices under Art. 30-50 of the Basic Resident Registration Act from the Immigration Services Agency. "Process" enters the ex officio change the notice calls for as a provisional change (an approver finalises it). Notices that match no resident are shown with the reason. Showing this list is recorded in the access log for each person.',
  receive: 'Take in received notices', received: (added: number, rejected: number) => `${added} notice(s) taken in.${rejected ? ` ${rejected} file(s) could not be read.` : ''}`,
  showAll: 'Show processed notices too', showOpen: 'Show notices to process only', none: 'No notices to process.',
  columns: { noticeNo: 'Notice no.', event: 'Notice', occurredOn: 'Date of the event', person: 'Resident', current: 'Current record', notice: 'Notified items (after)', status: 'Status', action: 'Action' },
  events: {
    'status-change': 'Change of status of residence', 'period-renewal': 'Extension of the period of stay', 'status-acquired': 'Status of residence acquired', 'card-items-change': 'Residence card items changed',
    departure: 'Departure', 'status-revoked': 'Status of residence revoked', deportation: 'Deportation', 'period-expired': 'Period of stay expired', death: 'Death',
  },
  removalOf: (e: string) => `Removal ex officio (${e})`, deathEntry: 'Death (ex officio)',
  statuses: { unmatched: 'No matching resident', pending: 'To process', 'in-progress': 'In progress (provisional)', done: 'Processed' },
  reasons: {
    'no-resident': 'No resident has this residence card number', removed: 'The matching resident has already been removed', several: 'Several residents have this residence card number',
    'not-foreign': 'The matching resident is not a foreign resident',
  },
  apply: 'Process', openChange: 'Open the change', card: 'Residence card no.',
  items: { residenceStatus: 'Status', residencePeriod: 'Period', residenceExpiry: 'Ends on', residenceCardNo: 'Card no.', category: 'Category', romanName: 'Name', birthDate: 'Date of birth', sex: 'Sex', nationality: 'Nationality' },
  failed: 'Could not process the notice',
};

export function immigrationText(lang: Lang): ImmigrationDictionary {
  return lang === 'en' ? en : ja;
}
