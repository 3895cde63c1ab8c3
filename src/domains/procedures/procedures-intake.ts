// SPDX-License-Identifier: EUPL-1.2
/**
 * The LGWAN side's intake of what residents did on the internet side (issue #14, docs/deployment.md), run by the
 * periodic task `procedures_intake`: each submitted application without a case gets its case (the same path as a
 * submission in one process: `openCaseIn` → CasesService.submitIn), each 補正 answered there is recorded on the case
 * (CasesService.answerCorrectionIn), and the daycare result of online 保育所等利用申込 is written for the portal
 * (it needs the whole round, which the internet side never reads).
 *
 * Safe to repeat and to run on two workers: rows are taken with FOR UPDATE SKIP LOCKED, the case is linked in the
 * transaction that opens it and only while the application has none, and one row's refusal (in a savepoint) does not
 * hold up the others. A refused application is listed for staff (`intakeRefusals`) until a later run opens its case.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { japanDay } from '../../platform/dates/jp-date.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { inSavepoint, withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import type { CasesService } from '../cases/index.ts';
import type { DaycareService } from '../daycare/index.ts';
import type { ProceduresRepository } from './procedures.repository.ts';
import type { ProceduresService } from './procedures.service.ts';

export interface IntakeDeps {
  db: Database;
  clock: Clock;
  repo: ProceduresRepository;
  procedures: Pick<ProceduresService, 'openCaseIn'>;
  cases: Pick<CasesService, 'answerCorrectionIn' | 'kickJobs'>;
  daycare?: Pick<DaycareService, 'resultForCaseIn'>;
}

/** What one run did in one municipality. */
export interface IntakeResult { opened: number; answered: number; refused: number; daycareNotices: number }

/** Creates the intake. */
export function createProceduresIntake(deps: IntakeDeps) {
  const { db, clock, repo, procedures, cases, daycare } = deps;
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;

  async function runIn(m: string, max: number): Promise<IntakeResult> {
    const out: IntakeResult = { opened: 0, answered: 0, refused: 0, daycareNotices: 0 };
    const ctx = { clientIp: '', requestId: 'task:procedures_intake' };
    await withTenant(db, m, async (trx) => {
      for (const a of await repo.inbox(trx, max)) {
        // Received on the day the resident submitted it (Japan time), not the day this task ran.
        const submission = { ...parse(a.submission), receivedOn: japanDay(new Date(a.submittedAt as Date)) };
        try {
          await inSavepoint(trx, 'procedures_intake', () => procedures.openCaseIn(trx, m, { applicationId: a.applicationId, residentId: a.residentId, submission }, ctx));
          await repo.clearIntakeRefusal(trx, a.applicationId);
          out.opened += 1;
        } catch (err) {
          // Left in the inbox (the resident sees 受付処理中) and retried next run; staff see it in the list of
          // applications not yet received (オンライン手続), with the refusal. Only a rule's refusal is expected here.
          if (!(err instanceof DomainError)) throw err;
          await repo.recordIntakeRefusal(trx, m, a.applicationId, { code: err.code.slice(0, 100), title: err.title.slice(0, 500), detail: (err.detail ?? '').slice(0, 500), now: clock.now() });
          out.refused += 1;
        }
      }
      for (const x of await repo.pendingAnswers(trx, max)) {
        let outcome = 'applied';
        try {
          await inSavepoint(trx, 'procedures_answer', () => cases.answerCorrectionIn(trx, m, { type: 'applicant', id: x.residentId }, x.caseId!, x.correctionId, { message: x.message }));
          out.answered += 1;
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          outcome = err.code.slice(0, 60);
          out.refused += 1;
        }
        await repo.markAnswer(trx, x.correctionId, outcome, clock.now());
      }
      if (daycare) {
        for (const d of await repo.daycareApplications(trx)) {
          for (const lang of ['ja', 'en'] as const) {
            await repo.putDaycareNotice(trx, m, d.applicationId, lang, await daycare.resultForCaseIn(trx, m, d.roundId, d.caseNo, lang), clock.now());
          }
          out.daycareNotices += 1;
        }
      }
    });
    if (out.opened || out.answered) cases.kickJobs(m);
    return out;
  }

  return {
    /** Runs the intake of every municipality with work (the periodic task). */
    async runAll(max = 100) {
      const results: Record<string, IntakeResult> = {};
      for (const m of await repo.municipalitiesWithIntake(db.owner)) results[m] = await runIn(m, max);
      return results;
    },
  };
}

export type ProceduresIntake = ReturnType<typeof createProceduresIntake>;
