// SPDX-License-Identifier: EUPL-1.2
/** Creates every repository and service once, with explicit dependencies (no base class, no container). */
import { createAccessLogRepository } from './platform/audit/access-log.repository.ts';
import { createRateLimiter } from './platform/auth/rate-limit.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { createClamdScanner } from './platform/files/virus-scanner.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/database.ts';
import { createAuditService } from './domains/audit/audit.service.ts';
import { createIdentityService } from './domains/identity/identity.service.ts';
import { createStaffChangeService } from './domains/identity/staff-changes.service.ts';
import { createStaffRepository } from './domains/identity/staff.repository.ts';
import { createTerminalRepository } from './domains/identity/terminal.repository.ts';
import { createTerminalService } from './domains/identity/terminal.service.ts';
import { createTenantRepository } from './domains/tenants/tenants.repository.ts';
import { createTenantService } from './domains/tenants/tenants.service.ts';
import { createRegistry } from './domains/registry/index.ts';
import { createDaycare } from './domains/daycare/daycare.module.ts';
import { createCertificates } from './domains/certificates/index.ts';
import { createCases } from './domains/cases/index.ts';
import { createNotifications, createProcedures } from './domains/procedures/index.ts';
import { createResidentSessionRepository } from './domains/identity/resident-session.repository.ts';
import { createResidentSessionService } from './domains/identity/resident-session.service.ts';
import { createResidentAccessHistory } from './domains/audit/resident-access-history.ts';
import { createCounter } from './domains/counter/index.ts';
import { createInsightsService, createProcessService } from './domains/insights/index.ts';

/** Creates the services of the platform. */
export function createServices(db: Database, config: Pick<Config, 'sessionIdleSeconds' | 'sessionMaxSeconds'> & Partial<Pick<Config, 'loginAttemptsPer5Min' | 'residentSessionIdleSeconds' | 'residentSessionMaxSeconds' | 'role' | 'clamdUrl'>>, clock: Clock = systemClock) {
  const accessLog = createAccessLogRepository();
  const tenants = createTenantService({ db, tenants: createTenantRepository() });
  const identity = createIdentityService({
    db, staff: createStaffRepository(), terminals: createTerminalRepository(), accessLog, tenants, clock,
    // 20 attempts per address per 5 minutes unless configured; accounts lock after 5 failures on their own.
    loginLimiter: createRateLimiter(config.loginAttemptsPer5Min ?? 20, 5 * 60_000),
    sessionIdleSeconds: config.sessionIdleSeconds, sessionMaxSeconds: config.sessionMaxSeconds,
  });
  const staffChanges = createStaffChangeService({ db, accessLog, tenants, clock });
  const audit = createAuditService({ db, accessLog });
  const terminals = createTerminalService({ db, terminals: createTerminalRepository(), accessLog });
  const residentAccessHistory = createResidentAccessHistory({ db, accessLog });
  // Residents signed in through OpenID Connect (issue #14): 30 minutes idle, 3 hours at most unless configured.
  const residentSessions = createResidentSessionService({
    db, sessions: createResidentSessionRepository(), accessLog, tenants, clock,
    idleSeconds: config.residentSessionIdleSeconds ?? 30 * 60, maxSeconds: config.residentSessionMaxSeconds ?? 3 * 3600,
  });
  const registry = createRegistry(db, clock);
  const { daycare, daycareResults } = createDaycare(db, clock, tenants, accessLog);
  const certificates = createCertificates(db, clock, tenants, accessLog);
  const { cases, caseTypes, caseEvents } = createCases(db, clock, registry, accessLog, { certificates, daycare });
  const { procedures, intake: proceduresIntake } = createProcedures(db, clock, cases, registry, accessLog, daycare, config.role === 'public' ? 'public' : 'all',
    config.clamdUrl ? createClamdScanner(config.clamdUrl) : null);
  const notifications = createNotifications({ db, clock, municipalityName: async (code) => (await tenants.get(code))?.name ?? '' });
  const counter = createCounter(db, clock, registry, cases);
  const insights = createInsightsService({ db, clock });
  const insightsProcess = createProcessService({ db, clock, accessLog });
  return { db, clock, tenants, identity, staffChanges, terminals, residentSessions, residentAccessHistory, audit, accessLog, registry, certificates, daycare, daycareResults, cases, caseTypes, caseEvents, procedures, proceduresIntake, notifications, counter, insights, insightsProcess };
}

export type Services = ReturnType<typeof createServices>;
