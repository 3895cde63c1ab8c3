// SPDX-License-Identifier: EUPL-1.2
/**
 * 権限の予約変更と一括保守 (標準仕様書 §10.3, issue #13). A change of an account's roles may be booked for a later day
 * (platform.staff_change); on that day the periodic task applies it (and a sign-in applies a due change first). Bulk
 * maintenance reads a CSV of accounts — 職員ID, 役割, 有効期間の開始日・終了日, 適用日 — and first tries it (every row
 * checked, nothing written), then runs it: roles now or booked for the 適用日, validity set. A run with any wrong row
 * writes nothing; running the same file again changes nothing more.
 */
import crypto from 'node:crypto';
import type { Actor } from '../../platform/auth/actor.ts';
import { assertAllowed, ROLES, type Role } from '../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { isCalendarDate, japanDay, parseLegalDate } from '../../platform/dates/jp-date.ts';
import { DomainError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { withTenant, type TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import type { TenantService } from '../tenants/index.ts';
import { dayOf, validityProblems } from './staff-validity.ts';

/** Role names accepted in the CSV and the API: the code or the Japanese label. */
const ROLE_BY_NAME: Record<string, Role> = {
  counter: 'counter', reviewer: 'reviewer', approver: 'approver', daycare: 'daycare', admin: 'admin', analyst: 'analyst',
  窓口: 'counter', 審査: 'reviewer', 決裁: 'approver', 保育: 'daycare', 管理者: 'admin', 分析: 'analyst',
};

/** The CSV header of bulk maintenance. */
export const STAFF_CSV_HEADER = ['職員ID', '役割', '有効期間開始日', '有効期間終了日', '適用日'] as const;

/** One row of a bulk maintenance: what it does, or its problems. */
export interface StaffBulkRow {
  line: number;
  loginId: string;
  roles: Role[];
  validFrom: string | null;
  validTo: string | null;
  /** The day the roles change: today (now) or later (booked). */
  effectiveOn: string;
  action: 'now' | 'booked' | 'unchanged';
  problems: string[];
}

/** Refused: a booking for a day that is not after today (change the roles directly instead). */
class StaffChangeRefused extends DomainError {
  constructor(code: string, title: string, status: 409 | 422) { super(code, title, status, `Staff change refused: ${code}`); }
}

/** Reads role names (code or label, separated by ・ ; , or spaces). */
export function readRoles(text: string): { roles: Role[]; unknown: string[] } {
  const names = text.split(/[・;；、\s]+/).map((s) => s.trim()).filter(Boolean);
  const roles = [...new Set(names.map((n) => ROLE_BY_NAME[n]).filter((r): r is Role => !!r))];
  return { roles: ROLES.filter((r) => roles.includes(r)), unknown: names.filter((n) => !ROLE_BY_NAME[n]) };
}

/** A day of the CSV (和暦 or 西暦) as YYYY-MM-DD, '' for empty, undefined when unreadable. */
function readDay(text: string): string | undefined {
  const s = text.trim();
  if (!s) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return isCalendarDate(s) ? s : undefined;
  try {
    const d = parseLegalDate(s);
    return d.precision === 'day' && !d.text ? d.sortKey : undefined;
  } catch { return undefined; }
}

/** Splits simple CSV (quoted fields allowed). */
function csvRows(text: string): string[][] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim()).map((line) => {
    const out: string[] = [];
    let cur = '', quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) { if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch; }
      else if (ch === '"') quoted = true;
      else if (ch === ',') { out.push(cur); cur = ''; }
      else cur += ch;
    }
    out.push(cur);
    return out.map((f) => f.trim());
  });
}

/** Applies the due changes of one account (or all) in a transaction; returns the accounts changed. */
export async function applyDueStaffChanges(trx: TenantTx, accessLog: AccessLogRepository, code: string, now: Date, staffId?: string): Promise<number> {
const day = japanDay(now);
  let q = trx.selectFrom('platform.staff_change').select(['changeId', 'staffId', 'roles', 'effectiveOn'])
    .where('appliedAt', 'is', null).where('effectiveOn', '<=', day as never).orderBy('effectiveOn');
  if (staffId) q = q.where('staffId', '=', staffId);
  const due = await q.execute();
  for (const c of due) {
    await trx.updateTable('platform.staff').set({ roles: c.roles }).where('staffId', '=', c.staffId).execute();
    await trx.updateTable('platform.staff_change').set({ appliedAt: now }).where('changeId', '=', c.changeId).execute();
    await accessLog.append(trx, code, { actorType: 'system', actorId: 'system', action: 'staff.roles.booked-applied', subjectType: 'staff', subjectId: c.staffId, purpose: dayOf(c.effectiveOn) ?? '', clientIp: '', requestId: '' });
  }
  return new Set(due.map((c) => c.staffId)).size;
}


export interface StaffChangeDeps { db: Database; accessLog: AccessLogRepository; tenants: TenantService; clock: Clock }

/** Creates the service. */
export function createStaffChangeService(deps: StaffChangeDeps) {
  const { db, accessLog, clock } = deps;
  const today = () => japanDay(clock.now());

  /** Books (or confirms) a roles change for a later day; the same day twice with other roles is refused. */
  async function bookIn(trx: TenantTx, actor: Actor, staffId: string, effectiveOn: string, roles: Role[], ctx: { clientIp: string; requestId: string }) {
    const existing = await trx.selectFrom('platform.staff_change').select(['changeId', 'roles', 'appliedAt']).where('staffId', '=', staffId).where('effectiveOn', '=', effectiveOn as never).executeTakeFirst();
    if (existing) {
      if ([...existing.roles].sort().join() !== [...roles].sort().join()) throw new StaffChangeRefused('staff-change-conflict', 'この職員のこの日には別の役割の変更が予約されています。予約の内容を確認してください', 409);
      return { changeId: existing.changeId, created: false };
    }
    const changeId = crypto.randomUUID();
    await trx.insertInto('platform.staff_change').values({ municipalityCode: actor.municipalityCode, changeId, staffId, effectiveOn: effectiveOn as never, roles, requestedBy: actor.staffId }).execute();
    await accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'staff.roles.booked', subjectType: 'staff', subjectId: staffId, purpose: effectiveOn, ...ctx });
    return { changeId, created: true };
  }

  return {
    /** Books a change of an account's roles for a later day (administrators). @throws ValidationError, 404, 409 */
    async book(actor: Actor, staffId: string, input: { effectiveOn: string; roles: string[] }, ctx: { clientIp: string; requestId: string }) {
      assertAllowed(actor, 'staff:manage');
      const { roles, unknown } = readRoles(input.roles.join('・'));
      const problems: Array<{ name: string; code: string; reason: string }> = [];
      if (unknown.length > 0 || roles.length === 0) problems.push({ name: 'roles', code: 'custom', reason: `役割は ${ROLES.join(', ')}（窓口・審査・決裁・保育・管理者・分析）から選んでください` });
      if (!isCalendarDate(input.effectiveOn)) problems.push({ name: 'effectiveOn', code: 'custom', reason: '適用日が正しい日付ではありません' });
      if (problems.length > 0) throw new ValidationError(problems);
      if (input.effectiveOn <= today()) throw new StaffChangeRefused('effective-date-not-future', '適用日は明日以降の日付にしてください（本日からの変更は役割を直接変更してください）', 422);
      return withTenant(db, actor.municipalityCode, async (trx) => {
        if (!(await trx.selectFrom('platform.staff').select('staffId').where('staffId', '=', staffId).executeTakeFirst())) throw new NotFoundError('staff', '職員');
        return bookIn(trx, actor, staffId, input.effectiveOn, roles, ctx);
      });
    },

    /** The booked and applied changes of an account (administrators). */
    async list(actor: Actor, staffId: string) {
      assertAllowed(actor, 'staff:manage');
      const rows = await withTenant(db, actor.municipalityCode, (trx) => trx.selectFrom('platform.staff_change').select(['changeId', 'effectiveOn', 'roles', 'appliedAt']).where('staffId', '=', staffId).orderBy('effectiveOn').execute());
      return rows.map((r) => ({ changeId: r.changeId, effectiveOn: dayOf(r.effectiveOn)!, roles: r.roles, applied: r.appliedAt !== null }));
    },

    /** Applies every due booking in every municipality (periodic task); returns the accounts changed. */
    async applyDue(): Promise<number> {
      let n = 0;
      for (const t of await deps.tenants.list()) n += await withTenant(db, t.municipalityCode, (trx) => applyDueStaffChanges(trx, accessLog, t.municipalityCode, clock.now()));
      return n;
    },

    /**
     * Bulk maintenance from a CSV (administrators): `trial` checks every row and reports, writing nothing; `run` does the
     * same and, when no row has a problem, sets the roles (now, or booked for a later 適用日) and the validity, all in one
     * transaction. A row equal to the account's state is `unchanged`.
     */
    async bulk(actor: Actor, csv: string, mode: 'trial' | 'run', ctx: { clientIp: string; requestId: string }) {
      assertAllowed(actor, 'staff:manage');
      const rows = csvRows(csv);
      const header = rows.shift() ?? [];
      if (header.join(',') !== STAFF_CSV_HEADER.join(',')) {
        throw new ValidationError([{ name: 'csv', code: 'custom', reason: `見出し行を「${STAFF_CSV_HEADER.join(',')}」にしてください` }]);
      }
      if (rows.length === 0 || rows.length > 2000) throw new ValidationError([{ name: 'csv', code: 'custom', reason: '職員の行を1行から2,000行まで入れてください' }]);
      const day = today();
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const staffRows = await trx.selectFrom('platform.staff').select(['staffId', 'loginId', 'roles', 'validFrom', 'validTo']).execute();
        const byLogin = new Map(staffRows.map((s) => [s.loginId, s]));
        const seen = new Set<string>();
        const report: StaffBulkRow[] = rows.map((f, i) => {
          const line = i + 2;
          const [loginId = '', roleText = '', fromText = '', toText = '', onText = ''] = f;
          const problems: string[] = [];
          if (f.length !== STAFF_CSV_HEADER.length) problems.push(`列の数が${STAFF_CSV_HEADER.length}ではありません`);
          const s = byLogin.get(loginId);
          if (!s) problems.push('職員IDが登録されていません');
          if (seen.has(loginId)) problems.push('同じ職員IDが複数の行にあります');
          seen.add(loginId);
          const { roles, unknown } = readRoles(roleText);
          if (unknown.length > 0 || roles.length === 0) problems.push(`役割が正しくありません（${unknown.join('・') || '空欄'}）。窓口・審査・決裁・保育・管理者・分析から選んでください`);
          const validFrom = readDay(fromText), validTo = readDay(toText), effectiveOn = readDay(onText);
          if (validFrom === undefined) problems.push('有効期間開始日が正しい日付ではありません');
          if (validTo === undefined) problems.push('有効期間終了日が正しい日付ではありません');
          if (effectiveOn === undefined) problems.push('適用日が正しい日付ではありません');
          else if (effectiveOn && effectiveOn < day) problems.push('適用日が過去の日付です（本日以降又は空欄にしてください）');
          if (validFrom !== undefined && validTo !== undefined) problems.push(...validityProblems(validFrom || null, validTo || null).map((p) => p.reason));
          const on = effectiveOn || day;
          const same = !!s && on === day && [...s.roles].sort().join() === [...roles].sort().join() && (dayOf(s.validFrom) ?? '') === (validFrom ?? '') && (dayOf(s.validTo) ?? '') === (validTo ?? '');
          return { line, loginId, roles, validFrom: validFrom || null, validTo: validTo || null, effectiveOn: on, action: same ? 'unchanged' : on > day ? 'booked' : 'now', problems };
        });
        const failed = report.some((r) => r.problems.length > 0);
        if (mode === 'run' && !failed) {
          for (const r of report) {
            if (r.action === 'unchanged') continue;
            const s = byLogin.get(r.loginId)!;
            await trx.updateTable('platform.staff').set({ validFrom: r.validFrom as never, validTo: r.validTo as never, ...(r.action === 'now' ? { roles: r.roles } : {}) }).where('staffId', '=', s.staffId).execute();
            if (r.action === 'booked') await bookIn(trx, actor, s.staffId, r.effectiveOn, r.roles, ctx);
            await accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'staff.bulk', subjectType: 'staff', subjectId: s.staffId, purpose: r.action, ...ctx });
          }
        }
        if (mode === 'run' && failed) {
          throw new DomainError('staff-bulk-rejected', `誤りのある行が${report.filter((r) => r.problems.length > 0).length}行あるため、何も変更しませんでした。試行の結果を確認して直してください`, 422, 'Bulk maintenance rejected', { rows: report.filter((r) => r.problems.length > 0) });
        }
        return { mode, applied: mode === 'run', rows: report };
      });
    },
  };
}

export type StaffChangeService = ReturnType<typeof createStaffChangeService>;
