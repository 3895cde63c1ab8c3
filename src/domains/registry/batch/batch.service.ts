// SPDX-License-Identifier: EUPL-1.2
/**
 * Batch work of the registry on the platform's scheduler (spec §9.1): a run is requested with its parameters
 * (queued, safe to repeat through the API's idempotency), executed by the periodic task `registry_batch_runs`
 * (src/periodic-tasks.ts), and keeps its parameters, result rows, summary and alerts (registry.batch_run). Kinds:
 * 住民基本台帳関係年報 (§6.1), 入管への定期報告 (§6.2), 閲覧用写し (§9.5), 無作為抽出 with 宛名ラベル (§9.6). Reading a
 * result is access-logged per person in it. Merged into the registry service.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Database } from '../../../platform/db/database.ts';
import { addDays } from '../../../platform/dates/jp-date.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { inSavepoint, withTenant, type TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import type { PersonRecord } from '../registry-model.ts';
import type { RegistryRepository } from '../registry.repository.ts';
import { personsUnderSupportMeasure } from '../support-measures/support-measure.repository.ts';
import { batchCsv, labelsPdf } from './batch-output.ts';
import { guardianshipReport } from '../guardianship/guardianship-rules.ts';
import { guardianshipPersons } from '../guardianship/guardianship.service.ts';
import { compareWithCs, csExtractPath, readCsExtract } from './cs-consistency.ts';
import { firstRunOn, nextRunAfter, type BatchFrequency } from './batch-schedule.ts';
import { archiveRemoved, defaultArchiveCutoff, purgeExpired, retentionLimit, RETENTION_YEARS } from './removed-records.ts';
import {
  annualReport, BATCH_COLUMNS, BATCH_LABELS, immigrationReport, inspectionCopy, randomExtraction,
  type BatchAlert, type BatchKind, type BatchResult, type ChangedSnapshot, type ReasonCount, type Resident, type ResultRow,
} from './batch-reports.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;
/** A date column as YYYY-MM-DD (a string on the server, a Date on some drivers). */
const dayText = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10));

/** A run as requested (validated by batch.schema.ts). */
export type BatchRunRequest =
  | { kind: 'annual-report'; from?: string; to?: string }
  | { kind: 'immigration-report'; from?: string; to?: string }
  | { kind: 'inspection-copy'; order?: 'address' | 'kana'; townCodes?: string[] }
  | { kind: 'guardianship-notices'; from?: string; to?: string }
  | { kind: 'random-extraction'; count: number; ageFrom?: number; ageTo?: number; sex?: 'male' | 'female'; townCodes?: string[]; seed?: string }
  | { kind: 'removed-archive'; through?: string }
  | { kind: 'removed-purge'; purge?: boolean }
  | { kind: 'cs-consistency'; file?: string };

/** Refusals of the batch API (stable code, Japanese message). */
const refuse = (code: string, title: string, status: 404 | 409 | 422 = 422) => new DomainError(code, title, status, `Registry batch: ${code}`);

/** Creates the batch use cases. */
export function createBatchUseCases(deps: { db: Database; registry: RegistryRepository; accessLog: AccessLogRepository; today: () => string; jukinetInboxDir?: string }) {
  const { db, registry: repo, accessLog, today } = deps;

  /** The parameters a run keeps: the request with every default filled in (period, order, seed). */
  function resolve(input: BatchRunRequest, day: string): Record<string, unknown> & { kind: BatchKind } {
    switch (input.kind) {
      case 'annual-report': case 'immigration-report': case 'guardianship-notices': {
        // Default period: the 年報's (the previous calendar year) or, for the 入管 report and the 成年被後見人 notices, the previous month.
        const y = Number(day.slice(0, 4));
        const prevMonth = addDays(`${day.slice(0, 7)}-01`, -1);
        const from = input.from ?? (input.kind === 'annual-report' ? `${y - 1}-01-01` : `${prevMonth.slice(0, 7)}-01`);
        const to = input.to ?? (input.kind === 'annual-report' ? `${y - 1}-12-31` : prevMonth);
        if (from > to) throw refuse('batch-period-invalid', '期間の開始日が終了日より後です。期間を確認してください');
        if (to > day) throw refuse('batch-period-future', '期間の終了日が未来の日付です。本日以前の日付を指定してください');
        return { kind: input.kind, from, to };
      }
      case 'inspection-copy':
        return { kind: input.kind, asOf: day, order: input.order ?? 'address', ...(input.townCodes?.length ? { townCodes: input.townCodes } : {}) };
      case 'random-extraction':
        if (input.ageFrom !== undefined && input.ageTo !== undefined && input.ageFrom > input.ageTo) throw refuse('batch-age-range-invalid', '年齢の下限が上限より大きくなっています。年齢の範囲を確認してください');
        return { kind: input.kind, asOf: day, count: input.count, seed: input.seed || crypto.randomBytes(8).toString('hex'),
          ...(input.ageFrom !== undefined ? { ageFrom: input.ageFrom } : {}), ...(input.ageTo !== undefined ? { ageTo: input.ageTo } : {}),
          ...(input.sex ? { sex: input.sex } : {}), ...(input.townCodes?.length ? { townCodes: input.townCodes } : {}) };
      case 'removed-archive': {
        // 除票DB への移動: 除票 removed on or before the cut-off (default: the end of the previous calendar year).
        const through = input.through ?? defaultArchiveCutoff(day);
        if (through > day) throw refuse('batch-period-future', '基準日が未来の日付です。本日以前の日付を指定してください');
        return { kind: input.kind, through };
      }
      case 'removed-purge':
        // 150 years from 消除, never shortened: the limit is derived from today, not a parameter.
        return { kind: input.kind, asOf: day, retentionYears: RETENTION_YEARS, removedBefore: retentionLimit(day), purge: input.purge === true };
      case 'cs-consistency':
        // The CS extract: a file in the municipality's inbox folder (a plain name, never a path), default the newest cs-*.csv.
        if (input.file !== undefined && !/^[0-9A-Za-z][0-9A-Za-z._-]{0,99}\.csv$/i.test(input.file)) throw refuse('cs-extract-file-name-invalid', 'ファイル名が正しくありません。受信フォルダにあるCSVファイルの名前（例: cs-20261201.csv）を指定してください');
        return { kind: input.kind, asOf: day, ...(input.file ? { file: input.file } : {}) };
    }
  }

  /** Living residents on a day (本登録 only: person_current), optionally in some 町字. */
  async function residents(trx: TenantTx, day: string, townCodes?: string[]): Promise<Resident[]> {
    let q = trx.selectFrom('registry.personCurrent').select(['personId', 'record']).where('municipalityCode', '=', TENANT)
      .where((eb) => eb.or([eb('removedOn', 'is', null), eb('removedOn', '>', day)]));
    if (townCodes?.length) q = q.where('townCode', 'in', townCodes);
    return (await q.execute()).map((r) => ({ personId: r.personId, record: r.record as unknown as PersonRecord }));
  }

  const populationOn = async (trx: TenantTx, day: string): Promise<ReasonCount[]> =>
    (await repo.statistics(trx, day)).rows.map((r) => ({ reasonCode: '', residentKind: r.residentKind, sex: r.sex, persons: r.persons }));

  /** Computes a run's result from its kept parameters. */
  async function compute(trx: TenantTx, p: Record<string, unknown> & { kind: BatchKind }, runId: string, requestedBy: string): Promise<BatchResult> {
    switch (p.kind) {
      case 'cs-consistency': {
        const q = p as unknown as { asOf: string; file?: string };
        const m = (await sql<{ m: string }>`SELECT ${TENANT} AS m`.execute(trx)).rows[0]!.m.trim();
        if (!deps.jukinetInboxDir) throw refuse('cs-extract-not-found', '住基ネットCSの受信フォルダが設定されていません（JICHI_JUKINET_INBOX_DIR）。設定を確認してください');
        const file = await csExtractPath(deps.jukinetInboxDir, m, q.file);
        const cs = await readCsExtract(file);
        const all = await residents(trx, q.asOf);
        const mu = await trx.selectFrom('platform.municipality').select(['prefectureName', 'name']).where('code', '=', m).executeTakeFirst();
        // Every compared resident's record was read: one access-log entry each (the result's persons are logged again when downloaded).
        await accessLog.appendMany(trx, m, all.map((x) => ({ actorType: 'system' as const, actorId: `batch:${requestedBy}`, action: 'registry.batch.compare',
          subjectType: 'person', subjectId: x.personId, purpose: `cs-consistency/${runId}` })));
        return compareWithCs({ asOf: q.asOf, file: path.basename(file) }, all, cs, mu ? `${mu.prefectureName}${mu.name}` : '');
      }
      case 'removed-archive': return archiveRemoved(trx, runId, p as unknown as { through: string });
      case 'removed-purge': {
        const q = p as unknown as { asOf: string; removedBefore: string; purge: boolean };
        // A kept run's limit is checked again against the 150 years (a tampered parameter cannot shorten it).
        return purgeExpired(trx, { ...q, removedBefore: q.removedBefore < retentionLimit(q.asOf) ? q.removedBefore : retentionLimit(q.asOf) });
      }
      case 'annual-report': {
        const { from, to } = p as unknown as { from: string; to: string };
        const counts = (await sql<ReasonCount>`
          SELECT ch.reason_code AS "reasonCode", s.resident_kind AS "residentKind", s.sex, count(*)::int AS persons
          FROM registry.change ch JOIN registry.person_snapshot s ON s.municipality_code = ch.municipality_code AND s.change_id = ch.change_id
          WHERE ch.municipality_code = ${TENANT} AND ch.status = 'final' AND ch.occurred_on >= ${from} AND ch.occurred_on <= ${to}
          GROUP BY 1, 2, 3`.execute(trx)).rows;
        return annualReport({ from, to }, counts, { start: await populationOn(trx, addDays(from, -1)), end: await populationOn(trx, to) });
      }
      case 'immigration-report': {
        const { from, to } = p as unknown as { from: string; to: string };
        const snaps = (await sql<ChangedSnapshot>`
          SELECT s.person_id::text AS "personId", ch.occurred_on AS "occurredOn", ch.reason_code AS "reasonCode", s.record
          FROM registry.change ch JOIN registry.person_snapshot s ON s.municipality_code = ch.municipality_code AND s.change_id = ch.change_id
          WHERE ch.municipality_code = ${TENANT} AND ch.status = 'final' AND ch.occurred_on >= ${from} AND ch.occurred_on <= ${to}
            AND (s.resident_kind = 'foreign' OR s.record ? 'foreign')
          ORDER BY ch.occurred_on, ch.processed_at, s.person_id`.execute(trx)).rows;
        return immigrationReport({ from, to }, snaps);
      }
      case 'inspection-copy': {
        const q = p as unknown as { asOf: string; order: 'address' | 'kana'; townCodes?: string[] };
        const all = await residents(trx, q.asOf, q.townCodes);
        return inspectionCopy(q, all, await personsUnderSupportMeasure(trx, all.map((r) => r.personId), q.asOf));
      }
      case 'guardianship-notices': {
        const { from, to } = p as unknown as { from: string; to: string };
        return guardianshipReport({ from, to }, await guardianshipPersons(trx));
      }
      case 'random-extraction': {
        const q = p as unknown as { asOf: string; count: number; seed: string; ageFrom?: number; ageTo?: number; sex?: 'male' | 'female'; townCodes?: string[] };
        const all = await residents(trx, q.asOf, q.townCodes);
        return randomExtraction(q, all, await personsUnderSupportMeasure(trx, all.map((r) => r.personId), q.asOf));
      }
    }
  }

  /** Executes the oldest queued run of the caller's municipality; false when none was queued. */
  async function runOne(m: string): Promise<boolean> {
    return withTenant(db, m, async (trx) => {
      const run = await trx.selectFrom('registry.batchRun').select(['runId', 'kind', 'parameters', 'requestedBy']).where('municipalityCode', '=', TENANT)
        .where('status', '=', 'queued').orderBy('requestedAt').limit(1).forUpdate().skipLocked().executeTakeFirst();
      if (!run) return false;
      const key = (q: ReturnType<typeof trx.updateTable<'registry.batchRun'>>) => q.where('municipalityCode', '=', TENANT).where('runId', '=', run.runId);
      try {
        const r = await inSavepoint(trx, 'batch_run', () => compute(trx, run.parameters as Record<string, unknown> & { kind: BatchKind }, run.runId, run.requestedBy));
        await key(trx.updateTable('registry.batchRun').set({
          status: 'done', finishedAt: sql`now()`, summary: JSON.stringify(r.summary), alerts: JSON.stringify(r.alerts), resultRows: JSON.stringify(r.rows), personIds: r.personIds,
        })).execute();
        // The extraction read these persons' records: logged against each, as the system on the requester's behalf.
        await accessLog.appendMany(trx, m, r.personIds.map((personId) => ({ actorType: 'system' as const, actorId: `batch:${run.requestedBy}`, action: 'registry.batch.extract',
          subjectType: 'person', subjectId: personId, purpose: `${run.kind}/${run.runId}` })));
      } catch (e) {
        const message = e instanceof DomainError ? e.title : '処理中にエラーが発生しました。条件を確認して再度実行してください';
        await key(trx.updateTable('registry.batchRun').set({ status: 'failed', finishedAt: sql`now()`, error: message,
          alerts: JSON.stringify([{ code: 'batch-failed', message }] satisfies BatchAlert[]) })).execute();
      }
      return true;
    });
  }

  const present = (r: { runId: string; kind: string; parameters: unknown; status: string; requestedByName: string; requestedAt: Date | string; finishedAt: Date | string | null;
    summary: unknown; alerts: unknown; error: string | null; rowCount?: number | string | null }) => ({
    runId: r.runId, kind: r.kind as BatchKind, label: BATCH_LABELS[r.kind as BatchKind] ?? r.kind, parameters: r.parameters as Record<string, unknown>, status: r.status as 'queued' | 'done' | 'failed',
    requestedByName: r.requestedByName, requestedAt: new Date(r.requestedAt).toISOString(), finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
    summary: r.summary as Record<string, number | string>, alerts: r.alerts as BatchAlert[], error: r.error, rowCount: Number(r.rowCount ?? 0),
  });
  const COLUMNS = ['runId', 'kind', 'parameters', 'status', 'requestedByName', 'requestedAt', 'finishedAt', 'summary', 'alerts', 'error'] as const;

  const SCHEDULE_COLUMNS = ['scheduleId', 'kind', 'parameters', 'frequency', 'nextRunOn', 'active', 'lastRunId', 'lastRunOn', 'previousParameters',
    'parametersChangedAt', 'createdByName', 'createdAt', 'updatedAt'] as const;
  const presentSchedule = (r: { scheduleId: string; kind: string; parameters: unknown; frequency: unknown; nextRunOn: string | Date; active: boolean; lastRunId: string | null;
    lastRunOn: string | Date | null; previousParameters: unknown; parametersChangedAt: Date | string | null; createdByName: string; createdAt: Date | string; updatedAt: Date | string }) => ({
    scheduleId: r.scheduleId, kind: r.kind as BatchKind, label: BATCH_LABELS[r.kind as BatchKind] ?? r.kind, parameters: r.parameters as Record<string, unknown>,
    frequency: r.frequency as BatchFrequency, nextRunOn: dayText(r.nextRunOn), active: r.active, lastRunId: r.lastRunId, lastRunOn: r.lastRunOn ? dayText(r.lastRunOn) : null,
    previousParameters: (r.previousParameters ?? null) as Record<string, unknown> | null, parametersChangedAt: r.parametersChangedAt ? new Date(r.parametersChangedAt).toISOString() : null,
    createdByName: r.createdByName, createdAt: new Date(r.createdAt).toISOString(), updatedAt: new Date(r.updatedAt).toISOString(),
  });
  const firstDay = (f: BatchFrequency, day: string) => {
    const d = firstRunOn(f, day);
    if (!d) throw refuse('batch-schedule-date-past', '実行日が過去の日付です。本日以降の日付を指定してください');
    return d;
  };

  /**
   * Requests the run of every due schedule of a municipality (active, next_run_on on or before today), one schedule per
   * transaction: the row is locked FOR UPDATE SKIP LOCKED, the run inserted (as a staff request would be, the schedule's
   * id kept in its parameters; a refused parameter makes a failed run with the refusal) and next_run_on advanced.
   */
  async function runSchedulesOf(m: string, day: string): Promise<number> {
    let made = 0;
    for (;;) {
      const done = await withTenant(db, m, async (trx) => {
        const s = await trx.selectFrom('registry.batchSchedule').select(['scheduleId', 'kind', 'parameters', 'frequency', 'updatedBy', 'createdByName'])
          .where('municipalityCode', '=', TENANT).where('active', '=', true).where('nextRunOn', '<=', day).orderBy('nextRunOn').limit(1).forUpdate().skipLocked().executeTakeFirst();
        if (!s) return false;
        const runId = crypto.randomUUID();
        let parameters: Record<string, unknown> & { kind: BatchKind } = { ...(s.parameters as Record<string, unknown>), kind: s.kind as BatchKind };
        let failure: DomainError | undefined;
        try {
          parameters = resolve(s.parameters as BatchRunRequest, day);
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          failure = e;
        }
        await trx.insertInto('registry.batchRun').values({
          municipalityCode: m, runId, kind: s.kind, parameters: JSON.stringify({ ...parameters, scheduleId: s.scheduleId }), requestedBy: s.updatedBy,
          requestedByName: `定期実行（${s.createdByName}）`,
          ...(failure ? { status: 'failed', finishedAt: sql`now()`, error: failure.title, alerts: JSON.stringify([{ code: failure.code, message: failure.title }] satisfies BatchAlert[]) } : {}),
        }).execute();
        const next = nextRunAfter(s.frequency as BatchFrequency, day);
        await trx.updateTable('registry.batchSchedule').set({ nextRunOn: next ?? day, active: next !== undefined, lastRunId: runId, lastRunOn: day })
          .where('municipalityCode', '=', TENANT).where('scheduleId', '=', s.scheduleId).execute();
        await accessLog.append(trx, m, { actorType: 'system', actorId: `batch:${s.updatedBy}`, action: 'registry.batch.request', subjectType: 'batch-run', subjectId: runId,
          purpose: `${s.kind}/schedule/${s.scheduleId}` });
        return true;
      });
      if (!done) return made;
      made++;
    }
  }

  return {
    /**
     * Requests a run (queued; the scheduler runs it within a minute). The parameters are kept with every default
     * filled in. @throws ForbiddenError without 'registry:batch'; DomainError batch-period-invalid and the like
     */
    async requestBatchRun(actor: Actor, input: BatchRunRequest, ctx: { clientIp: string; requestId: string }) {
      assertAllowed(actor, 'registry:batch');
      const parameters = resolve(input, today());
      const runId = crypto.randomUUID();
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const row = await trx.insertInto('registry.batchRun').values({
          municipalityCode: actor.municipalityCode, runId, kind: parameters.kind, parameters: JSON.stringify(parameters), requestedBy: actor.staffId, requestedByName: actor.displayName,
        }).returning(COLUMNS).executeTakeFirstOrThrow();
        await accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'registry.batch.request', subjectType: 'batch-run', subjectId: runId,
          purpose: parameters.kind, ...ctx });
        return present(row);
      });
    },

    /** The periodic task: every municipality's queued runs, oldest first (at most `max` per call). */
    async runBatches(max = 20) {
      const day = today();
      const scheduled = (await sql<{ m: string }>`SELECT DISTINCT municipality_code AS m FROM registry.batch_schedule WHERE active AND next_run_on <= ${day} ORDER BY 1`.execute(db.owner)).rows.map((r) => r.m.trim());
      let requested = 0;
      for (const m of scheduled) requested += await runSchedulesOf(m, day);
      const due = (await sql<{ m: string }>`SELECT DISTINCT municipality_code AS m FROM registry.batch_run WHERE status = 'queued' ORDER BY 1`.execute(db.owner)).rows.map((r) => r.m.trim());
      let ran = 0;
      for (const m of due) {
        while (ran < max && (await runOne(m))) ran++;
      }
      return { ran, requested };
    },

    /**
     * Adds a recurring schedule: the kind's parameters are checked as a run request's are, the first run day is the
     * first matching day from today. @throws DomainError batch-schedule-date-past, batch-period-invalid and the like
     */
    async createBatchSchedule(actor: Actor, input: { run: BatchRunRequest; frequency: BatchFrequency; active?: boolean }, ctx: { clientIp: string; requestId: string }) {
      assertAllowed(actor, 'registry:batch');
      const day = today();
      resolve(input.run, day);
      const nextRunOn = firstDay(input.frequency, day);
      const scheduleId = crypto.randomUUID();
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const row = await trx.insertInto('registry.batchSchedule').values({
          municipalityCode: actor.municipalityCode, scheduleId, kind: input.run.kind, parameters: JSON.stringify(input.run), frequency: JSON.stringify(input.frequency),
          nextRunOn, active: input.active ?? true, createdBy: actor.staffId, createdByName: actor.displayName, updatedBy: actor.staffId,
        }).returning(SCHEDULE_COLUMNS).executeTakeFirstOrThrow();
        await accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'registry.batch.schedule', subjectType: 'batch-schedule', subjectId: scheduleId,
          purpose: input.run.kind, ...ctx });
        return presentSchedule(row);
      });
    },

    /**
     * Changes a schedule's parameters (same kind), frequency or active flag. A change of the parameters is marked
     * (when, by whom, the previous ones). @throws DomainError batch-schedule-not-found, batch-schedule-kind-changed, …
     */
    async updateBatchSchedule(actor: Actor, scheduleId: string, input: { run?: BatchRunRequest; frequency?: BatchFrequency; active?: boolean }, ctx: { clientIp: string; requestId: string }) {
      assertAllowed(actor, 'registry:batch');
      const day = today();
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const s = await trx.selectFrom('registry.batchSchedule').select(['kind', 'parameters', 'frequency', 'active']).where('municipalityCode', '=', TENANT)
          .where('scheduleId', '=', scheduleId).forUpdate().executeTakeFirst();
        if (!s) throw refuse('batch-schedule-not-found', '定期実行の設定が見つかりません', 404);
        if (input.run && input.run.kind !== s.kind) throw refuse('batch-schedule-kind-changed', '定期実行の処理の種類は変更できません。新しい設定を追加してください');
        if (input.run) resolve(input.run, day);
        const changed = input.run !== undefined && JSON.stringify(input.run) !== JSON.stringify(s.parameters);
        const frequency = input.frequency ?? (s.frequency as BatchFrequency);
        const active = input.active ?? s.active;
        const reschedule = input.frequency !== undefined || (active && !s.active);
        const row = await trx.updateTable('registry.batchSchedule').set({
          frequency: JSON.stringify(frequency), active, updatedBy: actor.staffId, updatedAt: sql`now()`,
          ...(reschedule && active ? { nextRunOn: firstDay(frequency, day) } : {}),
          ...(changed ? { parameters: JSON.stringify(input.run), previousParameters: JSON.stringify(s.parameters), parametersChangedAt: sql`now()`, parametersChangedBy: actor.staffId } : {}),
        }).where('municipalityCode', '=', TENANT).where('scheduleId', '=', scheduleId).returning(SCHEDULE_COLUMNS).executeTakeFirstOrThrow();
        await accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'registry.batch.schedule', subjectType: 'batch-schedule', subjectId: scheduleId,
          purpose: changed ? `${s.kind}/parameters-changed` : s.kind, ...ctx });
        return presentSchedule(row);
      });
    },

    /** The municipality's schedules, next run first. */
    async listBatchSchedules(actor: Actor) {
      assertAllowed(actor, 'registry:batch');
      return withTenant(db, actor.municipalityCode, async (trx) =>
        (await trx.selectFrom('registry.batchSchedule').select(SCHEDULE_COLUMNS).where('municipalityCode', '=', TENANT).orderBy('active', 'desc').orderBy('nextRunOn').orderBy('createdAt').execute()).map(presentSchedule));
    },

    /** The latest runs (without their rows). */
    async listBatchRuns(actor: Actor, opts: { kind?: BatchKind; limit?: number } = {}) {
      assertAllowed(actor, 'registry:batch');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        let q = trx.selectFrom('registry.batchRun').select([...COLUMNS, sql<number>`jsonb_array_length(result_rows)`.as('rowCount')]).where('municipalityCode', '=', TENANT);
        if (opts.kind) q = q.where('kind', '=', opts.kind);
        return (await q.orderBy('requestedAt', 'desc').limit(Math.min(opts.limit ?? 50, 200)).execute()).map(present);
      });
    },

    /** One run without its rows. @throws DomainError batch-run-not-found */
    async getBatchRun(actor: Actor, runId: string) {
      assertAllowed(actor, 'registry:batch');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const r = await trx.selectFrom('registry.batchRun').select([...COLUMNS, sql<number>`jsonb_array_length(result_rows)`.as('rowCount')])
          .where('municipalityCode', '=', TENANT).where('runId', '=', runId).executeTakeFirst();
        if (!r) throw refuse('batch-run-not-found', 'バッチ処理の実行記録が見つかりません', 404);
        return present(r);
      });
    },

    /**
     * A run's result as a file: CSV, or 宛名ラベル (PDF) of a random extraction. Every person in it is access-logged.
     * @throws DomainError batch-run-not-found, batch-run-not-done (queued or failed), batch-labels-unavailable
     */
    async downloadBatchRun(actor: Actor, runId: string, format: 'csv' | 'labels', ctx: { clientIp: string; requestId: string }) {
      assertAllowed(actor, 'registry:batch');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const r = await trx.selectFrom('registry.batchRun').select(['runId', 'kind', 'status', 'resultRows', 'personIds', 'finishedAt', 'requestedAt'])
          .where('municipalityCode', '=', TENANT).where('runId', '=', runId).executeTakeFirst();
        if (!r) throw refuse('batch-run-not-found', 'バッチ処理の実行記録が見つかりません', 404);
        if (r.status !== 'done') throw refuse('batch-run-not-done', r.status === 'queued' ? 'このバッチ処理はまだ実行されていません。しばらくしてから再度ダウンロードしてください' : 'このバッチ処理は失敗しました。実行記録のエラーを確認し、もう一度実行してください', 409);
        const kind = r.kind as BatchKind;
        if (format === 'labels' && kind !== 'random-extraction') throw refuse('batch-labels-unavailable', '宛名ラベルは無作為抽出の結果だけで作成できます');
        const rows = r.resultRows as unknown as ResultRow[];
        const ids = r.personIds ?? [];
        await accessLog.appendMany(trx, actor.municipalityCode, ids.map((personId) => ({ actorType: 'staff' as const, actorId: actor.staffId, action: 'registry.batch.download',
          subjectType: 'person', subjectId: personId, purpose: `${kind}/${format}`, ...ctx })));
        if (ids.length === 0) {
          await accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action: 'registry.batch.download', subjectType: 'batch-run', subjectId: runId, purpose: `${kind}/${format}`, ...ctx });
        }
        const day = new Date(r.finishedAt ?? r.requestedAt).toISOString().slice(0, 10).replace(/-/g, '');
        if (format === 'labels') return { body: await labelsPdf(rows, new Date(r.finishedAt ?? r.requestedAt), BATCH_LABELS[kind]), contentType: 'application/pdf', filename: `${kind}-${day}-labels.pdf` };
        return { body: batchCsv(rows, BATCH_COLUMNS[kind]), contentType: 'text/csv; charset=utf-8', filename: `${kind}-${day}.csv` };
      });
    },
  };
}
