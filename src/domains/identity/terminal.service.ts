// SPDX-License-Identifier: EUPL-1.2
/**
 * 入力場所・入力端末 (標準仕様書 §1.3.1, §10.2; issue #13): each municipality's administrators register places and the
 * terminals at them, and issue a terminal's cookie to the browser of that terminal. Staff who sign in on that browser
 * have their session bound to the terminal; every access-log entry, change and certificate of the session then records
 * the terminal and its place (platform migration 0022). A browser without a valid cookie is `unregistered`.
 */
import type { Actor } from '../../platform/auth/actor.ts';
import { assertAllowed } from '../../platform/auth/permissions.ts';
import { newToken, parseSessionCookie, tokenHash } from '../../platform/auth/session-token.ts';
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Database } from '../../platform/db/database.ts';
import { DomainError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { withTenant, type TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import type { TerminalRepository } from './terminal.repository.ts';

/** The code recorded for a session at no registered terminal. */
export const UNREGISTERED_TERMINAL = 'unregistered';

/** Name of the terminal cookie (`__Host-` over https). */
export function terminalCookieName(secure: boolean): string {
  return secure ? '__Host-jichi_terminal' : 'jichi_terminal';
}

const CODE = /^[A-Za-z0-9_-]{1,20}$/;
type Ctx = { clientIp: string; requestId: string };

/** Checks a code and a name; the problems of the fields named `codeField` and `name`. */
function check(codeField: string, code: string, name: string) {
  const problems: Array<{ name: string; code: string; reason: string }> = [];
  if (!CODE.test(code) || code === UNREGISTERED_TERMINAL) problems.push({ name: codeField, code: 'invalid', reason: '記号は半角英数字・_・- で20文字以内にしてください（例: HON1）' });
  if (!name.trim() || name.length > 100) problems.push({ name: 'name', code: 'invalid', reason: '名称を100文字以内で入力してください' });
  if (problems.length > 0) throw new ValidationError(problems);
}

/** Creates the service. */
export function createTerminalService(deps: { db: Database; terminals: TerminalRepository; accessLog: AccessLogRepository }) {
  const { db, terminals: repo, accessLog } = deps;
  const log = (trx: TenantTx, actor: Actor, action: string, subjectType: string, subjectId: string, ctx: Ctx) =>
    accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action, subjectType, subjectId, ...ctx });

  return {
    /** Places and terminals of the actor's municipality (administrators; and any staff for the names on log screens). */
    async list(actor: Actor) {
      assertAllowed(actor, 'console:use');
      return withTenant(db, actor.municipalityCode, async (trx) => ({ places: await repo.listPlaces(trx), terminals: await repo.listTerminals(trx) }));
    },

    /**
     * Registers a place. Safe to repeat: the same code and name again answers `created: false`.
     * @throws ValidationError, DomainError 'place-exists' (the code has another name)
     */
    async addPlace(actor: Actor, input: { placeCode: string; name: string }, ctx: Ctx) {
      assertAllowed(actor, 'terminal:manage');
      check('placeCode', input.placeCode, input.name);
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const existing = await repo.findPlace(trx, input.placeCode);
        if (existing) {
          if (existing.name !== input.name.trim()) throw new DomainError('place-exists', `場所の記号「${input.placeCode}」は既に使われています`, 409, 'Place code already in use');
          return { created: false };
        }
        await repo.insertPlace(trx, actor.municipalityCode, { placeCode: input.placeCode, name: input.name.trim() });
        await log(trx, actor, 'terminal.place.create', 'place', input.placeCode, ctx);
        return { created: true };
      });
    },

    /**
     * Registers a terminal at a place. Safe to repeat like `addPlace`.
     * @throws ValidationError, DomainError 'place-not-found', 'terminal-exists'
     */
    async addTerminal(actor: Actor, input: { terminalCode: string; name: string; placeCode: string }, ctx: Ctx) {
      assertAllowed(actor, 'terminal:manage');
      check('terminalCode', input.terminalCode, input.name);
      return withTenant(db, actor.municipalityCode, async (trx) => {
        if (!(await repo.findPlace(trx, input.placeCode))) throw new DomainError('place-not-found', '場所が登録されていません。先に場所を登録してください', 422, 'Unknown place');
        const existing = await repo.findTerminal(trx, input.terminalCode);
        if (existing) {
          if (existing.name !== input.name.trim() || existing.placeCode !== input.placeCode) throw new DomainError('terminal-exists', `端末の記号「${input.terminalCode}」は既に使われています`, 409, 'Terminal code already in use');
          return { created: false };
        }
        await repo.insertTerminal(trx, actor.municipalityCode, { terminalCode: input.terminalCode, name: input.name.trim(), placeCode: input.placeCode });
        await log(trx, actor, 'terminal.create', 'terminal', input.terminalCode, ctx);
        return { created: true };
      });
    },

    /** Retires a terminal (its cookie no longer binds sessions); repeating changes nothing. @throws NotFoundError */
    async retireTerminal(actor: Actor, terminalCode: string, ctx: Ctx) {
      assertAllowed(actor, 'terminal:manage');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const t = await repo.findTerminal(trx, terminalCode);
        if (!t) throw new NotFoundError('Terminal', '端末');
        if (!t.active) return;
        await repo.retireTerminal(trx, terminalCode);
        await log(trx, actor, 'terminal.retire', 'terminal', terminalCode, ctx);
      });
    },

    /**
     * Issues a new cookie for a terminal (the administrator does it on that terminal's browser); any earlier cookie of
     * the terminal is void. Returns the cookie value. @throws NotFoundError, DomainError 'terminal-retired'
     */
    async issueCookie(actor: Actor, terminalCode: string, ctx: Ctx): Promise<string> {
      assertAllowed(actor, 'terminal:manage');
      const token = newToken();
      await withTenant(db, actor.municipalityCode, async (trx) => {
        const t = await repo.findTerminal(trx, terminalCode);
        if (!t) throw new NotFoundError('Terminal', '端末');
        if (!t.active) throw new DomainError('terminal-retired', 'この端末は廃止されています', 409, 'Terminal retired');
        await repo.setToken(trx, terminalCode, tokenHash(token));
        await log(trx, actor, 'terminal.issue', 'terminal', terminalCode, ctx);
      });
      return `${actor.municipalityCode}.${token}`;
    },
  };
}

/**
 * The terminal and place a terminal cookie stands for in the municipality, inside its tenant transaction; `unregistered`
 * when there is no cookie, it is for another municipality, unknown or of a retired terminal.
 */
export async function terminalOfCookie(trx: TenantTx, repo: TerminalRepository, municipalityCode: string, cookie: string | undefined) {
  const parsed = parseSessionCookie(cookie);
  if (!parsed || parsed.municipalityCode !== municipalityCode) return { terminalCode: UNREGISTERED_TERMINAL, placeCode: '' };
  return (await repo.findByToken(trx, tokenHash(parsed.token))) ?? { terminalCode: UNREGISTERED_TERMINAL, placeCode: '' };
}

export type TerminalService = ReturnType<typeof createTerminalService>;
