// SPDX-License-Identifier: EUPL-1.2
/** Shared OpenAPI pieces: the router factory with problem+json validation errors, and common schemas. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ValidationError } from './errors.ts';
import { zodToInvalidParams } from './problem.ts';
import type { AppEnv } from './app-env.ts';

/** A router whose validation failures become `invalid-params` problems. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new ValidationError(zodToInvalidParams(result.error));
    },
  });
}

/** application/problem+json body. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string().openapi({ description: '人が読むための説明（日本語）' }),
  status: z.number().int(),
  detail: z.string().optional().openapi({ description: 'English detail for API clients' }),
  code: z.string().openapi({ description: 'Stable machine-readable error code' }),
  instance: z.string(),
  invalidParams: z.array(z.object({ name: z.string(), code: z.string(), reason: z.string() })).optional(),
}).openapi('Problem');

/** Problem responses for the given statuses. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, {
    description: 'Problem',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  }]));
}

/** The cookie-session security requirement, with the CSRF header for unsafe methods. */
export const staffSecurity = [{ sessionCookie: [] }];

/** Six-digit 全国地方公共団体コード. */
export const MunicipalityCode = z.string().regex(/^\d{6}$/).openapi({ description: '全国地方公共団体コード（6桁、検査数字付き）', example: '202151' });
