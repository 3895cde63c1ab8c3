// SPDX-License-Identifier: EUPL-1.2
/**
 * HTTP of the registry's batch runs under /api/v1 (mounted by registry.routes.ts): request a run (queued for the
 * scheduler), list runs, read one, download its result (CSV, or 宛名ラベル PDF of a random extraction).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isCalendarDate, parseLegalDate } from '../../../platform/dates/jp-date.ts';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { requireStaff } from '../../../platform/http/middleware.ts';
import { problems, staffSecurity } from '../../../platform/http/openapi.ts';
import type { RegistryService } from '../registry.service.ts';
import { BATCH_KINDS } from './batch-reports.ts';

const Day = z.string().max(40).transform((v, ctx) => {
  try {
    const d = parseLegalDate(v);
    if (d.precision === 'day' && !d.text && isCalendarDate(d.sortKey)) return d.sortKey;
  } catch { /* reported below */ }
  ctx.addIssue({ code: 'custom', message: '日付が正しくありません（例: 令和7年4月1日、2025-04-01）' });
  return z.NEVER;
}).openapi({ description: '日付（西暦 YYYY-MM-DD 又は和暦「令和7年4月1日」）' });
const TownCodes = z.array(z.string().regex(/^\d{7}$/)).max(500).optional().openapi({ description: '町字コード（GET /registry-towns）。省略時は全域' });

export const BatchRunInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('annual-report'), from: Day.optional(), to: Day.optional() })
    .openapi({ description: '住民基本台帳関係年報（人口動態: 転入・出生・転出・死亡・その他、期首・期末人口）。期間の既定は前年1月1日〜12月31日' }),
  z.object({ kind: z.literal('immigration-report'), from: Day.optional(), to: Day.optional() })
    .openapi({ description: '出入国在留管理庁への定期報告（外国人住民の異動、法第30条の45の事項）。期間の既定は前月' }),
  z.object({ kind: z.literal('inspection-copy'), order: z.enum(['address', 'kana']).optional(), townCodes: TownCodes })
    .openapi({ description: '閲覧用写し（氏名・出生の年月日・男女の別・住所、住所順又はフリガナ順）。DV等支援措置の対象者は除く' }),
  z.object({ kind: z.literal('guardianship-notices'), from: Day.optional(), to: Day.optional() })
    .openapi({ description: '成年被後見人に関する通知: 期間中に効力の生じた後見開始・終了の一覧（選挙管理委員会へ）と、期間中に転出した成年被後見人の転出先への通知。期間の既定は前月' }),
  z.object({
    kind: z.literal('random-extraction'), count: z.number().int().min(1).max(100_000), ageFrom: z.number().int().min(0).max(150).optional(), ageTo: z.number().int().min(0).max(150).optional(),
    sex: z.enum(['male', 'female']).optional(), townCodes: TownCodes, seed: z.string().regex(/^[0-9A-Za-z-]{1,64}$/).optional(),
  }).openapi({ description: '無作為抽出（件数・年齢・性別・町字で絞り込み、宛名ラベル）。seed を同じにすると同じ抽出になる（省略時は記録される乱数）' }),
  z.object({ kind: z.literal('removed-archive'), through: Day.optional() })
    .openapi({ description: '除票DBへの移動（年次）: 基準日以前に消除された除票を除票DBへ移す（既定は前年12月31日）。移した除票も検索（除票を含む）・除票の写し・履歴の対象。2回目は何も移さない' }),
  z.object({ kind: z.literal('removed-purge'), purge: z.boolean().optional() })
    .openapi({ description: '保存期間（消除から150年）を経過した除票の一覧。purge: true で消去（150年未満の除票は消去されない）' }),
  z.object({ kind: z.literal('cs-consistency'), file: z.string().max(104).optional().openapi({ description: '受信フォルダ（JICHI_JUKINET_INBOX_DIR/<市区町村コード>/）にあるCSの本人確認情報ファイルの名前。省略時は cs-*.csv の最新' }) })
    .openapi({ description: '住基ネットCSとの整合性確認（月次に要求）: CSの本人確認情報（CSV: 住民票コード,氏名,氏名フリガナ,生年月日,性別,住所,個人番号の有無）と住民の氏名・生年月日・性別・住所を照合し、一方にしかない者と不一致の項目を1件1行で出す' }),
]).openapi('RegistryBatchRunInput');

export const BatchRunView = z.object({
  runId: z.string().uuid(), kind: z.enum(BATCH_KINDS), label: z.string().openapi({ description: '処理の名前' }),
  parameters: z.record(z.string(), z.unknown()).openapi({ description: '実行条件（既定値を補ったもの）' }),
  status: z.enum(['queued', 'done', 'failed']).openapi({ description: 'queued 待機中（スケジューラが1分以内に実行）, done 完了, failed 失敗' }),
  requestedByName: z.string(), requestedAt: z.string(), finishedAt: z.string().nullable(),
  summary: z.record(z.string(), z.union([z.number(), z.string()])).openapi({ description: '件数等の集計' }),
  alerts: z.array(z.object({ code: z.string(), message: z.string() })).openapi({ description: '警告（コードと日本語の説明）' }),
  error: z.string().nullable(), rowCount: z.number().int().openapi({ description: '結果の行数' }),
}).openapi('RegistryBatchRun');

export const BatchFrequencyInput = z.discriminatedUnion('every', [
  z.object({ every: z.literal('once'), on: Day }).openapi({ description: '日付指定（1回）' }),
  z.object({ every: z.literal('daily') }).openapi({ description: '毎日' }),
  z.object({ every: z.literal('weekly'), weekday: z.number().int().min(0).max(6).openapi({ description: '曜日（0 日曜日 〜 6 土曜日）' }) }).openapi({ description: '毎週' }),
  z.object({ every: z.literal('monthly'), day: z.number().int().min(1).max(31).openapi({ description: '日（その日がない月は末日）' }) }).openapi({ description: '毎月' }),
  z.object({ every: z.literal('month-end') }).openapi({ description: '毎月末日' }),
  z.object({ every: z.literal('yearly'), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }).openapi({ description: '毎年（月・日）' }),
]).openapi('RegistryBatchFrequency');

export const BatchScheduleView = z.object({
  scheduleId: z.string().uuid(), kind: z.enum(BATCH_KINDS), label: z.string(),
  parameters: z.record(z.string(), z.unknown()).openapi({ description: '記憶された実行条件（実行時に既定値を補う）' }),
  frequency: BatchFrequencyInput, nextRunOn: z.string().openapi({ description: '次回実行日（日本の日付）' }), active: z.boolean(),
  lastRunId: z.string().uuid().nullable(), lastRunOn: z.string().nullable(),
  previousParameters: z.record(z.string(), z.unknown()).nullable().openapi({ description: '変更前の実行条件（条件が変更された場合）' }),
  parametersChangedAt: z.string().nullable().openapi({ description: '実行条件の変更日時（変更の印）' }),
  createdByName: z.string(), createdAt: z.string(), updatedAt: z.string(),
}).openapi('RegistryBatchSchedule');

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const tags = ['registry-batch'];
const RunParams = z.object({ runId: z.string().uuid() });

/** Adds the batch routes to the registry router. */
export function mountBatchRoutes(app: OpenAPIHono<AppEnv>, svc: RegistryService, ctx: (c: Context<AppEnv>) => { clientIp: string; requestId: string }) {
  app.use('/registry-batch-runs', requireStaff());
  app.use('/registry-batch-runs/*', requireStaff());

  app.use('/registry-batch-schedules', requireStaff());
  app.use('/registry-batch-schedules/*', requireStaff());

  app.openapi(createRoute({
    method: 'post', path: '/registry-batch-schedules', tags, security: staffSecurity,
    summary: 'Add a recurring batch schedule (日付指定, 毎日, 毎週, 毎月, 月末, 毎年): the scheduler requests a run with the remembered parameters on each run day',
    request: { body: { content: { 'application/json': { schema: z.object({ run: BatchRunInput, frequency: BatchFrequencyInput, active: z.boolean().optional() }) } }, required: true } },
    responses: { 201: json(BatchScheduleView, 'Added'), ...problems(400, 401, 403, 422) },
  }), async (c) => c.json(await svc.createBatchSchedule(c.var.actor, c.req.valid('json'), ctx(c)) as z.infer<typeof BatchScheduleView>, 201));

  app.openapi(createRoute({
    method: 'put', path: '/registry-batch-schedules/{scheduleId}', tags, security: staffSecurity,
    summary: 'Change a schedule\'s parameters (marked as changed, the previous ones kept), frequency or active flag',
    request: { params: z.object({ scheduleId: z.string().uuid() }),
      body: { content: { 'application/json': { schema: z.object({ run: BatchRunInput.optional(), frequency: BatchFrequencyInput.optional(), active: z.boolean().optional() }) } }, required: true } },
    responses: { 200: json(BatchScheduleView, 'Changed'), ...problems(400, 401, 403, 404, 422) },
  }), async (c) => c.json(await svc.updateBatchSchedule(c.var.actor, c.req.valid('param').scheduleId, c.req.valid('json'), ctx(c)) as z.infer<typeof BatchScheduleView>, 200));

  app.openapi(createRoute({
    method: 'get', path: '/registry-batch-schedules', tags, security: staffSecurity, summary: 'The recurring batch schedules with their next run day and last parameter change',
    responses: { 200: json(z.object({ items: z.array(BatchScheduleView) }), 'Schedules'), ...problems(401, 403) },
  }), async (c) => c.json({ items: await svc.listBatchSchedules(c.var.actor) as Array<z.infer<typeof BatchScheduleView>> }, 200));

  app.openapi(createRoute({
    method: 'post', path: '/registry-batch-runs', tags, security: staffSecurity,
    summary: 'Request a batch run (年報, 入管への定期報告, 閲覧用写し, 無作為抽出): queued with its parameters; the scheduler runs it',
    request: { body: { content: { 'application/json': { schema: BatchRunInput } }, required: true } },
    responses: { 202: json(BatchRunView, 'Queued'), ...problems(400, 401, 403, 422) },
  }), async (c) => c.json(await svc.requestBatchRun(c.var.actor, c.req.valid('json'), ctx(c)) as z.infer<typeof BatchRunView>, 202));

  app.openapi(createRoute({
    method: 'get', path: '/registry-batch-runs', tags, security: staffSecurity, summary: 'The latest batch runs with their parameters, summaries and alerts',
    request: { query: z.object({ kind: z.enum(BATCH_KINDS).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }) },
    responses: { 200: json(z.object({ items: z.array(BatchRunView) }), 'Runs'), ...problems(400, 401, 403) },
  }), async (c) => c.json({ items: await svc.listBatchRuns(c.var.actor, c.req.valid('query')) as Array<z.infer<typeof BatchRunView>> }, 200));

  app.openapi(createRoute({
    method: 'get', path: '/registry-batch-runs/{runId}', tags, security: staffSecurity, summary: 'One batch run (without its rows)',
    request: { params: RunParams },
    responses: { 200: json(BatchRunView, 'The run'), ...problems(401, 403, 404) },
  }), async (c) => c.json(await svc.getBatchRun(c.var.actor, c.req.valid('param').runId) as z.infer<typeof BatchRunView>, 200));

  app.openapi(createRoute({
    method: 'get', path: '/registry-batch-runs/{runId}/result', tags, security: staffSecurity,
    summary: 'A run\'s result: CSV (formula-safe), or 宛名ラベル (PDF, random extraction); every person in it is access-logged',
    request: { params: RunParams, query: z.object({ format: z.enum(['csv', 'labels']).optional() }) },
    responses: { 200: { description: 'The file', content: { 'text/csv': { schema: z.string() }, 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }, ...problems(401, 403, 404, 409, 422) },
  }), async (c) => {
    const f = await svc.downloadBatchRun(c.var.actor, c.req.valid('param').runId, c.req.valid('query').format ?? 'csv', ctx(c));
    return c.body(typeof f.body === 'string' ? f.body : (f.body as unknown as ArrayBuffer), 200, { 'content-type': f.contentType, 'content-disposition': `attachment; filename="${f.filename}"` });
  });
}
