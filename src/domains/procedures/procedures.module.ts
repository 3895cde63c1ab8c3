// SPDX-License-Identifier: EUPL-1.2
/** Wires online procedures for the composition root. */
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { VirusScanner } from '../../platform/files/virus-scanner.ts';
import type { CasesService } from '../cases/index.ts';
import type { DaycareService } from '../daycare/index.ts';
import type { RegistryForProcedures } from './procedure-prefill.ts';
import { createProceduresRepository } from './procedures.repository.ts';
import { createProceduresService, type ProceduresDeps } from './procedures.service.ts';
import { createProceduresIntake } from './procedures-intake.ts';

export function createProcedures(db: Database, clock: Clock, cases: ProceduresDeps['cases'] & Partial<CasesService>, registry: RegistryForProcedures, accessLog: AccessLogRepository,
  daycare?: Pick<DaycareService, 'resultForCaseIn'>, role: ProceduresDeps['role'] = 'all', scanner?: VirusScanner | null) {
  const repo = createProceduresRepository();
  const procedures = createProceduresService({ db, clock, repo, cases, registry, accessLog, daycare, role, scanner });
  // The LGWAN side's intake of the internet side's submissions and 補正 answers (periodic task procedures_intake).
  const intake = createProceduresIntake({ db, clock, repo, procedures, cases, daycare });
  return { procedures, intake };
}

export { createNotificationsService as createNotifications } from './notifications.service.ts';
