// SPDX-License-Identifier: EUPL-1.2
/** Fixed UI text of the 個人票's マイナンバーカード and 交付履歴 section (spec §2.2.2, §7.1.1.3), Japanese first with English. */
import type { Lang } from '../ui/i18n.ts';
import { mergeDictionary, type DeepPartial } from './registry-i18n.ts';

const ja = {
  heading: 'マイナンバーカード・証明書の交付履歴',
  card: {
    heading: 'マイナンバーカード', none: 'カードの記録はありません。', status: '状態', statusOn: '状態の年月日', issuedOn: '交付日', expiresOn: '有効期限',
    history: 'カードの状態の履歴', columns: { status: '状態', statusOn: '年月日', issuedOn: '交付日', expiresOn: '有効期限', source: '記録元', note: '備考' },
    sources: { 'cs-notice': '住基ネット（CS）の通知', staff: '職員の入力' } as Record<string, string>,
    statuses: { applied: '申請中', issued: '交付済', suspended: '一時停止', expired: '失効', abolished: '廃止', returned: '返納' } as Record<string, string>,
    delivery: '送付先', deliveryKinds: { address: '住所', kyosho: '居所' } as Record<string, string>, noDelivery: '送付先の記録はありません（住所に送付）。',
    token: '符号（情報提供ネットワークシステム）', tokenStatus: { none: '未請求', requested: '取得請求中', received: '取得済', refused: '取得できず（再請求が必要）' } as Record<string, string>,
    certificates: '電子証明書', certColumns: { kind: '種類', serial: 'シリアル番号', issuedOn: '発行日', revokedOn: '失効日' }, noCertificates: '電子証明書の記録はありません。',
    serialsMasked: 'シリアル番号は審査・決裁の担当者にのみ表示されます。',
  },
  form: {
    legend: 'カードの状態を記録する', status: '状態', statusOn: '年月日', issuedOn: '交付日（交付済のとき）', expiresOn: '有効期限（交付済のとき）', note: '備考',
    submit: '記録する', saved: 'カードの状態を記録しました。',
  },
  issuances: {
    heading: '証明書の交付履歴', none: 'この住民の証明書の交付記録はありません。',
    columns: { issuedAt: '交付日時', issueNo: '発行番号', kind: '証明書', copies: '通数', requester: '請求者', voided: '無効' },
    kinds: { 'residence-copy': '住民票の写し', 'residence-items': '住民票記載事項証明書', 'removed-copy': '住民票の除票の写し', 'move-out': '転出証明書' } as Record<string, string>,
    requesters: { self: '本人', household: '同一世帯', agent: '代理人', 'third-party': '第三者', official: '国・地方公共団体' } as Record<string, string>,
    voided: '無効',
  },
};
export type CardDictionary = typeof ja;

const en: DeepPartial<CardDictionary> = {
  heading: 'My Number Card and certificates issued',
  card: {
    heading: 'My Number Card', none: 'No card on record.', status: 'Status', statusOn: 'Date of status', issuedOn: 'Issued on', expiresOn: 'Valid until',
    history: 'Card status history', columns: { status: 'Status', statusOn: 'Date', issuedOn: 'Issued on', expiresOn: 'Valid until', source: 'Recorded from', note: 'Note' },
    sources: { 'cs-notice': 'Notice from the Juki-net CS', staff: 'Entered by staff' },
    statuses: { applied: 'Applied for', issued: 'Issued', suspended: 'Suspended', expired: 'Expired', abolished: 'Abolished', returned: 'Returned' },
    delivery: 'Delivery address', deliveryKinds: { address: 'Address', kyosho: 'Place of stay (居所)' }, noDelivery: 'No delivery address recorded (sent to the address).',
    token: 'Token (information-sharing network)', tokenStatus: { none: 'Not requested', requested: 'Requested', received: 'Received', refused: 'Refused (request again)' },
    certificates: 'Electronic certificates', certColumns: { kind: 'Kind', serial: 'Serial number', issuedOn: 'Issued on', revokedOn: 'Revoked on' }, noCertificates: 'No certificates on record.',
    serialsMasked: 'Serial numbers are shown to reviewers and approvers only.',
  },
  form: { legend: 'Record the card status', status: 'Status', statusOn: 'Date', issuedOn: 'Issued on (when issued)', expiresOn: 'Valid until (when issued)', note: 'Note', submit: 'Record', saved: 'The card status was recorded.' },
  issuances: {
    heading: 'Certificates issued', none: 'No certificate has been issued for this resident.',
    columns: { issuedAt: 'Issued at', issueNo: 'No.', kind: 'Certificate', copies: 'Copies', requester: 'Requester', voided: 'Void' },
    kinds: { 'residence-copy': 'Copy of resident record', 'residence-items': 'Certificate of recorded items', 'removed-copy': 'Copy of removed record', 'move-out': 'Move-out certificate' },
    requesters: { self: 'The person', household: 'Same household', agent: 'Agent', 'third-party': 'Third party', official: 'Public body' },
    voided: 'Void',
  },
};
const english = mergeDictionary(ja, en);

/** The dictionary of the card section in a language. */
export function cardText(lang: Lang): CardDictionary {
  return lang === 'en' ? english : ja;
}
