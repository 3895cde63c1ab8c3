// SPDX-License-Identifier: EUPL-1.2
/**
 * 住所一括変更 (住居表示の実施 / 区画整理, spec §9.7): a trial run lists the affected households and the
 * conflicts without writing; the real run records one 職権 `address-renaming` change per household as 仮登録,
 * all in one transaction, to be approved in bulk from the provisional list. Merged into the registry service.
 */
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Database } from '../../../platform/db/database.ts';
import { withTenant, type TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import { matchTown } from './address-master.ts';
import { currentTowns } from './address-master.repository.ts';
import { matchAddressBatch, validateRules, type AddressRule, type BatchHousehold } from './address-batch.ts';
import { activeInHouseholdNos, activeInTowns } from './address-change.repository.ts';
import { matchHouseholdRows, readHouseholdAddressCsv, type HouseholdAddressConflict } from './address-batch-csv.ts';
import { CsvFileError } from '../csv/registry-csv-format.ts';
import type { Plan } from '../changes/change-planner.ts';
import { fail, RegistryRuleError, type Alert } from '../registry-errors.ts';
import type { PersonRecord } from '../registry-model.ts';
import type { RegistryRepository } from '../registry.repository.ts';
import type { ChangeInput, ChangeInputOf } from '../registry.schema.ts';

/** Input of POST /address-changes. */
export interface AddressChangeRequest {
  dryRun: boolean;
  cause: '住居表示' | '区画整理';
  /** 実施日 (the 異動日 of every change). */
  occurredOn: string;
  rules: AddressRule[];
  /** Household versions from the trial run: households changed since are skipped (spec §9.7). */
  expectedVersions?: Record<string, number>;
  note?: string;
}

/** Input of POST /household-address-changes: the same run, the households named in a CSV (世帯番号, before, after). */
export interface HouseholdAddressChangeRequest extends Omit<AddressChangeRequest, 'rules'> {
  /** UTF-8 CSV text with the header of `HOUSEHOLD_ADDRESS_CSV_HEADER`. */
  csv: string;
}

const MAX_HOUSEHOLDS = 2000;

type Item = { householdId: string; householdNo: string; version: number; personIds: string[]; ruleIndex: number; from: PersonRecord['address'];
  to: { townCode?: string; townName?: string; banchi: string; katagaki: string; unlisted: boolean } };

/** Creates the address-batch use case over the registry's planning and writing steps. */
export function createAddressChangeUseCases(deps: {
  db: Database; registry: RegistryRepository; accessLog: AccessLogRepository; today: () => string;
  plan: (trx: TenantTx, m: string, input: ChangeInput, today: string) => Promise<Plan>;
  write: (trx: TenantTx, m: string, plan: Plan, input: ChangeInput, actor: { staffId: string }, today: string) => Promise<string>;
}) {
  /**
   * Plans (and unless a trial, records as 仮登録) one 職権 `address-renaming` change per item; a household the
   * change rules refuse is reported through `refused` and skipped. Every person is access-logged.
   */
  async function recordEach<T extends Item>(trx: TenantTx, actor: Actor, input: Omit<AddressChangeRequest, 'rules'>, batch: T[], refused: (item: T, e: RegistryRuleError) => void,
    ctx: { clientIp: string; requestId: string }) {
    const m = actor.municipalityCode;
    const today = deps.today();
    const items: Array<T & { to: PersonRecord['address']; changeId: string | null; alerts: Alert[] }> = [];
    for (const item of batch) {
      const change: ChangeInputOf<'address-renaming'> = {
        kind: 'address-renaming', occurredOn: input.occurredOn, exOfficio: true, notifier: '', note: input.note ?? '', expectedVersions: { [item.householdId]: item.version },
        householdId: item.householdId, cause: input.cause, address: item.to,
      };
      let plan: Plan;
      try {
        plan = await deps.plan(trx, m, change, today);
      } catch (e) {
        if (!(e instanceof RegistryRuleError)) throw e;
        refused(item, e);
        continue;
      }
      const changeId = input.dryRun ? null : await deps.write(trx, m, plan, change, actor, today);
      items.push({ ...item, to: plan.snapshots[0]!.record.address, changeId, alerts: plan.alerts });
    }
    const personIds = items.flatMap((i) => i.personIds);
    await deps.accessLog.appendMany(trx, m, personIds.map((personId) => ({ actorType: 'staff' as const, actorId: actor.staffId,
      action: input.dryRun ? 'registry.address-change.trial' : 'registry.change.record', subjectType: 'person', subjectId: personId, ...ctx })));
    return items;
  }

  return {
    /**
     * 住所一括変更 by a list of households (spec §9.7): the CSV names each household by 世帯番号 with its address
     * before and after; a household whose address is no longer the one before is skipped (`address-before-mismatch`),
     * as are unknown 世帯番号, 仮登録 and changes since the trial run. Trial or real run, as `changeAddresses`.
     * @throws RegistryRuleError 'address-csv-invalid' (with the lines and their problems; nothing written), 'too-many-households'
     */
    async changeAddressesByHousehold(actor: Actor, input: HouseholdAddressChangeRequest, ctx: { clientIp: string; requestId: string }) {
      assertAllowed(actor, 'registry:change');
      let read: Awaited<ReturnType<typeof readHouseholdAddressCsv>>;
      try {
        read = await readHouseholdAddressCsv(input.csv);
      } catch (e) {
        if (!(e instanceof CsvFileError)) throw e;
        fail('address-csv-invalid', { problems: [{ line: e.line ?? 0, code: 'csv-format' }] });
      }
      if (read.problems.length > 0 || read.rows.length === 0) fail('address-csv-invalid', { problems: read.problems.length ? read.problems.slice(0, 50) : [{ line: 2, code: 'csv-value-missing' }] });
      if (read.rows.length > MAX_HOUSEHOLDS) fail('too-many-households');
      const m = actor.municipalityCode;
      return withTenant(deps.db, m, async (trx) => {
        await deps.registry.lockMunicipality(trx, m);
        const master = await currentTowns(trx, deps.today());
        const byNo = new Map<string, { householdId: string; personIds: string[]; address: PersonRecord['address'] }>();
        for (const r of await activeInHouseholdNos(trx, read.rows.map((x) => x.householdNo))) {
          const h = byNo.get(r.householdNo) ?? { householdId: r.householdId, personIds: [], address: (r.record as unknown as PersonRecord).address };
          h.personIds.push(r.personId);
          byNo.set(r.householdNo, h);
        }
        const locked = await deps.registry.lockHouseholds(trx, [...byNo.values()].map((h) => h.householdId));
        const households = new Map(locked.map((h) => [h.householdNo, { ...h, ...byNo.get(h.householdNo)! } as BatchHousehold]));
        const batch = matchHouseholdRows(master, read.rows, households, input.expectedVersions);
        const conflicts: HouseholdAddressConflict[] = [...batch.conflicts];
        const items = await recordEach(trx, actor, input, batch.items, (item, e) => conflicts.push({ line: item.line, householdNo: item.householdNo, householdId: item.householdId, code: e.code, message: e.title }), ctx);
        conflicts.sort((a, b) => a.line - b.line);
        return { dryRun: input.dryRun, cause: input.cause, households: items.length, persons: items.reduce((n, i) => n + i.personIds.length, 0), items, conflicts };
      });
    },

    /**
     * Trial (`dryRun: true`) or real run of a 住所一括変更.
     * @throws RegistryRuleError 'address-rule-invalid', 'too-many-households'; per-household refusals are returned as conflicts
     */
    async changeAddresses(actor: Actor, input: AddressChangeRequest, ctx: { clientIp: string; requestId: string }) {
      assertAllowed(actor, 'registry:change');
      validateRules(input.rules);
      const m = actor.municipalityCode;
      const today = deps.today();
      return withTenant(deps.db, m, async (trx) => {
        await deps.registry.lockMunicipality(trx, m);
        const master = await currentTowns(trx, today);
        const towns = input.rules.map((r) => matchTown(master, r.from));
        const codes = [...new Set(towns.flatMap((t) => (t.kind === 'listed' ? [t.town.code] : [])))];
        const rows = await activeInTowns(trx, codes, towns.some((t) => t.kind !== 'listed'));
        const byHousehold = new Map<string, { personIds: string[]; address: PersonRecord['address'] }>();
        for (const r of rows) {
          const rec = r.record as unknown as PersonRecord;
          const h = byHousehold.get(r.householdId) ?? { personIds: [], address: rec.address };
          h.personIds.push(r.personId);
          byHousehold.set(r.householdId, h);
        }
        const locked = await deps.registry.lockHouseholds(trx, [...byHousehold.keys()]);
        const households: BatchHousehold[] = locked.map((h) => ({ ...h, ...byHousehold.get(h.householdId)! }));
        const batch = matchAddressBatch(master, input.rules, households, input.expectedVersions);
        if (batch.items.length > MAX_HOUSEHOLDS) fail('too-many-households');

        const conflicts: Array<{ householdId: string; code: string; message?: string }> = [...batch.conflicts];
        const items = await recordEach(trx, actor, input, batch.items, (item, e) => conflicts.push({ householdId: item.householdId, code: e.code, message: e.title }), ctx);
        const personIds = items.flatMap((i) => i.personIds);
        return { dryRun: input.dryRun, cause: input.cause, households: items.length, persons: personIds.length, items, conflicts, unusedRules: batch.unusedRules };
      });
    },
  };
}
