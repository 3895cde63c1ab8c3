// SPDX-License-Identifier: EUPL-1.2
/**
 * SQL of the registry's bulk write path (demo seed, CSV import): households, persons, changes, snapshots,
 * current rows and vault rows of many persons, a few statements per batch. No rules.
 *
 * Speed comes from doing little per row on either side:
 *  - columns travel as array parameters (`unnest`), encoded here as array literals: one string per column,
 *    no per-row JSON objects, no per-element work in the driver;
 *  - each record is JSON-encoded once and travels once, as one JSON array (`json_array_elements`, no
 *    escaping): a snapshot and the current row carrying the same record are written by one statement
 *    (data-modifying CTE), so the server parses that record once for both tables;
 *  - `prepareBulkImport` does all the encoding outside the transaction, so a caller can encode the next
 *    batch while the server writes the current one (registry-csv.service.ts).
 * Foreign keys, row-level security (WITH CHECK as jichi_app) and every index apply as for any insert.
 * Table and column names are fixed in this file; values are always bound parameters.
 */
import { sql, type RawBuilder } from 'kysely';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import type { PersonRecord } from './registry-model.ts';
import type { ChangeRow, SnapshotRow } from './person-row.ts';
import { currentColumns, snapshotColumns } from './person-row.ts';

/** What a bulk import writes. */
export interface BulkImportData {
  households: Array<{ householdId: string; householdNo: string }>; persons: Array<{ personId: string; atenaNo: string }>; changes: ChangeRow[];
  snapshots: SnapshotRow[]; current: Array<{ personId: string; historyNo: number; record: PersonRecord }>; vault: Array<{ myNumberIndex: string; keyId: string; ciphertext: string }>;
}

/** Statements ready to run: every parameter already encoded. */
export interface PreparedBulkImport { steps: Array<[table: string, statements: Array<RawBuilder<unknown>>]> }

const BATCH = 5000;

/** Each record's JSON text, encoded once even when it goes to both person_snapshot and person_current. */
const recordJson = new WeakMap<object, string>();
function encodeRecord(r: PersonRecord): string {
  let text = recordJson.get(r);
  if (text === undefined) { text = JSON.stringify(r); recordJson.set(r, text); }
  return text;
}

type Kind = 'uuid' | 'text' | 'int4' | 'bool';
/** A column: name, element type, value of a row. */
type Col<R> = [name: string, kind: Kind, value: (r: R) => string | number | boolean | null | undefined];

const NEEDS_QUOTING = /["\\]/;
/** A PostgreSQL array literal of one column (elements always quoted, so no value is read as NULL or split). */
function arrayLiteral<R>(rows: R[], kind: Kind, value: Col<R>[2]): string {
  const parts = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = value(rows[i]!);
    if (v === null || v === undefined) parts[i] = 'NULL';
    else if (kind === 'text') {
      const s = v as string;
      parts[i] = NEEDS_QUOTING.test(s) ? `"${s.replace(/[\\"]/g, '\\$&')}"` : `"${s}"`;
    } else parts[i] = kind === 'bool' ? (v ? 't' : 'f') : String(v);
  }
  return `{${parts.join(',')}}`;
}

/** `ROWS FROM (unnest($1::t1[]), …[, json_array_elements($n::json)]) AS u(c1, …[, record])`. */
function rowsFrom<R>(cols: Array<Col<R>>, rows: R[], records?: string[]) {
  const fns = cols.map(([, kind, value]) => sql`unnest(${arrayLiteral(rows, kind, value)}::${sql.raw(kind)}[])`);
  if (records) fns.push(sql`json_array_elements(${`[${records.join(',')}]`}::json)`);
  const names = cols.map(([n]) => n).concat(records ? ['record'] : []);
  return sql`ROWS FROM (${sql.join(fns)}) AS u(${sql.raw(names.join(', '))})`;
}

function batches<R>(rows: R[]): R[][] {
  const out: R[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

/** INSERT … SELECT from the column arrays; municipality_code is one parameter, not a column array. */
function plainInsert<R>(table: string, m: string, cols: Array<Col<R>>, rows: R[]): Array<RawBuilder<unknown>> {
  const names = sql.raw(cols.map(([n]) => n).join(', '));
  return batches(rows).map((part) => sql`INSERT INTO ${sql.raw(table)} (municipality_code, ${names}) SELECT ${m}::char(6), ${names} FROM ${rowsFrom(cols, part)}`);
}

/** A snapshot and, when `k` is set, the current row with the same record. */
interface PersonWrite { s: SnapshotRow; c: ReturnType<typeof snapshotColumns>; k: ReturnType<typeof currentColumns> | null }

const P = (name: string, kind: Kind, value: Col<PersonWrite>[2]): Col<PersonWrite> => [name, kind, value];
const PERSON_COLS: Array<Col<PersonWrite>> = [
  P('person_id', 'uuid', (r) => r.s.personId), P('history_no', 'int4', (r) => r.s.historyNo), P('change_id', 'uuid', (r) => r.s.changeId), P('effective_on', 'text', (r) => r.s.effectiveOn),
  P('household_id', 'uuid', (r) => r.c.householdId), P('relationship', 'text', (r) => r.c.relationship), P('member_order', 'int4', (r) => r.c.memberOrder),
  P('resident_kind', 'text', (r) => r.c.residentKind), P('removed_on', 'text', (r) => r.c.removedOn), P('removal_reason', 'text', (r) => r.c.removalReason),
  P('birth_sort', 'text', (r) => r.c.birthSort), P('sex', 'text', (r) => r.c.sex), P('town_code', 'text', (r) => r.c.townCode), P('my_number_index', 'text', (r) => r.c.myNumberIndex),
  P('is_current', 'bool', (r) => r.k !== null),
  P('name_key', 'text', (r) => r.k?.nameKey), P('given_key', 'text', (r) => r.k?.givenKey), P('kana_key', 'text', (r) => r.k?.kanaKey), P('given_kana_key', 'text', (r) => r.k?.givenKanaKey),
  P('other_key', 'text', (r) => r.k?.otherKey), P('address_key', 'text', (r) => r.k?.addressKey), P('resident_code', 'text', (r) => r.k?.residentCode),
  P('residence_card_no', 'text', (r) => r.k?.residenceCardNo),
];
const SNAPSHOT_NAMES = 'person_id, history_no, change_id, effective_on, household_id, relationship, member_order, resident_kind, removed_on, removal_reason, birth_sort, sex, town_code, my_number_index';
const CURRENT_NAMES = 'person_id, history_no, household_id, relationship, member_order, resident_kind, removed_on, removal_reason, name_key, given_key, kana_key, given_kana_key, other_key, birth_sort, sex, town_code, address_key, resident_code, my_number_index, residence_card_no';

/** A current row on its own (its record is not the object of a snapshot written with it). */
type CurrentWrite = { personId: string; k: ReturnType<typeof currentColumns> };
const C = (name: string, kind: Kind, value: Col<CurrentWrite>[2]): Col<CurrentWrite> => [name, kind, value];
const CURRENT_COLS: Array<Col<CurrentWrite>> = [
  C('person_id', 'uuid', (r) => r.personId), C('history_no', 'int4', (r) => r.k.historyNo), C('household_id', 'uuid', (r) => r.k.householdId), C('relationship', 'text', (r) => r.k.relationship),
  C('member_order', 'int4', (r) => r.k.memberOrder), C('resident_kind', 'text', (r) => r.k.residentKind), C('removed_on', 'text', (r) => r.k.removedOn),
  C('removal_reason', 'text', (r) => r.k.removalReason), C('name_key', 'text', (r) => r.k.nameKey), C('given_key', 'text', (r) => r.k.givenKey), C('kana_key', 'text', (r) => r.k.kanaKey),
  C('given_kana_key', 'text', (r) => r.k.givenKanaKey), C('other_key', 'text', (r) => r.k.otherKey), C('birth_sort', 'text', (r) => r.k.birthSort), C('sex', 'text', (r) => r.k.sex),
  C('town_code', 'text', (r) => r.k.townCode), C('address_key', 'text', (r) => r.k.addressKey), C('resident_code', 'text', (r) => r.k.residentCode),
  C('my_number_index', 'text', (r) => r.k.myNumberIndex), C('residence_card_no', 'text', (r) => r.k.residenceCardNo),
];

const CHANGE_DEFS = sql.raw(['change_id uuid', 'kind text', 'reason_code text', 'status text', 'occurred_on text', 'notified_on text', 'processed_on text', 'ex_officio boolean',
  'notifier text', 'operator_id text', 'decided_by text', 'cancels_change_id uuid', 'person_ids uuid[]', 'household_ids uuid[]', 'alerts jsonb', 'note text'].join(', '));
const CHANGE_NAMES = sql.raw('change_id, kind, reason_code, status, occurred_on, notified_on, processed_on, ex_officio, notifier, operator_id, decided_by, cancels_change_id, person_ids, household_ids, alerts, note');

/** Encodes a bulk import into its statements (pure CPU work, no database). */
export function prepareBulkImport(m: string, d: BulkImportData): PreparedBulkImport {
  // Changes carry arrays per row (person_ids, household_ids): one JSON parameter (few rows per import).
  const changes = batches(d.changes).map((part) => sql`INSERT INTO registry.change (municipality_code, ${CHANGE_NAMES}) SELECT ${m}::char(6), ${CHANGE_NAMES}
    FROM json_to_recordset(${JSON.stringify(part.map((c) => ({
      change_id: c.changeId, kind: c.kind, reason_code: c.reasonCode, status: c.status, occurred_on: c.occurredOn, notified_on: c.notifiedOn, processed_on: c.processedOn,
      ex_officio: c.exOfficio, notifier: c.notifier, operator_id: c.operatorId, decided_by: c.decidedBy ?? null, cancels_change_id: c.cancelsChangeId,
      person_ids: c.personIds, household_ids: c.householdIds, alerts: c.alerts, note: c.note })))}::json) AS x(${CHANGE_DEFS})`);

  // A current row whose record is the very object of its snapshot goes with that snapshot.
  const currentOf = new Map(d.current.map((r) => [`${r.personId}/${r.historyNo}`, r]));
  const paired = new Set<object>();
  const persons: PersonWrite[] = d.snapshots.map((s) => {
    const cur = currentOf.get(`${s.personId}/${s.historyNo}`);
    const both = cur !== undefined && cur.record === s.record;
    if (both) paired.add(cur);
    return { s, c: snapshotColumns(s.record), k: both ? currentColumns(cur.record, cur.historyNo) : null };
  });
  const snapshotAndCurrent = batches(persons).map((part) => sql`WITH x AS MATERIALIZED (
      SELECT ${sql.raw(SNAPSHOT_NAMES)}, is_current, name_key, given_key, kana_key, given_kana_key, other_key, address_key, resident_code, residence_card_no, record::jsonb AS record
      FROM ${rowsFrom(PERSON_COLS, part, part.map((p) => encodeRecord(p.s.record)))}),
    s AS (INSERT INTO registry.person_snapshot (municipality_code, ${sql.raw(SNAPSHOT_NAMES)}, record) SELECT ${m}::char(6), ${sql.raw(SNAPSHOT_NAMES)}, record FROM x)
    INSERT INTO registry.person_current (municipality_code, ${sql.raw(CURRENT_NAMES)}, record) SELECT ${m}::char(6), ${sql.raw(CURRENT_NAMES)}, record FROM x WHERE is_current`);
  const rest = d.current.filter((r) => !paired.has(r));
  const currentOnly = batches(rest).map((part) => sql`INSERT INTO registry.person_current (municipality_code, ${sql.raw(CURRENT_NAMES)}, record)
    SELECT ${m}::char(6), ${sql.raw(CURRENT_NAMES)}, record::jsonb FROM ${rowsFrom(CURRENT_COLS, part.map((r) => ({ personId: r.personId, k: currentColumns(r.record, r.historyNo) })), part.map((r) => encodeRecord(r.record)))}`);

  return {
    steps: [
      ['household', plainInsert('registry.household', m, [['household_id', 'uuid', (h) => h.householdId], ['household_no', 'text', (h) => h.householdNo]], d.households)],
      ['person', plainInsert('registry.person', m, [['person_id', 'uuid', (p) => p.personId], ['atena_no', 'text', (p) => p.atenaNo]], d.persons)],
      ['change', changes],
      ['personSnapshot', snapshotAndCurrent],
      ['personCurrent', currentOnly],
      ['myNumberVault', plainInsert('registry.my_number_vault', m, [['my_number_index', 'text', (v) => v.myNumberIndex], ['key_id', 'text', (v) => v.keyId],
        ['ciphertext', 'text', (v) => v.ciphertext]], d.vault)],
    ],
  };
}

/** Runs prepared statements in the tenant transaction, in dependency order; returns ms per table. */
export async function writeBulkImport(trx: TenantTx, p: PreparedBulkImport): Promise<Record<string, number>> {
  const ms: Record<string, number> = {};
  for (const [table, statements] of p.steps) {
    const t = performance.now();
    for (const s of statements) await s.execute(trx);
    ms[table] = Math.round(performance.now() - t);
  }
  return ms;
}
