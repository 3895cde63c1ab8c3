// SPDX-License-Identifier: EUPL-1.2
/**
 * Composition of the daycare office's services and API (the engine's public surface stays index.ts):
 * `createDaycare` wires the repository and services, `daycareApiRoutes` mounts the /api/v1 routes.
 */
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { TenantService } from '../tenants/index.ts';
import { createDaycareResultsService } from './daycare-results.service.ts';
import { createDaycareRepository } from './daycare.repository.ts';
import { daycareRoutes } from './daycare.routes.ts';
import { createDaycareService } from './daycare.service.ts';

/** Creates the daycare services: `daycare` (rounds, data, runs) and `daycareResults` (views over results). */
export function createDaycare(db: Database, clock: Clock, tenants: TenantService, accessLog: AccessLogRepository) {
  const daycare = createDaycareService({ db, repo: createDaycareRepository(), accessLog, clock });
  const daycareResults = createDaycareResultsService({
    daycare, clock,
    municipality: async (code) => {
      const t = await tenants.get(code);
      return { name: t?.name ?? code, mayorName: t?.settings.mayorName };
    },
  });
  return { daycare, daycareResults };
}

/** The daycare routes under /api/v1. */
export const daycareApiRoutes = daycareRoutes;
