// SPDX-License-Identifier: EUPL-1.2
/** Wires the cases domain for the composition root: repositories, engine, review, jobs and services. */
import type { AccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { withPlatform, withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import { createCaseEngine } from './case-engine.ts';
import { createCaseEventService } from './case-events.service.ts';
import { createJobRepository } from './case-jobs.repository.ts';
import { createJobRunner } from './case-jobs.ts';
import { createCaseReview, type CertificatesForCases, type DaycareForCases, type RegistryForCases } from './case-review.ts';
import { createCaseTypeService } from './case-types.service.ts';
import { createCasesRepository } from './cases.repository.ts';
import { createCasesService } from './cases.service.ts';

/** Creates the cases services; `jobs.start()` (main.ts) polls the job queue in process. */
export function createCases(db: Database, clock: Clock, registry: RegistryForCases, accessLog: AccessLogRepository, effects: { certificates?: CertificatesForCases; daycare?: DaycareForCases } = {}) {
  const repo = createCasesRepository();
  const engine = createCaseEngine({ repo, clock });
  const review = createCaseReview({ repo, engine, registry, accessLog, clock, certificates: effects.certificates, daycare: effects.daycare });
  const events = createCaseEventService({ db, repo, engine, accessLog, clock });
  const jobRepo = createJobRepository();
  const jobs = createJobRunner({
    db, clock, jobs: jobRepo,
    handlers: {
      'case-review': async (trx, m, payload, job) => { await review.reviewIn(trx, m, String(payload.caseId), { clientIp: '', requestId: `job:${job.jobId}` }); },
      'deadline-alerts': async (trx, m) => { await events.raiseDeadlineAlertsIn(trx, m); },
    },
  });
  const cases = createCasesService({ db, clock, repo, engine, review, jobs, accessLog });
  const caseTypes = createCaseTypeService({ db, repo, engine });
  return {
    cases: Object.assign(cases, {
      /** Enqueues today's deadline-alert job for every municipality (idempotent per day) and runs due jobs. */
      async tick() {
        for (const m of await withPlatform(db, (trx) => jobRepo.tenantCodes(trx))) {
          await withTenant(db, m, (trx) => jobs.enqueue(trx, m, 'deadline-alerts', `deadline-alerts:${engine.today()}`, {}));
        }
        return jobs.drain();
      },
      jobStats: (m: string) => withTenant(db, m, (trx) => jobRepo.stats(trx)),
      /** Installs the standard case types for a municipality (onboarding, demo). */
      install: (m: string) => withTenant(db, m, (trx) => engine.ensureInstalled(trx, m)),
      startJobs: (intervalMs?: number) => jobs.start(intervalMs),
    }),
    caseTypes, caseEvents: events,
  };
}

export type CasesModule = ReturnType<typeof createCases>;
