// SPDX-License-Identifier: EUPL-1.2
/**
 * Safe repeats of operations that issue, record or approve. The API takes an `Idempotency-Key` header; console
 * forms carry a one-time `_idem` token. The first request with a key reserves it, runs, and keeps its response
 * (status, type, location, body); a repeat with the same key gets that response again (`Idempotent-Replayed:
 * true`), never a second record. A refused or failed first request frees the key, so a corrected retry works.
 * Keys are per staff member and kept for a day. A console form's token keeps only a redirect (post/redirect/get; a
 * 200 page such as a preview or a what-if frees it); an API key keeps the body too. Every replay is access-logged.
 *
 * Crashes: every tenant transaction of the request marks the key before it commits (`effect_committed_at`, in that
 * transaction). A key whose request died (kill -9, lost connection) without a result is, after the lease, taken over
 * by a retry when nothing was committed, and refused with `idempotency-key-outcome-unknown` when something was:
 * the operation is never run twice, and the clerk is told to look at the result.
 */
import crypto from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Database } from '../db/database.ts';
import { withBeforeCommit, withTenant } from '../tenancy/tenant-transaction.ts';
import { createAccessLogRepository } from '../audit/access-log.repository.ts';
import type { AppEnv } from './app-env.ts';
import { DomainError } from './errors.ts';
import { assertCsrf } from './middleware.ts';
import { createIdempotencyRepository } from './idempotency.repository.ts';

/** Name of the hidden form field that carries a console form's one-time token. */
export const FORM_TOKEN_FIELD = '_idem';
/** Responses larger than this are not kept (the repeat then says the operation was done, without the body). */
const MAX_KEPT_BYTES = 8 * 1024 * 1024;
/** How long a key is remembered. */
/** How long a key is kept: a day. */
export const IDEMPOTENCY_KEEP_MS = 24 * 3600_000;
const KEEP_MS = IDEMPOTENCY_KEEP_MS;

/** A fresh one-time token for a console form (put it in a hidden `_idem` field). */
export function newFormToken(): string {
  return crypto.randomUUID();
}

/** Refused: the key was used before for a different request. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super('idempotency-key-reused', 'この操作キーは別の内容の操作に使われています。画面を開き直してください', 422, 'The Idempotency-Key was used for a different request');
  }
}

/** Refused: the first request with this key has not finished (or ended without a result). */
export class IdempotencyKeyInProgressError extends DomainError {
  constructor() {
    super('idempotency-key-in-progress', '同じ操作を処理しています。しばらくしてから結果を確認してください', 409, 'A request with this Idempotency-Key is in progress');
  }
}

/** Refused: a malformed key. */
export class IdempotencyKeyInvalidError extends DomainError {
  constructor() {
    super('idempotency-key-invalid', '操作キーの形式が正しくありません', 400, 'Idempotency-Key must be 8 to 255 characters of A-Z a-z 0-9 - _ . :');
  }
}

/** Refused: the first request with this key committed something and then ended without a result (a crash). */
export class IdempotencyOutcomeUnknownError extends DomainError {
  constructor() {
    super('idempotency-key-outcome-unknown', 'この操作は処理の途中で中断されましたが、記録された可能性があります。二重に登録しないよう、結果を確認してください', 409,
      'The first request with this Idempotency-Key committed and then ended without a result; check the outcome instead of repeating');
  }
}

/** How long a key without a result counts as in progress before a retry may look at what its request left. */
export const IDEMPOTENCY_LEASE_MS = 10 * 60_000;

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,255}$/;

async function formField(c: Context<AppEnv>, name: string): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return undefined;
  const value = (await c.req.parseBody())[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The response headers kept for a replay. */
function keptHeaders(res: Response): Record<string, string> {
  const kept: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (['content-type', 'location', 'content-disposition'].includes(name) || (name.startsWith('x-') && name !== 'x-request-id')) kept[name] = value;
  });
  return kept;
}

/** Middleware for the unsafe methods of signed-in staff: reserve, run once, replay. */
export function idempotency(db: Database, opts: { leaseMs?: number } = {}): MiddlewareHandler<AppEnv> {
  const leaseMs = opts.leaseMs ?? IDEMPOTENCY_LEASE_MS;
  const repo = createIdempotencyRepository();
  const accessLog = createAccessLogRepository();
  return async (c, next) => {
    const actor = c.get('actor');
    if (c.req.method !== 'POST' || !actor) return next();
    const header = c.req.header('idempotency-key');
    const key = header ?? (await formField(c, FORM_TOKEN_FIELD));
    if (key === undefined) return next();
    if (!KEY_PATTERN.test(key)) throw new IdempotencyKeyInvalidError();
    // A repeat is answered only to the session's own pages and clients, like the first request.
    assertCsrf(actor, c.req.header('x-csrf-token') ?? (await formField(c, '_csrf')));
    const raw = await c.req.arrayBuffer();
    const fingerprint = crypto.createHash('sha256').update(`${c.req.method} ${c.req.path}\n`).update(canonicalBody(c, raw)).digest('hex');
    const scope = { municipalityCode: actor.municipalityCode, staffId: actor.staffId, key };
    const now = Date.now();
    let reserved = await withTenant(db, actor.municipalityCode, async (trx) => {
      await repo.deleteExpired(trx, scope, new Date(now - KEEP_MS));
      return repo.reserve(trx, scope, fingerprint);
    });
    if (!reserved) {
      const kept = await withTenant(db, actor.municipalityCode, (trx) => repo.find(trx, scope));
      if (!kept) throw new IdempotencyKeyInProgressError();
      if (kept.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
      const stale = kept.statusCode === null && new Date(kept.createdAt).getTime() < now - leaseMs;
      if (stale && kept.effectCommittedAt) throw new IdempotencyOutcomeUnknownError();
      if (stale) reserved = await withTenant(db, actor.municipalityCode, (trx) => repo.takeOver(trx, scope, fingerprint, new Date(now - leaseMs)));
      if (!reserved && kept.statusCode === null) throw new IdempotencyKeyInProgressError();
    }
    if (!reserved) {
      const kept = await withTenant(db, actor.municipalityCode, (trx) => repo.find(trx, scope));
      if (!kept || kept.statusCode === null) throw new IdempotencyKeyInProgressError();
      // The first response may carry personal data: its repeat is a read like any other.
      await withTenant(db, actor.municipalityCode, (trx) => accessLog.append(trx, actor.municipalityCode, {
        actorType: 'staff', actorId: actor.staffId, action: 'http.idempotent-replay', subjectType: 'request', subjectId: `${c.req.method} ${c.req.path}`,
        clientIp: c.var.clientIp, requestId: c.var.requestId,
      }));
      const headers = { ...(typeof kept.headers === 'string' ? JSON.parse(kept.headers) : kept.headers) as Record<string, string>, 'idempotent-replayed': 'true' };
      return new Response(kept.body ? new Uint8Array(kept.body) : null, { status: kept.statusCode, headers });
    }
    let done = false;
    let committed = false;
    try {
      // Every transaction of the request marks the key in itself: a crash after a commit is then never run again.
      await withBeforeCommit(async (trx, m) => {
        if (m !== actor.municipalityCode) return;
        await repo.markEffect(trx, scope);
        committed = true;
      }, () => next());
      const res = c.res;
      // A form token stands for one post/redirect/get: only its redirect is kept. An API key keeps any success.
      const keep = header !== undefined ? res.status < 400 : res.status >= 300 && res.status < 400;
      if (keep) {
        const body = header !== undefined && res.body ? new Uint8Array(await res.clone().arrayBuffer()) : null;
        await withTenant(db, actor.municipalityCode, (trx) => repo.complete(trx, scope, {
          statusCode: res.status, headers: keptHeaders(res), body: body && body.byteLength <= MAX_KEPT_BYTES ? Buffer.from(body) : null,
        }));
        done = true;
      }
    } finally {
      // A refusal (4xx) changed nothing but perhaps its access-log entry: the key is free for a corrected retry. A request
      // that committed something and then failed (5xx) keeps its key: a retry must not run it again.
      if (!done && (!committed || c.res.status < 500)) await withTenant(db, actor.municipalityCode, (trx) => repo.release(trx, scope));
    }
  };
}

/** The body as fingerprinted: a form without its CSRF token (a new session may repeat the same form). */
function canonicalBody(c: Context<AppEnv>, raw: ArrayBuffer): Uint8Array {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) return new Uint8Array(raw);
  const params = new URLSearchParams(new TextDecoder().decode(raw));
  params.delete('_csrf');
  return new TextEncoder().encode(params.toString());
}
