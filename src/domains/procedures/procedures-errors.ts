// SPDX-License-Identifier: EUPL-1.2
/** Errors of online procedures: a stable code, a Japanese message that says what to do, an HTTP status. */
import { DomainError, type ErrorStatus } from '../../platform/http/errors.ts';

export const PROCEDURE_ERRORS = {
  'procedure-not-found': [404, 'この手続は見つからないか、この市区町村では受け付けていません'],
  'application-not-found': [404, '申請が見つかりません'],
  'page-not-found': [404, 'このページは見つかりません'],
  'application-submitted': [409, 'この申請は送信済みです。申請状況でご確認ください'],
  'not-eligible': [422, 'この手続の対象となる条件を満たしていません'],
  'application-invalid': [422, '入力内容に誤りがあります。各項目のメッセージを確認してください'],
  'attachment-missing': [422, '必要な添付書類がありません'],
  'attachment-type': [422, 'このファイルの種類は添付できません。PDF、JPEG又はPNGのファイルを選んでください'],
  'attachment-too-large': [413, '添付ファイルが大きすぎます'],
  'attachment-empty': [422, 'ファイルを選んでください'],
  'attachment-unknown': [422, 'この手続にない添付書類です'],
  'attachment-not-found': [404, '添付ファイルが見つかりません'],
  'attachment-infected': [422, 'このファイルからコンピュータウイルス等が検出されたため、受け付けられません。別のファイルを添付してください'],
  'virus-scan-unavailable': [503, '添付ファイルのウイルス検査ができないため、いまは受け付けられません。しばらくしてからもう一度添付してください'],
  'fee-invalid': [422, '手数料は0から100,000までの整数（円）で入力してください。標準の手数料にするときは空欄にしてください'],
  'note-too-long': [422, '案内文は1,000文字以内で入力してください'],
  'correction-message-required': [422, '補正への回答を入力してください'],
  'correction-not-found': [404, '補正の依頼が見つかりません'],
  'correction-answered': [409, 'この補正には既に回答があります'],
  'case-closed': [409, 'この申請の手続は完了しています'],
  'email-invalid': [422, 'メールアドレスの形式が正しくありません（例: taro@example.jp）'],
} as const satisfies Record<string, readonly [number, string]>;

export type ProcedureErrorCode = keyof typeof PROCEDURE_ERRORS;

/** A rule of online procedures refused the request. */
export class ProcedureError extends DomainError {
  constructor(code: ProcedureErrorCode, extra?: Record<string, unknown>) {
    const [status, title] = PROCEDURE_ERRORS[code];
    super(code, title, status as ErrorStatus, `Procedure rule: ${code}`, extra);
  }
}

export function fail(code: ProcedureErrorCode, extra?: Record<string, unknown>): never {
  throw new ProcedureError(code, extra);
}
