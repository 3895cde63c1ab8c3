// SPDX-License-Identifier: EUPL-1.2
/**
 * Domain errors: a stable machine `code`, a Japanese title safe to show to people, an HTTP status.
 * Messages never contain personal data (names, addresses, numbers): refer to records by id only.
 */

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 423 | 429 | 503;

/** Base of every error a service raises on purpose. */
export class DomainError extends Error {
  constructor(
    /** Stable machine code, e.g. `staff-locked`. */
    readonly code: string,
    /** Japanese, for people. */
    readonly title: string,
    readonly status: ErrorStatus,
    /** English detail for API clients. */
    readonly detail?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail ?? title);
  }
}

/** The record does not exist (or is not visible to this municipality). */
export class NotFoundError extends DomainError {
  constructor(what: string, whatJa: string) {
    super('not-found', `${whatJa}が見つかりません`, 404, `${what} not found`);
  }
}

/** No valid session. */
export class UnauthenticatedError extends DomainError {
  constructor() {
    super('unauthenticated', 'ログインが必要です', 401, 'Authentication required');
  }
}

/** The actor's roles do not allow the action. */
export class ForbiddenError extends DomainError {
  constructor(action: string) {
    super('forbidden', 'この操作を行う権限がありません', 403, `Not allowed: ${action}`, { action });
  }
}

/** The request body or parameters failed validation. */
export class ValidationError extends DomainError {
  constructor(readonly invalidParams: Array<{ name: string; code: string; reason: string }>) {
    // A rule's own Japanese message (a zod `custom` issue, e.g. an invalid 基準日) is the title; otherwise the generic one.
    const own = invalidParams.find((p) => p.code === 'custom' && /[^\x00-\x7F]/.test(p.reason));
    super('invalid-params', own ? own.reason : '入力内容に誤りがあります', 400, 'Request validation failed');
  }
}
