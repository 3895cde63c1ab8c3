// SPDX-License-Identifier: EUPL-1.2
/** Turns any thrown error into an `application/problem+json` response (RFC 9457) with a stable `code`. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { InvalidMunicipalityCodeError } from '../tenancy/municipality-code.ts';
import { DomainError, ValidationError } from './errors.ts';
import type { AppEnv } from './app-env.ts';

/** The body of every error response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  instance: string;
  invalidParams?: Array<{ name: string; code: string; reason: string }>;
  [key: string]: unknown;
}

/**
 * A unique (23505), exclusion (23P01) or foreign-key (23503) violation as a domain error, or undefined. Under
 * concurrency a check-then-insert in a service can lose the race to an identical request; the database's
 * constraint is then the last word, and the client gets a 409/422 with a stable code instead of a 500 (issue #15).
 * The constraint's name is not shown (it can name what was compared).
 * @example constraintViolation(Object.assign(new Error('duplicate key'), { code: '23505' }))?.status // 409
 */
export function constraintViolation(err: unknown): DomainError | undefined {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (code === '23505' || code === '23P01') {
    return new DomainError('already-exists', '同じ内容が既に登録されています（他の操作と同時に登録された可能性があります）', 409, 'A record with the same key already exists');
  }
  if (code === '23503') {
    return /still referenced/i.test((err as Error).message ?? '')
      ? new DomainError('still-referenced', '他の記録から参照されているため処理できません', 409, 'The record is still referenced')
      : new DomainError('reference-not-found', '参照先の記録が存在しないため登録できません', 422, 'A referenced record does not exist');
  }
  return undefined;
}

/** Builds the problem body for an error. */
export function toProblem(error: unknown, requestId: string): Problem {
  const err = constraintViolation(error) ?? error;
  const base = { instance: `urn:request:${requestId}` };
  if (err instanceof ValidationError) {
    return { type: 'about:blank', title: err.title, status: 400, detail: err.detail, code: err.code, invalidParams: err.invalidParams, ...base };
  }
  if (err instanceof DomainError) {
    return { type: 'about:blank', title: err.title, status: err.status, detail: err.detail, code: err.code, ...(err.extra ?? {}), ...base };
  }
  if (err instanceof InvalidMunicipalityCodeError) {
    return { type: 'about:blank', title: err.message, status: 400, detail: 'Invalid municipality code', code: err.code, ...base };
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? 'payload-too-large' : status === 400 ? 'bad-request' : `http-${status}`;
    const title = status === 413 ? 'リクエストが大きすぎます' : 'リクエストを処理できません';
    return { type: 'about:blank', title, status, detail: err.message, code, ...base };
  }
  if (isConcurrencyFailure(err)) {
    // PostgreSQL chose this transaction as the victim of a deadlock or a serialisation conflict: nothing was
    // written, and the same request made again normally succeeds.
    return { type: 'about:blank', title: '他の操作と同時に行われたため処理できませんでした。もう一度操作してください', status: 409, detail: 'Concurrent update', code: 'concurrent-update', ...base };
  }
  if (isDatabaseUnavailable(err)) {
    // The database cannot be reached (restart, failover, network): nothing was written; retry shortly.
    return { type: 'about:blank', title: 'ただいまシステムを利用できません。しばらくしてからもう一度操作してください', status: 503, detail: 'Database unavailable', code: 'database-unavailable', retryAfter: 5, ...base };
  }
  return { type: 'about:blank', title: 'サーバー内部でエラーが発生しました', status: 500, detail: 'Internal server error', code: 'internal-error', ...base };
}

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * The database is unreachable or going away (issue #15, PostgreSQL restarted mid-traffic): a socket error, SQLSTATE
 * class 08 (connection exception), 57P01–57P03 (shutdown, crash, not yet accepting) or 53300 (too many
 * connections), or node-postgres' own messages for a connection that ended or could not be had in time.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_ERRORS.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code))) return true;
  const message = (err as { message?: unknown }).message;
  return typeof message === 'string' && /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/.test(message);
}

/** A PostgreSQL deadlock (40P01) or serialisation failure (40001), from the server or PGlite. */
function isConcurrencyFailure(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return code === '40P01' || code === '40001';
}

/** Converts zod issues to the Zaken-API style `invalidParams`. */
export function zodToInvalidParams(error: ZodError): Array<{ name: string; code: string; reason: string }> {
  return error.issues.map((i) => ({ name: i.path.join('.') || '(body)', code: i.code, reason: i.message }));
}

/** Sends a problem response; a 429 or 503 always says when to retry (`Retry-After`, seconds; issue #15). */
export function problemResponse(c: Context<AppEnv>, problem: Problem): Response {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json; charset=utf-8' };
  if (problem.status === 429 || problem.status === 503) headers['retry-after'] = String(typeof problem.retryAfter === 'number' ? Math.max(1, Math.ceil(problem.retryAfter)) : 60);
  return c.body(JSON.stringify(problem), problem.status as 400, headers);
}
