// SPDX-License-Identifier: EUPL-1.2
/** HTTP of 住所一括変更 under /api/v1 (mounted by registry.routes.ts): validate, call the service, present. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { problems, staffSecurity } from '../../../platform/http/openapi.ts';
import type { RegistryService } from '../registry.service.ts';

const Town = { townCode: z.string().regex(/^\d{7}$/).optional(), townName: z.string().max(100).optional() };

export const AddressChangeInput = z.object({
  /** true: trial run (試行) — list affected households and conflicts, write nothing. */
  dryRun: z.boolean(),
  cause: z.enum(['住居表示', '区画整理']),
  /** 実施日 (異動日 of every change). */
  occurredOn: z.string().min(4).max(40),
  rules: z.array(z.object({
    /** Old 町字 and optionally a 番地 range (lot numbers, inclusive) or one exact 番地. */
    from: z.object({ ...Town, banchiFrom: z.number().int().min(0).optional(), banchiTo: z.number().int().min(0).optional(), banchi: z.string().max(100).optional() }),
    /** New 町字 and optionally a new 番地 (otherwise the 番地 is kept). */
    to: z.object({ ...Town, banchi: z.string().min(1).max(100).optional(), unlisted: z.boolean().optional() }),
  })).min(1).max(500),
  /** Versions of households from the trial run; a household changed since is skipped as a conflict. */
  expectedVersions: z.record(z.string().uuid(), z.number().int().min(0)).optional(),
  note: z.string().max(1000).optional(),
}).openapi('RegistryAddressChangeInput');

const AddressView = z.object({ townCode: z.string().nullable(), townName: z.string(), banchi: z.string(), katagaki: z.string(), check: z.enum(['listed', 'unlisted', 'no-list']) });
export const AddressChangeResult = z.object({
  dryRun: z.boolean(), cause: z.string(), households: z.number().int(), persons: z.number().int(),
  items: z.array(z.object({ householdId: z.string().uuid(), householdNo: z.string(), version: z.number().int(), personIds: z.array(z.string().uuid()), ruleIndex: z.number().int(),
    from: AddressView, to: AddressView, changeId: z.string().uuid().nullable(), alerts: z.array(z.object({ code: z.string(), message: z.string() })) })),
  /** Households skipped: matched by two rules, reserved by a 仮登録, changed since the trial, or refused by a rule (code). */
  conflicts: z.array(z.object({ householdId: z.string().uuid(), code: z.string(), message: z.string().optional() })),
  /** Indexes of rules that matched no household. */
  unusedRules: z.array(z.number().int()),
}).openapi('RegistryAddressChangeResult');

export const HouseholdAddressChangeInput = z.object({
  /** true: trial run (試行) — list the households and those skipped, write nothing. */
  dryRun: z.boolean(),
  cause: z.enum(['住居表示', '区画整理']),
  /** 実施日 (異動日 of every change). */
  occurredOn: z.string().min(4).max(40),
  /** UTF-8 CSV, header 世帯番号,変更前町字,変更前番地,変更前方書,変更後町字,変更後番地,変更後方書; one household per line. */
  csv: z.string().min(1).max(2_000_000),
  /** Versions of households from the trial run; a household changed since is skipped as a conflict. */
  expectedVersions: z.record(z.string().uuid(), z.number().int().min(0)).optional(),
  note: z.string().max(1000).optional(),
}).openapi('RegistryHouseholdAddressChangeInput');

export const HouseholdAddressChangeResult = z.object({
  dryRun: z.boolean(), cause: z.string(), households: z.number().int(), persons: z.number().int(),
  items: z.array(z.object({ line: z.number().int(), householdId: z.string().uuid(), householdNo: z.string(), version: z.number().int(), personIds: z.array(z.string().uuid()),
    from: AddressView, to: AddressView, changeId: z.string().uuid().nullable(), alerts: z.array(z.object({ code: z.string(), message: z.string() })) })),
  /** Lines skipped: unknown 世帯番号 (`household-not-found`), address no longer the one before (`address-before-mismatch`), a 仮登録, changed since the trial, or refused by a rule. */
  conflicts: z.array(z.object({ line: z.number().int(), householdNo: z.string(), householdId: z.string().uuid().nullable(), code: z.string(), message: z.string().optional() })),
}).openapi('RegistryHouseholdAddressChangeResult');

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

/** Adds POST /address-changes to the registry router (staff sessions are required by the caller). */
export function mountAddressChangeRoutes(app: OpenAPIHono<AppEnv>, svc: RegistryService, ctx: (c: Context<AppEnv>) => { clientIp: string; requestId: string }) {
  app.openapi(createRoute({
    method: 'post', path: '/address-changes', tags: ['registry'], security: staffSecurity,
    summary: '住所一括変更 (住居表示 / 区画整理): trial run, or one 職権 change per household as 仮登録 in one transaction',
    request: { body: { content: { 'application/json': { schema: AddressChangeInput } }, required: true } },
    responses: { 200: json(AddressChangeResult, 'Trial run (nothing written)'), 201: json(AddressChangeResult, 'Recorded as provisional'), ...problems(400, 401, 403, 422) },
  }), async (c) => {
    const body = c.req.valid('json');
    const out = await svc.changeAddresses(c.var.actor, body, ctx(c));
    return body.dryRun ? c.json(out, 200) : c.json(out, 201);
  });
  app.openapi(createRoute({
    method: 'post', path: '/household-address-changes', tags: ['registry'], security: staffSecurity,
    summary: '住所一括変更 by a CSV of 世帯番号 with the address before and after: trial run, or one 職権 change per household as 仮登録 in one transaction',
    request: { body: { content: { 'application/json': { schema: HouseholdAddressChangeInput } }, required: true } },
    responses: { 200: json(HouseholdAddressChangeResult, 'Trial run (nothing written)'), 201: json(HouseholdAddressChangeResult, 'Recorded as provisional'), ...problems(400, 401, 403, 422) },
  }), async (c) => {
    const body = c.req.valid('json');
    const out = await svc.changeAddressesByHousehold(c.var.actor, body, ctx(c));
    return body.dryRun ? c.json(out, 200) : c.json(out, 201);
  });
}
