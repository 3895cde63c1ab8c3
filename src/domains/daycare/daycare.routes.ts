// SPDX-License-Identifier: EUPL-1.2
/** HTTP of the daycare office (保育所等利用調整) under /api/v1: validate, call the services, present. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { requireStaff } from '../../platform/http/middleware.ts';
import { createRouter, problems, staffSecurity } from '../../platform/http/openapi.ts';
import type { DaycareResultsService } from './daycare-results.service.ts';
import { filterApplications, presentApplication, presentResult, presentRound } from './daycare.presenter.ts';
import {
  ApplicationCorrection, ApplicationQuery, ApplicationView, ChildParams, ComparisonView, CsvImportView, CutoffView, ExplanationView, FacilityInput,
  FacilityParams, FacilityView, GeneratedRoundInput, HouseholdInput, ResultView, RoundInput, RoundParams, RoundView,
  WhatIfInput, WhatIfView,
} from './daycare.schema.ts';
import type { DaycareService } from './daycare.service.ts';
import { summariseResult } from './round-summary.ts';

const tags = ['daycare'];
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const ctx = (c: Context<AppEnv>) => ({ clientIp: c.var.clientIp, requestId: c.var.requestId });

/** Mounts the daycare routes. */
export function daycareRoutes(services: { daycare: DaycareService; daycareResults: DaycareResultsService }) {
  const { daycare, daycareResults: results } = services;
  const app = createRouter();
  for (const p of ['/daycare-rounds', '/daycare-rounds/*', '/daycare-demo-rounds', '/daycare-round-imports']) app.use(p, requireStaff());

  app.openapi(createRoute({
    method: 'get', path: '/daycare-rounds', tags, summary: '利用調整の回の一覧 (daycare allocation rounds)', security: staffSecurity,
    responses: { 200: json(z.object({ items: z.array(RoundView) }), 'Rounds, newest first'), ...problems(401, 403) },
  }), async (c) => c.json({ items: (await daycare.listRounds(c.var.actor)).map(presentRound) }, 200));

  app.openapi(createRoute({
    method: 'post', path: '/daycare-rounds', tags, summary: '回の作成 (一次, or 二次 from a confirmed round whose offers stay frozen)', security: staffSecurity,
    request: { body: { content: { 'application/json': { schema: RoundInput } }, required: true } },
    responses: { 201: json(RoundView, 'Created'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => {
    const round = await daycare.createRound(c.var.actor, c.req.valid('json'));
    return c.json(presentRound(await daycare.getRound(c.var.actor, round.roundId)), 201);
  });

  app.openapi(createRoute({
    method: 'post', path: '/daycare-demo-rounds', tags, summary: 'デモ用の回を生成 (synthetic round from the engine generator)', security: staffSecurity,
    request: { body: { content: { 'application/json': { schema: GeneratedRoundInput } }, required: true } },
    responses: { 201: json(RoundView, 'Created'), ...problems(400, 401, 403, 409) },
  }), async (c) => {
    const round = await daycare.generateRound(c.var.actor, c.req.valid('json'));
    return c.json(presentRound(await daycare.getRound(c.var.actor, round.roundId)), 201);
  });

  app.openapi(createRoute({
    method: 'post', path: '/daycare-round-imports', tags, summary: '入出力形式v1の選考データから回を作成 (import an exported request)', security: staffSecurity,
    request: { body: { content: { 'application/json': { schema: z.object({ name: z.string().min(1).max(100), roundId: RoundParams.shape.roundId.optional(), request: z.record(z.string(), z.unknown()) }) } }, required: true } },
    responses: { 201: json(RoundView, 'Created'), ...problems(400, 401, 403, 409, 413, 422) },
  }), async (c) => {
    const body = c.req.valid('json');
    const round = await daycare.importRound(c.var.actor, body.name, body.request, body.roundId);
    return c.json(presentRound(await daycare.getRound(c.var.actor, round.roundId)), 201);
  });

  app.openapi(createRoute({
    method: 'get', path: '/daycare-rounds/{roundId}', tags, summary: '回の詳細', security: staffSecurity,
    request: { params: RoundParams },
    responses: { 200: json(RoundView, 'The round'), ...problems(401, 403, 404) },
  }), async (c) => c.json(presentRound(await daycare.getRound(c.var.actor, c.req.valid('param').roundId)), 200));

  app.openapi(createRoute({
    method: 'post', path: '/daycare-rounds/{roundId}/confirmations', tags, summary: '選考結果の決定 (freezes the round and its offers)', security: staffSecurity,
    request: { params: RoundParams },
    responses: { 204: { description: 'Confirmed' }, ...problems(401, 403, 404, 409) },
  }), async (c) => {
    await daycare.confirmRound(c.var.actor, c.req.valid('param').roundId, ctx(c));
    return c.body(null, 204);
  });

  app.openapi(createRoute({
    method: 'get', path: '/daycare-rounds/{roundId}/facilities', tags, summary: '施設と年齢クラス別の募集人数', security: staffSecurity,
    request: { params: RoundParams },
    responses: { 200: json(z.object({ items: z.array(FacilityView) }), 'Facilities in published order'), ...problems(401, 403, 404) },
  }), async (c) => c.json({ items: await daycare.listFacilities(c.var.actor, c.req.valid('param').roundId) }, 200));

  app.openapi(createRoute({
    method: 'put', path: '/daycare-rounds/{roundId}/facilities/{facilityId}', tags, summary: '施設の登録・募集人数の変更', security: staffSecurity,
    request: { params: FacilityParams, body: { content: { 'application/json': { schema: FacilityInput } }, required: true } },
    responses: { 200: json(FacilityView, 'Changed'), 201: json(FacilityView, 'Created'), ...problems(400, 401, 403, 404, 409) },
  }), async (c) => {
    const { roundId, facilityId } = c.req.valid('param');
    const body = c.req.valid('json');
    const { created } = await daycare.putFacility(c.var.actor, roundId, facilityId, body);
    return c.json({ facilityId, name: body.name, seats: body.seats }, created ? 201 : 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/daycare-rounds/{roundId}/applications', tags, summary: '申込の一覧（指数の内訳・結果付き）; the read is access-logged', security: staffSecurity,
    request: { params: RoundParams, query: ApplicationQuery },
    responses: { 200: json(z.object({ total: z.number().int(), items: z.array(ApplicationView) }), 'Applications'), ...problems(400, 401, 403, 404) },
  }), async (c) => {
    const { households, run, declines } = await daycare.listApplications(c.var.actor, c.req.valid('param').roundId, ctx(c));
    return c.json(filterApplications(households, run, c.req.valid('query'), declines), 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/daycare-rounds/{roundId}/applications', tags, summary: '申込の登録（1世帯）', security: staffSecurity,
    request: { params: RoundParams, body: { content: { 'application/json': { schema: HouseholdInput } }, required: true } },
    responses: { 201: json(z.object({ items: z.array(ApplicationView) }), 'Created'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => {
    const h = await daycare.addHousehold(c.var.actor, c.req.valid('param').roundId, c.req.valid('json'), ctx(c));
    return c.json({ items: h.children.map((ch) => presentApplication(h, ch, undefined)) }, 201);
  });

  app.openapi(createRoute({
    method: 'get', path: '/daycare-rounds/{roundId}/applications/{childId}', tags, summary: '申込1件（指数の内訳）; the read is access-logged', security: staffSecurity,
    request: { params: ChildParams },
    responses: { 200: json(ApplicationView, 'The application'), ...problems(401, 403, 404) },
  }), async (c) => {
    const { roundId, childId } = c.req.valid('param');
    const { household, child, run, declinedAt } = await daycare.getApplication(c.var.actor, roundId, childId, ctx(c));
    return c.json(presentApplication(household, child, run?.result.assignments.find((a) => a.childId === childId), declinedAt), 200);
  });

  app.openapi(createRoute({
    method: 'put', path: '/daycare-rounds/{roundId}/applications/{childId}', tags,
    summary: '申込の修正（1児童の申込を置き換える。決定前のみ。選考済みなら再実行が必要）', security: staffSecurity,
    request: { params: ChildParams, body: { content: { 'application/json': { schema: ApplicationCorrection } }, required: true } },
    responses: { 200: json(ApplicationView, 'Corrected'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => {
    const { roundId, childId } = c.req.valid('param');
    const h = await daycare.correctApplication(c.var.actor, roundId, childId, c.req.valid('json'), ctx(c));
    return c.json(presentApplication(h, h.children.find((ch) => ch.childId === childId)!, undefined), 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/daycare-rounds/{roundId}/applications/{childId}/withdrawals', tags,
    summary: '申込の取下げ（記録は残し、選考・書き出しから除く。決定前のみ）', security: staffSecurity,
    request: { params: ChildParams },
    responses: { 204: { description: 'Withdrawn' }, ...problems(401, 403, 404, 409) },
  }), async (c) => {
    const { roundId, childId } = c.req.valid('param');
    await daycare.withdrawApplication(c.var.actor, roundId, childId, ctx(c));
    return c.body(null, 204);
  });

  app.openapi(createRoute({
    method: 'post', path: '/daycare-rounds/{roundId}/applications/{childId}/declines', tags,
    summary: '内定の辞退の記録（決定済みの回。以後に作る二次の回では席が戻り、児童は引き継がれない）', security: staffSecurity,
    request: { params: ChildParams },
    responses: { 201: json(z.object({ childId: z.string(), declinedAt: z.string() }), 'Recorded'), ...problems(401, 403, 404, 409) },
  }), async (c) => {
    const { roundId, childId } = c.req.valid('param');
    const { declinedAt } = await daycare.declineOffer(c.var.actor, roundId, childId, ctx(c));
    return c.json({ childId, declinedAt: declinedAt.toISOString() }, 201);
  });

  app.openapi(createRoute({
    method: 'post', path: '/daycare-rounds/{roundId}/application-imports', tags,
    summary: 'CSVによる申込の一括取込（全行検証、1行でも誤りがあれば何も登録しない）', security: staffSecurity,
    request: {
      params: RoundParams, query: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
      body: { content: { 'text/csv': { schema: z.string().openapi({ description: 'UTF-8 CSV with a header line (see the daycare README)' }) } }, required: true },
    },
    responses: { 201: json(CsvImportView, 'Imported'), 200: json(CsvImportView, 'Dry run: valid, nothing stored'), ...problems(400, 401, 403, 404, 409, 413, 422) },
  }), async (c) => {
    const dryRun = c.req.valid('query').dryRun === 'true';
    const report = await daycare.importApplications(c.var.actor, c.req.valid('param').roundId, new Uint8Array(await c.req.arrayBuffer()), { dryRun }, ctx(c));
    return c.json(report, dryRun ? 200 : 201);
  });

  app.openapi(createRoute({
    method: 'post', path: '/daycare-rounds/{roundId}/allocation-runs', tags, summary: '選考の実行（結果と監査記録を保存）', security: staffSecurity,
    request: { params: RoundParams },
    responses: { 201: json(ResultView, 'The run and its summary'), ...problems(401, 403, 404, 409, 422) },
  }), async (c) => {
    const { roundId } = c.req.valid('param');
    const run = await daycare.runAllocation(c.var.actor, roundId, ctx(c));
    return c.json(presentResult(roundId, run, summariseResult(run.request, run.result), true), 201);
  });

  app.openapi(createRoute({
    method: 'get', path: '/daycare-rounds/{roundId}/result', tags, summary: '選考結果の概要（内定・保留・第1希望内定率・年齢クラス別）', security: staffSecurity,
    request: { params: RoundParams },
    responses: { 200: json(ResultView, 'Summary of the current run'), ...problems(401, 403, 404, 409) },
  }), async (c) => {
    const { roundId } = c.req.valid('param');
    const { run, upToDate, summary } = await results.summary(c.var.actor, roundId);
    return c.json(presentResult(roundId, run, summary, upToDate), 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/daycare-rounds/{roundId}/allocation-request', tags, summary: '選考データの書き出し（入出力形式v1 request、現在のデータ）', security: staffSecurity,
    request: { params: RoundParams },
    responses: { 200: json(z.record(z.string(), z.unknown()), 'AllocationRequest v1 (canonical bytes)'), ...problems(401, 403, 404) },
  }), async (c) => {
    const { json: body, round } = await daycare.exportRequest(c.var.actor, c.req.valid('param').roundId, ctx(c));
    // The stored bytes are sent as they are (the schema only documents the shape), so re-runs can compare hashes.
    return c.body(body, 200, { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${round.roundId}-request.json"` }) as never;
  });

  app.openapi(createRoute({
    method: 'get', path: '/daycare-rounds/{roundId}/allocation-result', tags, summary: '選考結果の書き出し（入出力形式v1 result、保存されたバイト列）', security: staffSecurity,
    request: { params: RoundParams },
    responses: { 200: json(z.record(z.string(), z.unknown()), 'AllocationResult v1 as stored'), ...problems(401, 403, 404, 409) },
  }), async (c) => {
    const { roundId } = c.req.valid('param');
    const { run } = await daycare.currentRun(c.var.actor, roundId);
    await daycare.logRead(c.var.actor, ctx(c), 'daycare.result.export', 'daycare-round', roundId);
    return c.body(run.resultJson, 200, { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${roundId}-result.json"` }) as never;
  });

  app.openapi(createRoute({
    method: 'get', path: '/daycare-rounds/{roundId}/explanations/{childId}', tags, summary: '児童ごとの選考結果の説明（電話で読み上げられる文）; access-logged', security: staffSecurity,
    request: { params: ChildParams, query: z.object({ lang: z.enum(['ja', 'en']).default('ja') }) },
    responses: { 200: json(ExplanationView, 'The explanation'), ...problems(401, 403, 404, 409) },
  }), async (c) => {
    const { roundId, childId } = c.req.valid('param');
    const { script } = await results.explanation(c.var.actor, roundId, childId, c.req.valid('query').lang, ctx(c));
    return c.json(script, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/daycare-rounds/{roundId}/notices/{childId}', tags, summary: '内定通知書・保留通知書（PDF）; access-logged', security: staffSecurity,
    request: { params: ChildParams },
    responses: { 200: { description: 'The notice', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }, ...problems(401, 403, 404, 409) },
  }), async (c) => {
    const { roundId, childId } = c.req.valid('param');
    const { pdf, status } = await results.notice(c.var.actor, roundId, childId, ctx(c));
    const kind = status === 'OFFER' ? 'offer' : status === 'HOLD' ? 'hold' : 'stay';
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${roundId}-${childId}-${kind}.pdf"` });
  });

  app.openapi(createRoute({
    method: 'get', path: '/daycare-rounds/{roundId}/cutoffs', tags, summary: '最低指数の一覧（公表用、JSON または CSV）', security: staffSecurity,
    request: { params: RoundParams, query: z.object({ format: z.enum(['json', 'csv']).default('json') }) },
    responses: {
      200: { description: 'The cut-off table', content: { 'application/json': { schema: z.object({ items: z.array(CutoffView) }) }, 'text/csv': { schema: z.string() } } },
      ...problems(401, 403, 404, 409),
    },
  }), async (c) => {
    const { roundId } = c.req.valid('param');
    if (c.req.valid('query').format === 'csv') {
      const csv = await results.cutoffsCsv(c.var.actor, roundId);
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${roundId}-cutoffs.csv"` });
    }
    const { rows } = await results.cutoffs(c.var.actor, roundId);
    return c.json({ items: rows }, 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/daycare-rounds/{roundId}/what-ifs', tags, summary: 'シミュレーション（1つの変更で再選考し、結果が変わる児童を示す。保存しない）', security: staffSecurity,
    request: { params: RoundParams, body: { content: { 'application/json': { schema: WhatIfInput } }, required: true } },
    responses: { 200: json(WhatIfView, 'Who moves'), ...problems(400, 401, 403, 404, 409, 422) },
  }), async (c) => {
    const out = await results.whatIf(c.var.actor, c.req.valid('param').roundId, c.req.valid('json'));
    return c.json({ changedChildren: out.changedChildren, status: out.status, before: out.before, after: out.after, moves: out.moves }, 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/daycare-rounds/{roundId}/comparisons', tags,
    summary: '参照する選考結果との照合（一致率と相違）。body: result JSON or CSV (児童番号,結果,施設); ?reference=naive uses the simple method',
    security: staffSecurity,
    request: {
      params: RoundParams, query: z.object({ reference: z.enum(['upload', 'naive']).default('upload') }),
      body: { content: { 'application/json': { schema: z.record(z.string(), z.unknown()) }, 'text/csv': { schema: z.string() } }, required: false },
    },
    responses: { 200: json(ComparisonView, 'Agreement report'), ...problems(401, 403, 404, 409, 413, 422) },
  }), async (c) => {
    const { roundId } = c.req.valid('param');
    const reference = c.req.valid('query').reference === 'naive' ? 'naive' : await c.req.text();
    const { report } = await results.compare(c.var.actor, roundId, reference);
    return c.json(report, 200);
  });

  return app;
}
