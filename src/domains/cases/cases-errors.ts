// SPDX-License-Identifier: EUPL-1.2
/** Errors of the cases domain: a stable code, a Japanese message that says what to do, an HTTP status. */
import { DomainError, type ErrorStatus } from '../../platform/http/errors.ts';

/** A rule of the cases domain refused the request. */
export class CaseRuleError extends DomainError {
  constructor(code: CaseErrorCode, extra?: Record<string, unknown>, titleOverride?: string) {
    const [status, title] = CASE_ERRORS[code];
    super(code, titleOverride ?? title, status as ErrorStatus, `Case rule: ${code}`, extra);
  }
}

/** Error catalogue: code → [status, Japanese message]. Messages never contain personal data. */
export const CASE_ERRORS = {
  'case-not-found': [404, '案件が見つかりません'],
  'case-type-not-found': [404, '手続（案件種別）が見つかりません'],
  'case-type-not-valid': [422, 'この手続は受付日に有効な版がありません（公開されていないか、有効期間外です）'],
  'invalid-case-data': [400, '手続の入力内容に誤りがあります'],
  'invalid-birth-date': [400, '生年月日を読み取れません。「令和7年4月1日」又は「2025-04-01」の形式で入力してください'],
  'received-in-future': [422, '受付日が未来の日付です'],
  'case-closed': [409, 'この案件は完了しています。操作できません'],
  'invalid-transition': [409, 'この状態からは移れません'],
  'unknown-status': [422, 'この手続にない状態です'],
  'suspension-not-allowed': [422, 'この手続は補正による停止ができません'],
  'correction-not-found': [404, '補正の依頼が見つかりません'],
  'correction-answered': [409, 'この補正には既に回答があります'],
  'extension-not-allowed': [422, 'この手続は処理期間を延長できません'],
  'extension-too-long': [422, '延長できる日数を超えています'],
  'reasons-required': [422, '却下・不受理の理由を入力してください'],
  'not-a-decider': [403, 'この手続を決定する役割がありません'],
  'not-a-handler': [403, 'この手続を担当する役割がありません'],
  'staff-not-found': [404, '担当者が見つかりません'],
  'version-conflict': [409, '他の職員がこの案件を更新しました。再表示してから操作してください'],
  'case-type-not-draft': [409, '公開済みの版は変更できません。新しい版を作成してください'],
  'case-type-overlap': [409, '有効期間が他の公開済みの版と重なります'],
  'review-not-found': [404, '審査記録が見つかりません'],
  'effect-refused': [422, '承認の結果を住民記録に反映できません'],
  'not-clean': [409, '自動審査で問題が見つかった（又はまだ審査していない）案件は一括で承認できません。案件を開いて確認してください'],
  'attachment-too-large': [413, '添付ファイルが大きすぎます（1MBまで）'],
} as const satisfies Record<string, readonly [number, string]>;

export type CaseErrorCode = keyof typeof CASE_ERRORS;

/** Throws the error of the code. */
export function fail(code: CaseErrorCode, extra?: Record<string, unknown>, title?: string): never {
  throw new CaseRuleError(code, extra, title);
}
