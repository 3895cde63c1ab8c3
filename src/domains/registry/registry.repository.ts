// SPDX-License-Identifier: EUPL-1.2
/** SQL of the resident registry. No rules: the service decides, this file reads and writes. */
import { pastAddressMatch } from './search/past-address.ts';
import { sql } from 'kysely';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import type { PersonRecord } from './registry-model.ts';
import type { HouseholdState, PersonState } from './changes/change-planner.ts';
import { currentColumns, snapshotColumns } from './person-row.ts';
import { prepareBulkImport, writeBulkImport, type BulkImportData } from './registry-bulk.repository.ts';

export type { ChangeRow, SnapshotRow } from './person-row.ts';
import type { ChangeRow, SnapshotRow } from './person-row.ts';

const CHUNK = 500;
function chunks<T>(rows: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function toPersonState(r: { personId: string; historyNo: number; record: unknown; effectiveOn: string | null; pendingChangeId: string | null; maxHistoryNo: number | null }): PersonState {
  return { personId: r.personId, historyNo: r.historyNo, record: r.record as PersonRecord, lastEffectiveOn: r.effectiveOn ?? '0000-01-01', pendingChangeId: r.pendingChangeId,
    maxHistoryNo: Number(r.maxHistoryNo ?? r.historyNo) };
}

/**
 * The municipality of the transaction as char(6). The RLS policy compares `municipality_code` (char(6)) with
 * `platform.current_municipality()` (text), which casts the column and so cannot use an index; naming the
 * tenant column again with this bpchar value lets every lookup use the (municipality_code, …) indexes.
 */
const TENANT = sql<string>`platform.current_municipality()::char(6)`;

/** Creates the registry repository. */
export function createRegistryRepository() {
  const currentWithEffective = (trx: TenantTx) => trx.selectFrom('registry.personCurrent as c')
    .leftJoin('registry.personSnapshot as s', (j) => j.onRef('s.municipalityCode', '=', 'c.municipalityCode').onRef('s.personId', '=', 'c.personId').onRef('s.historyNo', '=', 'c.historyNo'))
    .where('c.municipalityCode', '=', TENANT)
    .select(['c.personId', 'c.historyNo', 'c.record', 's.effectiveOn', 'c.pendingChangeId',
      sql<number>`(SELECT max(x.history_no) FROM registry.person_snapshot x WHERE x.municipality_code = c.municipality_code AND x.person_id = c.person_id)`.as('maxHistoryNo')]);

  return {
    /** Serialises registry changes of one municipality (numbering, reservations) until commit. */
    lockMunicipality: (trx: TenantTx, m: string) => sql`SELECT pg_advisory_xact_lock(hashtextextended(${'registry:' + m}, 0))`.execute(trx),

    lockHouseholds: async (trx: TenantTx, ids: string[]): Promise<HouseholdState[]> => ids.length === 0 ? [] :
      trx.selectFrom('registry.household').select(['householdId', 'householdNo', 'version', 'pendingChangeId'])
        .where('municipalityCode', '=', TENANT).where('householdId', 'in', ids).orderBy('householdId').forUpdate().execute(),

    findHousehold: (trx: TenantTx, id: string) =>
      trx.selectFrom('registry.household').select(['householdId', 'householdNo', 'version', 'pendingChangeId', 'createdAt']).where('municipalityCode', '=', TENANT).where('householdId', '=', id).executeTakeFirst(),

    personsByIds: async (trx: TenantTx, ids: string[]) => ids.length === 0 ? [] :
      (await currentWithEffective(trx).where('c.personId', 'in', ids).execute()).map(toPersonState),

    /** Active members (not removed) of the households. */
    membersOf: async (trx: TenantTx, householdIds: string[]) => householdIds.length === 0 ? [] :
      (await currentWithEffective(trx).where('c.householdId', 'in', householdIds).where('c.removedOn', 'is', null).execute()).map(toPersonState),

    /** Persons (living or removed) with one of the identifiers. */
    findByIdentifiers: async (trx: TenantTx, f: { myNumberIndex?: string; residentCode?: string; residenceCardNo?: string }) => {
      const ors = [] as ReturnType<typeof sql<boolean>>[];
      if (f.myNumberIndex) ors.push(sql<boolean>`c.my_number_index = ${f.myNumberIndex}`);
      if (f.residentCode) ors.push(sql<boolean>`c.resident_code = ${f.residentCode}`);
      if (f.residenceCardNo) ors.push(sql<boolean>`c.residence_card_no = ${f.residenceCardNo}`);
      if (ors.length === 0) return [];
      return (await currentWithEffective(trx).where(sql<boolean>`(${sql.join(ors, sql` OR `)})`).execute()).map(toPersonState);
    },

    /** Removed persons with the same folded name, sex and birth date (3-item match, spec §4.1.1.2). */
    findRemovedByNameBirth: async (trx: TenantTx, nameKey: string, birthSort: string, sex: string) =>
      (await currentWithEffective(trx).where('c.nameKey', '=', nameKey).where('c.birthSort', '=', birthSort).where('c.sex', '=', sex)
        .where('c.removedOn', 'is not', null).execute()).map(toPersonState),

    /** True when a provisional change already carries this 個人番号. */
    pendingWithMyNumber: async (trx: TenantTx, index: string) => !!(await trx.selectFrom('registry.personSnapshot as s')
      .innerJoin('registry.change as ch', (j) => j.onRef('ch.municipalityCode', '=', 's.municipalityCode').onRef('ch.changeId', '=', 's.changeId'))
      .select('s.personId').where('s.municipalityCode', '=', TENANT).where('s.myNumberIndex', '=', index).where('ch.status', 'in', ['provisional', 'returned']).executeTakeFirst()),

    maxNumbers: async (trx: TenantTx) => {
      // Numbers are fixed-width digits, so the highest sorts last: one step down each unique index.
      const r = await sql<{ a: number | null; h: number | null }>`SELECT
        (SELECT substr(atena_no, 1, 9)::int FROM registry.person WHERE municipality_code = platform.current_municipality()::char(6) ORDER BY atena_no DESC LIMIT 1) AS a,
        (SELECT substr(household_no, 1, 9)::int FROM registry.household WHERE municipality_code = platform.current_municipality()::char(6) ORDER BY household_no DESC LIMIT 1) AS h`.execute(trx);
      return { atena: Number(r.rows[0]?.a ?? 0), household: Number(r.rows[0]?.h ?? 0) };
    },

    insertChange: (trx: TenantTx, m: string, c: ChangeRow) =>
      trx.insertInto('registry.change').values({ municipalityCode: m, ...c, alerts: JSON.stringify(c.alerts) }).execute(),

    /** The next 受付番号 of the municipality's year (the counter row stays locked until commit). */
    nextReceiptNo: async (trx: TenantTx, m: string, year: number): Promise<number> => {
      const r = await trx.insertInto('registry.changeReceiptCounter').values({ municipalityCode: m, receiptYear: year, lastNo: 1 })
        .onConflict((oc) => oc.columns(['municipalityCode', 'receiptYear']).doUpdateSet({ lastNo: sql`registry.change_receipt_counter.last_no + 1` }))
        .returning('lastNo').executeTakeFirstOrThrow();
      return r.lastNo;
    },

    /** A change by its 受付番号. */
    findChangeByReceipt: (trx: TenantTx, year: number, no: number) =>
      trx.selectFrom('registry.change').selectAll().where('municipalityCode', '=', TENANT).where('receiptYear', '=', year).where('receiptNo', '=', no).executeTakeFirst(),

    /** A household by its 世帯番号. */
    findHouseholdByNo: (trx: TenantTx, no: string) =>
      trx.selectFrom('registry.household').select(['householdId', 'householdNo', 'version', 'pendingChangeId']).where('municipalityCode', '=', TENANT).where('householdNo', '=', no).executeTakeFirst(),


    insertHouseholds: async (trx: TenantTx, m: string, rows: Array<{ householdId: string; householdNo: string; pendingChangeId?: string | null }>) => {
      for (const part of chunks(rows, 2000)) await trx.insertInto('registry.household').values(part.map((h) => ({ municipalityCode: m, ...h }))).execute();
    },

    insertPersons: async (trx: TenantTx, m: string, rows: Array<{ personId: string; atenaNo: string }>) => {
      for (const part of chunks(rows, 2000)) await trx.insertInto('registry.person').values(part.map((p) => ({ municipalityCode: m, ...p }))).execute();
    },

    insertSnapshots: async (trx: TenantTx, m: string, rows: SnapshotRow[]) => {
      for (const part of chunks(rows)) {
        await trx.insertInto('registry.personSnapshot').values(part.map((s) => ({
          municipalityCode: m, personId: s.personId, historyNo: s.historyNo, changeId: s.changeId, effectiveOn: s.effectiveOn,
          ...snapshotColumns(s.record), record: JSON.stringify(s.record),
        }))).execute();
      }
    },

    /**
     * Bulk import (demo data, migration): households, persons, changes, snapshots, current rows, vault rows
     * (registry-bulk.repository.ts). Returns ms per table.
     */
    bulkImport: (trx: TenantTx, m: string, d: BulkImportData) => writeBulkImport(trx, prepareBulkImport(m, d)),

    /** The two halves of `bulkImport`: encode (no database; may run while another batch is written), then write. */
    prepareBulkImport,
    writeBulkImport,

    /** Writes the current final state of persons (insert or replace). */
    upsertCurrent: async (trx: TenantTx, m: string, rows: Array<{ personId: string; historyNo: number; record: PersonRecord }>) => {
      for (const part of chunks(rows)) {
        await trx.insertInto('registry.personCurrent').values(part.map((r) => ({
          municipalityCode: m, personId: r.personId, ...currentColumns(r.record, r.historyNo), pendingChangeId: null, record: JSON.stringify(r.record),
        }))).onConflict((oc) => oc.columns(['municipalityCode', 'personId']).doUpdateSet((eb) => ({
          historyNo: eb.ref('excluded.historyNo'), householdId: eb.ref('excluded.householdId'), relationship: eb.ref('excluded.relationship'),
          memberOrder: eb.ref('excluded.memberOrder'), residentKind: eb.ref('excluded.residentKind'), removedOn: eb.ref('excluded.removedOn'),
          removalReason: eb.ref('excluded.removalReason'), nameKey: eb.ref('excluded.nameKey'), givenKey: eb.ref('excluded.givenKey'),
          kanaKey: eb.ref('excluded.kanaKey'), givenKanaKey: eb.ref('excluded.givenKanaKey'), otherKey: eb.ref('excluded.otherKey'),
          birthSort: eb.ref('excluded.birthSort'), sex: eb.ref('excluded.sex'), townCode: eb.ref('excluded.townCode'),
          addressKey: eb.ref('excluded.addressKey'), residentCode: eb.ref('excluded.residentCode'), myNumberIndex: eb.ref('excluded.myNumberIndex'),
          residenceCardNo: eb.ref('excluded.residenceCardNo'), pendingChangeId: null, record: eb.ref('excluded.record'),
          // A record restored (no longer removed) is back in the main DB; a 除票 stays where it is (spec §9.3).
          archivedAt: sql<Date | null>`CASE WHEN excluded.removed_on IS NULL THEN NULL ELSE registry.person_current.archived_at END`,
        }))).execute();
      }
    },

    /** Bumps versions and sets (or clears) the provisional reservation of households. */
    reserveHouseholds: (trx: TenantTx, ids: string[], changeId: string | null) => ids.length === 0 ? Promise.resolve() :
      trx.updateTable('registry.household').set({ version: sql`version + 1`, pendingChangeId: changeId }).where('municipalityCode', '=', TENANT).where('householdId', 'in', ids).execute().then(() => undefined),

    releaseHouseholds: (trx: TenantTx, changeId: string) =>
      trx.updateTable('registry.household').set({ pendingChangeId: null }).where('municipalityCode', '=', TENANT).where('pendingChangeId', '=', changeId).execute(),

    /** Reserves the persons to a provisional change; returns how many were free (a person already reserved is not taken over). */
    reservePersons: async (trx: TenantTx, ids: string[], changeId: string): Promise<number> => ids.length === 0 ? 0 :
      Number((await trx.updateTable('registry.personCurrent').set({ pendingChangeId: changeId }).where('municipalityCode', '=', TENANT)
        .where('personId', 'in', ids).where('pendingChangeId', 'is', null).executeTakeFirst()).numUpdatedRows),

    releasePersons: (trx: TenantTx, changeId: string) =>
      trx.updateTable('registry.personCurrent').set({ pendingChangeId: null }).where('municipalityCode', '=', TENANT).where('pendingChangeId', '=', changeId).execute(),

    findChange: (trx: TenantTx, id: string, lock = false) => {
      const q = trx.selectFrom('registry.change').selectAll().where('municipalityCode', '=', TENANT).where('changeId', '=', id);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },

    setChangeStatus: (trx: TenantTx, id: string, status: 'final' | 'withdrawn', by: string) =>
      trx.updateTable('registry.change').set({ status, decidedBy: by, decidedAt: sql`now()` }).where('municipalityCode', '=', TENANT).where('changeId', '=', id).execute(),

    /** 差戻し: the change goes back to its clerk with the reason (reservations untouched). */
    setReturned: (trx: TenantTx, id: string, reason: string, by: string) =>
      trx.updateTable('registry.change').set({ status: 'returned', returnedReason: reason, returnedBy: by, returnedAt: sql`now()` })
        .where('municipalityCode', '=', TENANT).where('changeId', '=', id).execute(),

    /** 再提出: a returned change is provisional again (the last return stays on the row for the reviewer). */
    setResubmitted: (trx: TenantTx, id: string) =>
      trx.updateTable('registry.change').set({ status: 'provisional' }).where('municipalityCode', '=', TENANT).where('changeId', '=', id).execute(),

    listProvisional: (trx: TenantTx, limit: number) =>
      trx.selectFrom('registry.change').selectAll().where('status', '=', 'provisional').orderBy('processedAt').limit(limit).execute(),

    /** Changes by status, kind and clerk, oldest first (the work queue) or newest first. */
    listChanges: (trx: TenantTx, f: { statuses: string[]; kind?: string; operatorId?: string; limit: number; newestFirst?: boolean }) => {
      let q = trx.selectFrom('registry.change').selectAll().where('municipalityCode', '=', TENANT).where('status', 'in', f.statuses);
      if (f.kind) q = q.where('kind', '=', f.kind);
      if (f.operatorId) q = q.where('operatorId', '=', f.operatorId);
      return q.orderBy('processedAt', f.newestFirst ? 'desc' : 'asc').limit(f.limit).execute();
    },

    /** How many changes have each status (optionally of one clerk). */
    countChanges: async (trx: TenantTx, f: { statuses: string[]; operatorId?: string }) => {
      let q = trx.selectFrom('registry.change').select(['status', sql<number>`count(*)::int`.as('n')]).where('municipalityCode', '=', TENANT).where('status', 'in', f.statuses);
      if (f.operatorId) q = q.where('operatorId', '=', f.operatorId);
      return Object.fromEntries((await q.groupBy('status').execute()).map((r) => [r.status, Number(r.n)])) as Record<string, number>;
    },

    /** Distinct clerks who entered changes with these statuses (for the queue's filter). */
    operatorsOf: async (trx: TenantTx, statuses: string[]) =>
      (await trx.selectFrom('registry.change').select('operatorId').distinct().where('municipalityCode', '=', TENANT).where('status', 'in', statuses).execute()).map((r) => r.operatorId),

    /** The snapshots written by a change, household by household in member order (世帯主 first). */
    snapshotsOfChange: (trx: TenantTx, changeId: string) =>
      trx.selectFrom('registry.personSnapshot').select(['personId', 'historyNo', 'effectiveOn', 'record']).where('municipalityCode', '=', TENANT).where('changeId', '=', changeId).orderBy('householdId').orderBy('memberOrder').orderBy('personId').execute(),

    /** The snapshot before `historyNo` that belongs to a final change. */
    previousFinalSnapshot: (trx: TenantTx, personId: string, historyNo: number) =>
      trx.selectFrom('registry.personSnapshot as s')
        .innerJoin('registry.change as ch', (j) => j.onRef('ch.municipalityCode', '=', 's.municipalityCode').onRef('ch.changeId', '=', 's.changeId'))
        .select(['s.historyNo', 's.record']).where('s.municipalityCode', '=', TENANT).where('s.personId', '=', personId).where('s.historyNo', '<', historyNo).where('ch.status', '=', 'final')
        .orderBy('s.historyNo', 'desc').limit(1).executeTakeFirst(),

    /** Every snapshot of a person with its change (履歴), oldest first. */
    history: (trx: TenantTx, personId: string) =>
      trx.selectFrom('registry.personSnapshot as s')
        .innerJoin('registry.change as ch', (j) => j.onRef('ch.municipalityCode', '=', 's.municipalityCode').onRef('ch.changeId', '=', 's.changeId'))
        .select(['s.historyNo', 's.effectiveOn', 's.record', 'ch.changeId', 'ch.kind', 'ch.reasonCode', 'ch.status', 'ch.occurredOn', 'ch.notifiedOn',
          'ch.processedOn', 'ch.operatorId', 'ch.decidedBy', 'ch.notifier', 'ch.exOfficio', 'ch.onRequest', 'ch.requestedOn', 'ch.cancelsChangeId'])
        .where('s.municipalityCode', '=', TENANT).where('s.personId', '=', personId).orderBy('s.historyNo').execute(),

    /** The final snapshot in force on a date (as-of view). */
    snapshotAsOf: (trx: TenantTx, personId: string, asOf: string) =>
      trx.selectFrom('registry.personSnapshot as s')
        .innerJoin('registry.change as ch', (j) => j.onRef('ch.municipalityCode', '=', 's.municipalityCode').onRef('ch.changeId', '=', 's.changeId'))
        .select(['s.historyNo', 's.record']).where('s.municipalityCode', '=', TENANT).where('s.personId', '=', personId).where('ch.status', '=', 'final').where('s.effectiveOn', '<=', asOf)
        .orderBy('s.historyNo', 'desc').limit(1).executeTakeFirst(),

    /** Current records by 宛名番号 (for the automatic review of cases). */
    personsByAtenaNos: async (trx: TenantTx, atenaNos: string[]) => atenaNos.length === 0 ? [] :
      trx.selectFrom('registry.person as p')
        .innerJoin('registry.personCurrent as c', (j) => j.onRef('c.municipalityCode', '=', 'p.municipalityCode').onRef('c.personId', '=', 'p.personId'))
        .select(['p.atenaNo', 'c.personId', 'c.householdId', 'c.record', 'c.pendingChangeId', 'c.removedOn'])
        .where('p.municipalityCode', '=', TENANT).where('p.atenaNo', 'in', atenaNos).execute(),

    current: (trx: TenantTx, personId: string) =>
      trx.selectFrom('registry.personCurrent').select(['personId', 'historyNo', 'record', 'pendingChangeId', 'householdId']).where('municipalityCode', '=', TENANT).where('personId', '=', personId).executeTakeFirst(),

    householdMembers: (trx: TenantTx, householdId: string, includeRemoved: boolean) => {
      let q = trx.selectFrom('registry.personCurrent').select(['personId', 'historyNo', 'record', 'removedOn']).where('municipalityCode', '=', TENANT).where('householdId', '=', householdId);
      if (!includeRemoved) q = q.where('removedOn', 'is', null);
      return q.orderBy('memberOrder').orderBy('personId').execute();
    },

    /** Every person who has a snapshot in the household (any time, any status): candidates for an as-of view. */
    personIdsEverInHousehold: async (trx: TenantTx, householdId: string) =>
      (await trx.selectFrom('registry.personSnapshot').select('personId').distinct()
        .where('municipalityCode', '=', TENANT).where('householdId', '=', householdId).execute()).map((r) => r.personId),

    vaultInsert: async (trx: TenantTx, m: string, rows: Array<{ myNumberIndex: string; keyId: string; ciphertext: string }>) => {
      for (const part of chunks(rows, 2000)) await trx.insertInto('registry.myNumberVault').values(part.map((r) => ({ municipalityCode: m, ...r }))).onConflict((oc) => oc.doNothing()).execute();
    },
    vaultGet: (trx: TenantTx, index: string) =>
      trx.selectFrom('registry.myNumberVault').select(['keyId', 'ciphertext', 'myNumberIndex']).where('municipalityCode', '=', TENANT).where('myNumberIndex', '=', index).executeTakeFirst(),
    vaultNotUnder: (trx: TenantTx, keyId: string, limit: number) =>
      trx.selectFrom('registry.myNumberVault').select(['keyId', 'ciphertext', 'myNumberIndex']).where('keyId', '<>', keyId).limit(limit).execute(),
    vaultUpdate: (trx: TenantTx, index: string, keyId: string, ciphertext: string) =>
      trx.updateTable('registry.myNumberVault').set({ keyId, ciphertext }).where('myNumberIndex', '=', index).execute(),

    /**
     * Name / birth / address / identifier search over the current state. A prefix or exact name search reads each
     * key's index in key order, one query per key, and stops at `limit` rows each (a bitmap OR of the two ranges
     * would visit every match of a common prefix such as タカハシ before the limit applies); the rows are merged
     * without duplicates. Partial search scans the key columns.
     */
    search: async (trx: TenantTx, f: SearchFilter) => {
      const like = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);
      const base = () => {
        let q = trx.selectFrom('registry.personCurrent').select(['personId', 'historyNo', 'record', 'removedOn', 'householdId', 'archivedAt']).where('municipalityCode', '=', TENANT);
        if (f.birthFrom) q = q.where('birthSort', '>=', f.birthFrom).where('birthSort', '<=', f.birthTo!);
        if (f.townCode) q = q.where('townCode', '=', f.townCode);
        // 過去の住所 (spec §2.1.3): the current address, any earlier one or the 転入前住所 (search/past-address.ts).
        if (f.addressKey) q = f.pastAddress ? q.where((eb) => eb.or([eb('addressKey', 'like', `%${like(f.addressKey!)}%`), pastAddressMatch(TENANT, f.addressKey!)]))
          : q.where('addressKey', 'like', `%${like(f.addressKey)}%`);
        if (f.householdId) q = q.where('householdId', '=', f.householdId);
        if (f.residentCode) q = q.where('residentCode', '=', f.residentCode);
        if (f.myNumberIndex) q = q.where('myNumberIndex', '=', f.myNumberIndex);
        if (f.residenceCardNo) q = q.where('residenceCardNo', '=', f.residenceCardNo);
        if (f.atenaNo) q = q.where('personId', 'in', (eb) => eb.selectFrom('registry.person').select('personId').where('municipalityCode', '=', TENANT).where('atenaNo', '=', f.atenaNo!));
        if (f.householdNo) q = q.where('householdId', 'in', (eb) => eb.selectFrom('registry.household').select('householdId').where('municipalityCode', '=', TENANT).where('householdNo', '=', f.householdNo!));
        if (f.sex) q = q.where('sex', '=', f.sex);
        if (f.relationship) q = q.where('relationship', '=', f.relationship);
        if (f.removalReason) q = q.where('removalReason', '=', f.removalReason);
        // 空欄検索: the item is blank (本籍 for Japanese residents, 在留カード等番号 for foreign residents only).
        if (f.emptyItem === 'residentCode') q = q.where('residentCode', 'is', null);
        if (f.emptyItem === 'myNumber') q = q.where('myNumberIndex', 'is', null);
        if (f.emptyItem === 'reading') q = q.where('kanaKey', '=', '');
        if (f.emptyItem === 'honseki') q = q.where('residentKind', '=', 'japanese').where(sql<boolean>`coalesce(record->>'honseki', '') = ''`);
        if (f.emptyItem === 'residenceCardNo') q = q.where('residentKind', '=', 'foreign').where('residenceCardNo', 'is', null);
        // 異動日: a final change of the person in the period (any of its history, not only the latest).
        if (f.changedFrom) q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM registry.person_snapshot s JOIN registry.change ch
          ON ch.municipality_code = s.municipality_code AND ch.change_id = s.change_id AND ch.status = 'final'
          WHERE s.municipality_code = ${TENANT} AND s.person_id = registry.person_current.person_id
          AND ch.occurred_on >= ${f.changedFrom} AND ch.occurred_on <= ${f.changedTo!})`);
        if (!f.includeRemoved) q = q.where((eb) => eb.or([eb('removedOn', 'is', null), eb('removedOn', '>', f.today)]));
        return q;
      };
      // 旧氏・通称・アルファベット氏名 (other_key: space-separated fold keys) in every mode: a word of it begins with the
      // key (prefix), is the key (exact) or contains it (partial).
      const other = f.mode === 'partial' ? `%${like(f.nameKey ?? '')}%` : f.mode === 'exact' ? `% ${like(f.nameKey ?? '')} %` : `% ${like(f.nameKey ?? '')}%`;
      const otherMatch = sql<boolean>`(' ' || other_key || ' ') LIKE ${other}`;
      if (!f.nameKey) return base().limit(f.limit).execute();
      const key = f.nameKey;
      const [a, b] = f.kana ? (['kanaKey', 'givenKanaKey'] as const) : (['nameKey', 'givenKey'] as const);
      if (f.mode === 'partial') {
        // 旧氏・通称・アルファベット氏名 are in other_key.
        const pattern = `%${like(key)}%`;
        return base().where(sql<boolean>`(${sql.ref(a)} LIKE ${pattern} OR ${sql.ref(b)} LIKE ${pattern} OR ${otherMatch})`).limit(f.limit).execute();
      }
      // Prefix search is a range on the text_pattern_ops indexes written with ~>=~ / ~<~ and read in that order
      // (ORDER BY … USING ~<~): unlike LIKE these operators are leakproof, so PostgreSQL may use the index under
      // row-level security.
      const cps = Array.from(key);
      const upper = cps.slice(0, -1).join('') + String.fromCodePoint(cps[cps.length - 1]!.codePointAt(0)! + 1);
      const branch = (col: typeof a | typeof b) => base()
        .where(f.mode === 'exact' ? sql<boolean>`${sql.ref(col)} = ${key}` : sql<boolean>`(${sql.ref(col)} ~>=~ ${key} AND ${sql.ref(col)} ~<~ ${upper})`)
        .orderBy(sql`${sql.ref(col)} USING ~<~`).orderBy('personId').limit(f.limit).execute();
      const parts = [await branch(a), await branch(b)];
      // Latin names are matched inside (「JOHN」 finds 「SMITH JOHN」); 旧氏・通称 by the mode.
      parts.push(await base().where(f.latin ? sql<boolean>`other_key LIKE ${`%${like(key)}%`}` : otherMatch).limit(f.limit).execute());
      const seen = new Set<string>();
      const out: Awaited<ReturnType<typeof branch>> = [];
      for (const r of parts.flat()) {
        if (out.length >= f.limit) break;
        if (!seen.has(r.personId)) { seen.add(r.personId); out.push(r); }
      }
      return out;
    },

    /** Snapshots in force on a date for every person (for statistics), counted in SQL. */
    statistics: (trx: TenantTx, asOf: string) => sql<{ townCode: string | null; sex: string; residentKind: string; ageBand: number; persons: number }>`
      WITH in_force AS (
        SELECT DISTINCT ON (s.person_id) s.person_id, s.household_id, s.town_code, s.sex, s.resident_kind, s.birth_sort, s.removed_on
        FROM registry.person_snapshot s
        JOIN registry.change ch ON ch.municipality_code = s.municipality_code AND ch.change_id = s.change_id AND ch.status = 'final'
        WHERE s.municipality_code = platform.current_municipality()::char(6) AND s.effective_on <= ${asOf}
        ORDER BY s.person_id, s.history_no DESC
      )
      SELECT town_code AS "townCode", sex, resident_kind AS "residentKind",
        CASE WHEN birth_sort = '0000-01-01' THEN -1 -- 年月日不詳: no age, its own row (issue #9)
          ELSE least(20, greatest(0, ((substr(${asOf}, 1, 4)::int - substr(birth_sort, 1, 4)::int
          - CASE WHEN substr(${asOf}, 6) < substr(birth_sort, 6) THEN 1 ELSE 0 END) / 5))) END::int AS "ageBand",
        count(*)::int AS persons
      FROM in_force WHERE removed_on IS NULL OR removed_on > ${asOf}
      GROUP BY 1, 2, 3, 4`.execute(trx),

    householdCount: (trx: TenantTx, asOf: string) => sql<{ townCode: string | null; households: number }>`
      WITH in_force AS (
        SELECT DISTINCT ON (s.person_id) s.person_id, s.household_id, s.town_code, s.removed_on
        FROM registry.person_snapshot s
        JOIN registry.change ch ON ch.municipality_code = s.municipality_code AND ch.change_id = s.change_id AND ch.status = 'final'
        WHERE s.municipality_code = platform.current_municipality()::char(6) AND s.effective_on <= ${asOf}
        ORDER BY s.person_id, s.history_no DESC
      )
      SELECT town_code AS "townCode", count(DISTINCT household_id)::int AS households
      FROM in_force WHERE removed_on IS NULL OR removed_on > ${asOf} GROUP BY 1`.execute(trx),
  };
}

/** Search criteria, already folded by the service. */
export interface SearchFilter {
  nameKey?: string;
  kana?: boolean;
  /** The query is in Latin letters (foreign residents' names). */
  latin?: boolean;
  mode: 'prefix' | 'partial' | 'exact';
  birthFrom?: string;
  birthTo?: string;
  townCode?: string;
  addressKey?: string;
  /** Match the address key against past addresses and the 転入前住所 too. */
  pastAddress?: boolean;
  householdId?: string;
  residentCode?: string;
  myNumberIndex?: string;
  residenceCardNo?: string;
  atenaNo?: string;
  householdNo?: string;
  sex?: string;
  relationship?: string;
  removalReason?: string;
  emptyItem?: 'residentCode' | 'myNumber' | 'reading' | 'honseki' | 'residenceCardNo';
  /** 異動日 range (inclusive ISO days): persons with a final change in it. */
  changedFrom?: string;
  changedTo?: string;
  includeRemoved: boolean;
  today: string;
  limit: number;
}

export type RegistryRepository = ReturnType<typeof createRegistryRepository>;
