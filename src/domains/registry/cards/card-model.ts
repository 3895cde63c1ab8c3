// SPDX-License-Identifier: EUPL-1.2
/**
 * The マイナンバーカード side of the registry (spec §7.1.1.3, §7.1.1.4, §7.1.2.1, §7.1.2.2, §7.1.2.4): the kinds of request
 * sent to J-LIS through the 住基ネット CS for one person, the card's statuses, the JPKI certificate kinds, their
 * Japanese labels and the refusals of this sub-domain. Pure.
 */
import { RegistryRuleError } from '../registry-errors.ts';
import type { PersonRecord } from '../registry-model.ts';

/** Requests to J-LIS for one person (no change of the record): 個人番号の変更請求, 符号取得, 送付先情報. */
export const JLIS_REQUEST_KINDS = ['my-number-change-request', 'token-request', 'card-delivery-address'] as const;
export type JlisRequestKind = (typeof JLIS_REQUEST_KINDS)[number];
export const JLIS_REQUEST_LABELS: Record<JlisRequestKind, string> = {
  'my-number-change-request': '個人番号の変更請求（番号法7条2項）', 'token-request': '符号取得（情報提供ネットワークシステム）', 'card-delivery-address': '送付先情報',
};
export const JLIS_REQUEST_STATUS_LABELS: Record<string, string> = { pending: '送信待ち', sent: '送信済（回答待ち）', failed: '送信失敗', answered: '回答受領', refused: '回答（不可）' };

/** マイナンバーカードの状態. */
export const CARD_STATUSES = ['applied', 'issued', 'suspended', 'expired', 'abolished', 'returned'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];
export const CARD_STATUS_LABELS: Record<CardStatus, string> = { applied: '申請中', issued: '交付済', suspended: '一時停止', expired: '失効', abolished: '廃止', returned: '返納' };

/** 署名用電子証明書 / 利用者証明用電子証明書. */
export const CERT_KINDS = ['signature', 'user-auth'] as const;
export type CertKind = (typeof CERT_KINDS)[number];
export const CERT_KIND_LABELS: Record<CertKind, string> = { signature: '署名用電子証明書', 'user-auth': '利用者証明用電子証明書' };

/** Refusals of this sub-domain: code → [status, Japanese message]. */
const ERRORS = {
  'person-not-found': [404, '住民が見つかりません。宛名番号又は個人IDを確認してください'],
  'person-removed': [422, '消除された住民には請求・登録できません。記録を確認してください'],
  'no-my-number': [422, '個人番号が記録されていない住民です。先に個人番号の指定請求の回答を待ってください'],
  'no-resident-code': [422, '住民票コードが記録されていない住民です。住基ネットへの請求ができません'],
  'jlis-request-open': [409, '同じ請求が送信待ち又は回答待ちです。回答を受けてから再度請求してください'],
  'invalid-date': [422, '日付を読み取れません。「令和7年4月1日」又は「2025-04-01」の形式で入力してください'],
  'card-dates-inconsistent': [422, '有効期限が交付日より前です。交付日と有効期限を確認してください'],
  'card-issued-on-required': [422, '交付済にするには交付日と有効期限を入力してください'],
  'card-status-unchanged': [409, 'カードの状態は既にこの内容で記録されています'],
  'delivery-kyosho-reason-required': [422, '居所を送付先にするときは、住所地で受け取れない理由を入力してください'],
  'delivery-address-same': [422, '居所が住所と同じです。住所に送る場合は「住所」を選んでください'],
  'invalid-postal-code': [422, '郵便番号は7桁の数字で入力してください（例: 399-0702）'],
  'invalid-serial-no': [422, 'シリアル番号は16進数（0-9, A-F）で40桁以内で入力してください'],
  'certificate-not-issued': [422, 'このシリアル番号の電子証明書の発行が記録されていません。先に発行を記録してください'],
  'certificate-already-recorded': [409, 'この電子証明書のこの事象は既に記録されています'],
} as const satisfies Record<string, readonly [400 | 403 | 404 | 409 | 422, string]>;
export type CardErrorCode = keyof typeof ERRORS;

/** Throws the refusal. */
export function refuse(code: CardErrorCode): never {
  const [status, title] = ERRORS[code];
  throw new RegistryRuleError(code, title, status);
}

/** The 本人確認情報 items that identify the person in a request (never the 個人番号). */
export function requestBase(kind: JlisRequestKind, municipalityCode: string, r: PersonRecord) {
  return {
    種別: JLIS_REQUEST_LABELS[kind], 市区町村コード: municipalityCode, 住民票コード: r.residentCode ?? '',
    氏名: r.familyName ? `${r.familyName}　${r.givenName}`.trim() : (r.romanName ?? ''), 生年月日: r.birthDate ? (r.birthDate.text ?? r.birthDate.sortKey) : '',
    性別: r.sex === 'male' ? '男' : '女', 住所: `${r.address.townName}${r.address.banchi}${r.address.katagaki ? ` ${r.address.katagaki}` : ''}`,
  };
}

/** The Japanese message of a refusal code of this sub-domain (the console shows it after a redirect). */
export function cardRefusalMessage(code: string): string | undefined {
  return (ERRORS as Record<string, readonly [number, string]>)[code]?.[1];
}
