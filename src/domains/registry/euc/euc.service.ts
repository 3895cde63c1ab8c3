// SPDX-License-Identifier: EUPL-1.2
/**
 * EUC (標準仕様書 §10.1, issue #13): a permitted staff member (`registry:euc`, 審査・決裁) picks standard data items and
 * conditions, previews the count, saves the extraction (its parameters are kept, so it can be run again later) and
 * downloads it as CSV (UTF-8 with BOM). Persons under a DV等支援措置 and persons with an 抽出 suppression at level error
 * are never extracted (the count is given as an alert); an 抽出 suppression at level alert is extracted with an alert.
 * Items under field-level visibility (本籍・筆頭者, 住民票コード, 在留資格等) and the 個人番号 are offered only to roles that
 * may see them. Every run logs each extracted person (`registry.euc.extract`, with the extraction's purpose).
 * Merged into the registry service.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed, can } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Database } from '../../../platform/db/database.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { withTenant, type TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import { batchCsv } from '../batch/batch-output.ts';
import { displayName, recordToRow } from '../csv/registry-csv-rows.ts';
import type { MyNumberCipher } from '../numbers/my-number-cipher.ts';
import type { PersonRecord } from '../registry-model.ts';
import { HEAD } from '../relationship.ts';
import { personsUnderSupportMeasure } from '../support-measures/support-measure.repository.ts';
import { checkSuppressions } from '../suppressions/suppression.service.ts';
import { EUC_ITEMS, meets, permissionOf, pickItems, type EucConditions, type EucItem, type EucParameters } from './euc-items.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;
/** The most persons one extraction may hold (a larger one is refused: narrow the conditions or use a batch). */
export const EUC_MAX_PERSONS = 100_000;

const refuse = (code: string, title: string, status: 403 | 404 | 422 = 422) => new DomainError(code, title, status, `Registry EUC: ${code}`);
interface Ctx { clientIp: string; requestId: string }

/** An alert of an extraction: a stable code and a Japanese message (counts only, no personal data). */
export interface EucAlert { code: string; message: string }

/** Creates the EUC use cases. */
export function createEucUseCases(deps: { db: Database; accessLog: AccessLogRepository; cipher: MyNumberCipher; today: () => string }) {
  const { db, accessLog, cipher, today } = deps;

  /** The items the actor may pick. */
  const itemsFor = (actor: Actor) => EUC_ITEMS.filter((i) => { const p = permissionOf(i); return !p || can(actor, p); });

  /** Refuses items the actor may not extract and inconsistent conditions. */
  function check(actor: Actor, p: EucParameters) {
    if (p.items.length === 0) throw refuse('euc-no-items', '抽出する項目を1つ以上選んでください');
    const denied = p.items.filter((i) => { const perm = permissionOf(i); return perm && !can(actor, perm); });
    if (denied.length > 0) throw refuse('euc-item-not-allowed', `次の項目を抽出する権限がありません: ${denied.join('、')}`, 403);
    const c = p.conditions;
    if (c.ageFrom !== undefined && c.ageTo !== undefined && c.ageFrom > c.ageTo) throw refuse('euc-age-range-invalid', '年齢の下限が上限より大きくなっています。年齢の範囲を確認してください');
    if (c.changedFrom && c.changedTo && c.changedFrom > c.changedTo) throw refuse('euc-period-invalid', '異動日の開始日が終了日より後です。期間を確認してください');
  }

  /** The persons meeting the conditions on `day`, split into extracted and excluded, with the alerts. */
  async function select(trx: TenantTx, c: EucConditions, day: string) {
    let q = trx.selectFrom('registry.personCurrent').select(['personId', 'record']).where('municipalityCode', '=', TENANT);
    if (c.townCodes?.length) q = q.where('townCode', 'in', c.townCodes);
    if (c.sex) q = q.where('sex', '=', c.sex);
    if (c.residentKind) q = q.where('residentKind', '=', c.residentKind);
    if (c.changedFrom || c.changedTo) {
      const from = c.changedFrom ?? '0000-01-01';
      const to = c.changedTo ?? '9999-12-31';
      q = q.where('personId', 'in', sql<string>`(SELECT s.person_id FROM registry.change ch JOIN registry.person_snapshot s
        ON s.municipality_code = ch.municipality_code AND s.change_id = ch.change_id
        WHERE ch.municipality_code = ${TENANT} AND ch.status = 'final' AND ch.occurred_on >= ${from} AND ch.occurred_on <= ${to})`);
    }
    const all = (await q.execute()).map((r) => ({ personId: r.personId, record: r.record as unknown as PersonRecord })).filter((r) => meets(r.record, c, day));
    const protectedIds = await personsUnderSupportMeasure(trx, all.map((r) => r.personId), day);
    const suppressed = await checkSuppressions(trx, all.map((r) => ({ personId: r.personId, householdId: r.record.householdId })), 'export', new Date(), day);
    const blocked = new Set(suppressed.errors);
    const persons = all.filter((r) => !protectedIds.has(r.personId) && !blocked.has(r.personId))
      .sort((a, b) => a.record.atenaNo.localeCompare(b.record.atenaNo));
    const alerts: EucAlert[] = [];
    if (protectedIds.size > 0) alerts.push({ code: 'support-measure-excluded', message: `DV等支援措置の対象者${protectedIds.size}人を抽出の対象から除きました` });
    const blockedOnly = [...blocked].filter((id) => !protectedIds.has(id)).length;
    if (blockedOnly > 0) alerts.push({ code: 'suppression-excluded', message: `抽出の抑止（エラー）が設定されている${blockedOnly}人を抽出の対象から除きました` });
    const alerted = suppressed.alerts.filter((id) => !protectedIds.has(id)).length;
    if (alerted > 0) alerts.push({ code: 'suppression-alert', message: `抽出の抑止（アラート）が設定されている${alerted}人が含まれています。利用目的に照らして確認してください` });
    if (persons.length > EUC_MAX_PERSONS) throw refuse('euc-too-many', `条件に合う住民が${persons.length}人で、1回の抽出の上限（${EUC_MAX_PERSONS}人）を超えています。条件を絞り込んでください`);
    return { persons, excluded: protectedIds.size + blockedOnly, alerts };
  }

  /** The names of the heads of the persons' households (世帯主氏名). */
  async function headNames(trx: TenantTx, persons: ReadonlyArray<{ record: PersonRecord }>): Promise<Map<string, string>> {
    const ids = [...new Set(persons.map((p) => p.record.householdId))];
    const out = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await trx.selectFrom('registry.personCurrent').select(['householdId', 'record']).where('municipalityCode', '=', TENANT)
        .where('householdId', 'in', ids.slice(i, i + 1000)).where('relationship', '=', HEAD).execute();
      for (const r of rows) {
        const rec = r.record as unknown as PersonRecord;
        if (!rec.removedOn || !out.has(r.householdId)) out.set(r.householdId, displayName(rec));
      }
    }
    return out;
  }

  const COLUMNS = ['queryId', 'title', 'purpose', 'parameters', 'createdByName', 'createdAt', 'lastRunAt', 'lastRunByName', 'lastCount', 'lastExcluded', 'runs'] as const;
  const present = (r: { queryId: string; title: string; purpose: string; parameters: unknown; createdByName: string; createdAt: Date | string; lastRunAt: Date | string | null;
    lastRunByName: string | null; lastCount: number | null; lastExcluded: number | null; runs: number }) => ({
    queryId: r.queryId, title: r.title, purpose: r.purpose, parameters: r.parameters as EucParameters, createdByName: r.createdByName, createdAt: new Date(r.createdAt).toISOString(),
    lastRunAt: r.lastRunAt ? new Date(r.lastRunAt).toISOString() : null, lastRunByName: r.lastRunByName, lastCount: r.lastCount, lastExcluded: r.lastExcluded, runs: r.runs,
  });

  async function find(trx: TenantTx, queryId: string) {
    const r = await trx.selectFrom('registry.eucQuery').select(COLUMNS).where('municipalityCode', '=', TENANT).where('queryId', '=', queryId).executeTakeFirst();
    if (!r) throw refuse('euc-query-not-found', '抽出条件が見つかりません', 404);
    return present(r);
  }

  return {
    /** The items the actor may pick (in layout order). @throws ForbiddenError without 'registry:euc' */
    eucItems(actor: Actor) {
      assertAllowed(actor, 'registry:euc');
      return itemsFor(actor);
    },

    /**
     * The count an extraction would give now, with the persons excluded and the alerts. Reads no item of a record
     * out, so only the preview itself is logged (not each person).
     */
    async previewEuc(actor: Actor, p: EucParameters, ctx: Ctx) {
      assertAllowed(actor, 'registry:euc');
      check(actor, p);
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const r = await select(trx, p.conditions, today());
        await accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'registry.euc.preview', subjectType: 'euc', subjectId: '',
          purpose: JSON.stringify(p.conditions), ...ctx });
        return { count: r.persons.length, excluded: r.excluded, alerts: r.alerts };
      });
    },

    /** Saves an extraction (its items, conditions, title and purpose are kept for later runs). */
    async saveEucQuery(actor: Actor, input: EucParameters & { title: string; purpose: string }, ctx: Ctx) {
      assertAllowed(actor, 'registry:euc');
      check(actor, input);
      const title = input.title.trim();
      const purpose = input.purpose.trim();
      if (!title) throw refuse('euc-title-required', '抽出の名前を入力してください');
      if (!purpose) throw refuse('euc-purpose-required', '利用目的を入力してください（アクセスログに記録されます）');
      const queryId = crypto.randomUUID();
      const parameters: EucParameters = { items: EUC_ITEMS.filter((i) => input.items.includes(i)), conditions: input.conditions };
      return withTenant(db, actor.municipalityCode, async (trx) => {
        await trx.insertInto('registry.eucQuery').values({ municipalityCode: actor.municipalityCode, queryId, title, purpose, parameters: JSON.stringify(parameters),
          createdBy: actor.staffId, createdByName: actor.displayName }).execute();
        await accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'registry.euc.save', subjectType: 'euc-query', subjectId: queryId, purpose, ...ctx });
        return find(trx, queryId);
      });
    },

    /** The saved extractions, newest first. */
    async listEucQueries(actor: Actor, limit = 50) {
      assertAllowed(actor, 'registry:euc');
      return withTenant(db, actor.municipalityCode, async (trx) =>
        (await trx.selectFrom('registry.eucQuery').select(COLUMNS).where('municipalityCode', '=', TENANT).orderBy('createdAt', 'desc').limit(Math.min(limit, 200)).execute()).map(present));
    },

    async getEucQuery(actor: Actor, queryId: string) {
      assertAllowed(actor, 'registry:euc');
      return withTenant(db, actor.municipalityCode, (trx) => find(trx, queryId));
    },

    /**
     * Runs a saved extraction now and returns its CSV (UTF-8 with BOM, text cells guarded against formula injection).
     * Each extracted person is access-logged (`registry.euc.extract`, the purpose; 個人番号 marked when extracted).
     * The actor's items are checked again (a role may have changed since the extraction was saved).
     */
    async runEucQuery(actor: Actor, queryId: string, ctx: Ctx) {
      assertAllowed(actor, 'registry:euc');
      const m = actor.municipalityCode;
      return withTenant(db, m, async (trx) => {
        const q = await find(trx, queryId);
        check(actor, q.parameters);
        const day = today();
        const { persons, excluded, alerts } = await select(trx, q.parameters.conditions, day);
        const items = q.parameters.items;
        const withNumber = items.includes('個人番号' as EucItem);
        const numbers = new Map<string, string>();
        if (withNumber) {
          const indexes = [...new Set(persons.map((p) => p.record.myNumberIndex).filter((x): x is string => !!x))];
          for (let i = 0; i < indexes.length; i += 1000) {
            const vault = await trx.selectFrom('registry.myNumberVault').select(['myNumberIndex', 'keyId', 'ciphertext']).where('municipalityCode', '=', TENANT)
              .where('myNumberIndex', 'in', indexes.slice(i, i + 1000)).execute();
            for (const v of vault) numbers.set(v.myNumberIndex, cipher.open({ keyId: v.keyId, ciphertext: v.ciphertext }, v.myNumberIndex));
          }
        }
        const heads = items.includes('世帯主氏名') ? await headNames(trx, persons) : new Map<string, string>();
        const rows = persons.map((p) => pickItems(items, recordToRow(p.record, p.record.myNumberIndex ? numbers.get(p.record.myNumberIndex) : undefined, heads.get(p.record.householdId) ?? ''), p.record, day));
        await accessLog.appendMany(trx, m, persons.map((p) => ({ actorType: 'staff' as const, actorId: actor.staffId, action: 'registry.euc.extract', subjectType: 'person', subjectId: p.personId,
          purpose: q.purpose, myNumberAccessed: withNumber && !!p.record.myNumberIndex, ...ctx })));
        if (persons.length === 0) {
          await accessLog.append(trx, m, { actorType: 'staff', actorId: actor.staffId, action: 'registry.euc.extract', subjectType: 'euc-query', subjectId: queryId, purpose: q.purpose, ...ctx });
        }
        await trx.updateTable('registry.eucQuery').set({ lastRunAt: sql`now()`, lastRunByName: actor.displayName, lastCount: persons.length, lastExcluded: excluded, runs: sql`runs + 1` })
          .where('municipalityCode', '=', TENANT).where('queryId', '=', queryId).execute();
        const stamp = day.replace(/-/g, '');
        return { body: batchCsv(rows, [...items]), filename: `euc-${stamp}.csv`, count: persons.length, excluded, alerts };
      });
    },
  };
}
