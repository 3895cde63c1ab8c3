// SPDX-License-Identifier: EUPL-1.2
/**
 * 成年被後見人 (spec §9.4): the 法務局's notices of 後見開始/終了 of a resident (後見登記), recorded by staff one at a time
 * or from the 法務局's notice file, kept as append-only history; the status on the 個人票; and the persons with their
 * notices for the batch report (batch/). Everything needs `registry:guardianship` (審査・決裁); every read and write is
 * access-logged against the person. Merged into the registry service.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Database } from '../../../platform/db/database.ts';
import { withTenant, type TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import { fail } from '../registry-errors.ts';
import type { PersonRecord } from '../registry-model.ts';
import { conflictOf, parseNoticeFile, statusOn, type GuardianshipEvent, type Notice } from './guardianship-rules.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;
type Ctx = { clientIp: string; requestId: string };
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A date column as YYYY-MM-DD (PostgreSQL gives the text; PGlite a Date at UTC midnight). */
const day = (d: unknown): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

/** A notice as shown: what, when, the 登記番号, where it came from, who recorded it. */
export interface GuardianshipNoticeView extends Notice { source: 'file' | 'staff'; recordedByName: string; recordedAt: string }

const COLUMNS = ['personId', 'event', 'effectiveOn', 'registrationNo', 'notifiedOn', 'source', 'recordedByName', 'recordedAt'] as const;
type Row = { personId: string; event: string; effectiveOn: unknown; registrationNo: string; notifiedOn: unknown; source: string; recordedByName: string; recordedAt: Date | string };
const present = (r: Row): GuardianshipNoticeView => ({ event: r.event as GuardianshipEvent, effectiveOn: day(r.effectiveOn), registrationNo: r.registrationNo, notifiedOn: day(r.notifiedOn),
  source: r.source as 'file' | 'staff', recordedByName: r.recordedByName, recordedAt: new Date(r.recordedAt).toISOString() });

/** Every notice of these persons (all when `personIds` is absent), by person. */
export async function guardianshipNoticesOf(trx: TenantTx, personIds?: string[]): Promise<Map<string, GuardianshipNoticeView[]>> {
  if (personIds && personIds.length === 0) return new Map();
  let q = trx.selectFrom('registry.guardianshipNotice').select([...COLUMNS]).where('municipalityCode', '=', TENANT);
  if (personIds) q = q.where('personId', 'in', personIds);
  const out = new Map<string, GuardianshipNoticeView[]>();
  for (const r of await q.orderBy('effectiveOn').orderBy('recordedAt').execute()) out.set(r.personId, [...(out.get(r.personId) ?? []), present(r)]);
  return out;
}

/** The persons with notices, with their current record, 宛名番号 and notices (the batch report's input). */
export async function guardianshipPersons(trx: TenantTx) {
  const notices = await guardianshipNoticesOf(trx);
  if (notices.size === 0) return [];
  const rows = await trx.selectFrom('registry.personCurrent as c').innerJoin('registry.person as p', (j) => j.onRef('p.municipalityCode', '=', 'c.municipalityCode').onRef('p.personId', '=', 'c.personId'))
    .select(['c.personId', 'c.record', 'p.atenaNo']).where('c.municipalityCode', '=', TENANT).where('c.personId', 'in', [...notices.keys()]).execute();
  return rows.map((r) => ({ personId: r.personId, atenaNo: r.atenaNo, record: r.record as unknown as PersonRecord, notices: notices.get(r.personId)! }));
}

/** Creates the 成年被後見人 use cases. */
export function createGuardianshipUseCases(deps: { db: Database; accessLog: AccessLogRepository; today: () => string }) {
  const { db, accessLog, today } = deps;
  const log = (trx: TenantTx, actor: Actor, action: string, personIds: string[], ctx: Ctx) =>
    accessLog.appendMany(trx, actor.municipalityCode, personIds.map((subjectId) => ({ actorType: 'staff' as const, actorId: actor.staffId, action, subjectType: 'person', subjectId, ...ctx })));

  /** Records one notice unless the same one is there; refuses one that does not fit. Returns whether it was written. */
  async function write(trx: TenantTx, actor: Actor, personId: string, n: Notice, source: 'file' | 'staff'): Promise<boolean> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`registry.guardianship:${personId}`}, 0))`.execute(trx); // one writer per person
    const existing = (await guardianshipNoticesOf(trx, [personId])).get(personId) ?? [];
    const same = existing.find((x) => x.event === n.event && x.effectiveOn === n.effectiveOn);
    if (same) {
      if (same.registrationNo !== n.registrationNo) fail('guardianship-conflict');
      return false;
    }
    const conflict = conflictOf(existing, n);
    if (conflict) fail(conflict);
    await trx.insertInto('registry.guardianshipNotice').values({ municipalityCode: actor.municipalityCode, noticeId: crypto.randomUUID(), personId, event: n.event, effectiveOn: n.effectiveOn,
      registrationNo: n.registrationNo, notifiedOn: n.notifiedOn, source, recordedBy: actor.staffId, recordedByName: actor.displayName }).execute();
    return true;
  }

  function checkNotice(n: Notice) {
    if (!['start', 'end'].includes(n.event) || !DAY.test(n.effectiveOn) || !DAY.test(n.notifiedOn) || !n.registrationNo.trim() || n.registrationNo.length > 40) fail('guardianship-invalid');
    if (n.effectiveOn > today() || n.notifiedOn > today()) fail('guardianship-date-in-future');
  }

  return {
    /**
     * A staff member records a 法務局 notice for a resident. The same notice again is not written twice (`created: false`).
     * @throws RegistryRuleError person-not-found, guardianship-invalid, guardianship-date-in-future, guardianship-already-started,
     * guardianship-not-started, guardianship-conflict; ForbiddenError without registry:guardianship
     */
    async recordGuardianshipNotice(actor: Actor, personId: string, input: Notice, ctx: Ctx) {
      assertAllowed(actor, 'registry:guardianship');
      checkNotice(input);
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const p = await trx.selectFrom('registry.person').select('personId').where('municipalityCode', '=', TENANT).where('personId', '=', personId).executeTakeFirst();
        if (!p) fail('person-not-found');
        const created = await write(trx, actor, personId, { ...input, registrationNo: input.registrationNo.trim() }, 'staff');
        if (created) await log(trx, actor, 'registry.guardianship.record', [personId], ctx);
        const notices = (await guardianshipNoticesOf(trx, [personId])).get(personId) ?? [];
        return { created, ...statusOn(notices, today()), notices };
      });
    },

    /**
     * Takes in the 法務局's notice file (CSV: 宛名番号,種別,効力発生日,登記番号,通知日 after a header line): all lines or none.
     * @throws RegistryRuleError guardianship-file-invalid with `lines` (line numbers) and the reason of the first
     */
    async importGuardianshipFile(actor: Actor, text: string, ctx: Ctx) {
      assertAllowed(actor, 'registry:guardianship');
      const { lines, bad } = parseNoticeFile(text, today());
      if (bad.length > 0 || lines.length === 0) fail('guardianship-file-invalid', { lines: bad.slice(0, 100) });
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const persons = await trx.selectFrom('registry.person').select(['personId', 'atenaNo']).where('municipalityCode', '=', TENANT)
          .where('atenaNo', 'in', [...new Set(lines.map((l) => l.atenaNo))]).execute();
        const idOf = new Map(persons.map((p) => [p.atenaNo, p.personId]));
        const unknown = lines.filter((l) => !idOf.has(l.atenaNo)).map((l) => l.line);
        if (unknown.length > 0) fail('guardianship-file-invalid', { lines: unknown.slice(0, 100), reason: 'unknown-atena-no' });
        let recorded = 0;
        const written: string[] = [];
        for (const l of [...lines].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn))) {
          try {
            if (await write(trx, actor, idOf.get(l.atenaNo)!, l, 'file')) { recorded++; written.push(idOf.get(l.atenaNo)!); }
          } catch (e) {
            const code = (e as { code?: string }).code;
            fail('guardianship-file-invalid', { lines: [l.line], reason: code }); // the transaction is rolled back: nothing recorded
          }
        }
        await log(trx, actor, 'registry.guardianship.import', [...new Set(written)], ctx);
        return { lines: lines.length, recorded, alreadyRecorded: lines.length - recorded };
      });
    },

    /** A resident's status today and every notice; access-logged. @throws RegistryRuleError person-not-found; ForbiddenError */
    async guardianshipOfPerson(actor: Actor, personId: string, ctx: Ctx) {
      assertAllowed(actor, 'registry:guardianship');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const p = await trx.selectFrom('registry.person').select('personId').where('municipalityCode', '=', TENANT).where('personId', '=', personId).executeTakeFirst();
        if (!p) fail('person-not-found');
        const notices = (await guardianshipNoticesOf(trx, [personId])).get(personId) ?? [];
        await log(trx, actor, 'registry.guardianship.read', [personId], ctx);
        return { ...statusOn(notices, today()), notices };
      });
    },
  };
}
