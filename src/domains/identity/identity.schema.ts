// SPDX-License-Identifier: EUPL-1.2
/** Request and response schemas of sign-in, sessions and staff accounts. */
import { z } from '@hono/zod-openapi';
import { MunicipalityCode } from '../../platform/http/openapi.ts';
import { ROLES } from '../../platform/auth/permissions.ts';

export const LoginInput = z.object({
  /** The municipality the staff member belongs to. */
  municipalityCode: MunicipalityCode,
  /** 職員ID. */
  loginId: z.string().min(1).max(63),
  password: z.string().min(1).max(256),
  /** 確認コード of the enrolled authenticator (TOTP, 6 digits): required when the account has one (spec §10.3). */
  otp: z.string().max(10).optional(),
}).openapi('LoginInput');

/** Body of POST /sessions/current/totp/confirmations: a first code from the authenticator being enrolled. */
export const TotpConfirmInput = z.object({ code: z.string().max(10) }).openapi('TotpConfirmation');
/** Response of POST /sessions/current/totp: the secret to enter in the authenticator (shown once). */
export const TotpEnrolmentView = z.object({ secret: z.string(), otpauthUri: z.string() }).openapi('TotpEnrolment');

export const RoleSchema = z.enum(ROLES).openapi({ description: 'counter=窓口, reviewer=審査, approver=決裁, daycare=保育, admin=管理者, analyst=分析' });

export const SessionView = z.object({
  municipalityCode: MunicipalityCode,
  municipalityName: z.string(),
  staffId: z.string().uuid(),
  loginId: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  /** Send as `X-CSRF-Token` on every POST, PUT, PATCH and DELETE. */
  csrfToken: z.string(),
  authMethod: z.enum(['password', 'oidc']),
}).openapi('Session');

export const StaffView = z.object({
  staffId: z.string().uuid(),
  loginId: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  disabled: z.boolean(),
  locked: z.boolean(),
  oidcLinked: z.boolean(),
  /** Staff of a contractor (窓口業務の民間委託): may receive and enter, never review or decide. */
  contractor: z.boolean(),
  /** 有効期間 (spec §10.3): first and last day the account may sign in (YYYY-MM-DD, Japan), null = open. */
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
}).openapi('Staff');

export const StaffInput = z.object({
  loginId: z.string().min(2).max(63),
  displayName: z.string().min(1).max(100),
  roles: z.array(RoleSchema).min(1),
  password: z.string().min(12).max(256).optional(),
  oidcSubject: z.string().min(1).max(255).optional(),
  /** Staff of a contractor (窓口業務の民間委託): may receive and enter, never review or decide, whatever the roles. */
  contractor: z.boolean().optional(),
  /** 有効期間 (spec §10.3): first and last day (YYYY-MM-DD, Japan, inclusive) the account may sign in. */
  validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  validTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
}).openapi('StaffInput');

/** Body of PUT /staff/{staffId}/validity: the account's 有効期間 (null = open). */
export const StaffValidityInput = z.object({
  validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  validTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
}).openapi('StaffValidity');

export const StaffIdParams = z.object({ staffId: z.string().uuid() });

/** 利用範囲 of a staff account (spec §10.3): places it may sign in at (none: any), actions withheld from its roles. */
export const StaffScopeInput = z.object({
  places: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,20}$/)).max(50).openapi({ description: 'Place codes (管理 → 端末・場所) the account may sign in at; empty: any place', example: ['SHISHO'] }),
  withheld: z.array(z.string().regex(/^[a-z-]+:[a-z-]+$/)).max(50).openapi({ description: 'Actions (permissions.ts) withheld from this account although its roles allow them', example: ['certificates:issue-my-number'] }),
}).openapi('StaffScopeInput');
