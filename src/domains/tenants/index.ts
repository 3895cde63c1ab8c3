// SPDX-License-Identifier: EUPL-1.2
/** The tenants domain's public surface. */
export { createTenantService, describeBadCode, UnknownMunicipalityError } from './tenants.service.ts';
export type { Tenant, TenantService, TenantSettings } from './tenants.service.ts';
export { createTenantRepository } from './tenants.repository.ts';
export { tenantRoutes } from './tenants.routes.ts';
