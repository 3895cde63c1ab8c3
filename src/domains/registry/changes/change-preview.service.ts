// SPDX-License-Identifier: EUPL-1.2
/**
 * 異動の事前確認 (preview): plans a change exactly as recording it would (same planning step, same locks, same
 * rules) and returns its alerts and the proposed records, or the same refusal, without writing anything. The
 * plan runs in a savepoint that is always rolled back; the access log of the persons read is then written
 * and committed. Merged into the registry service (registry.service.ts).
 */
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Database } from '../../../platform/db/database.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { inRolledBackSavepoint, withTenant, type TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import { involvedIds, type Plan } from './change-planner.ts';
import { presentPerson } from '../registry.presenter.ts';
import { disclosedItems, visibleItems } from '../field-visibility.ts';
import type { ChangeInput } from '../registry.schema.ts';

/** Creates the preview use case over the registry's planning step. */
export function createChangePreviewUseCases(deps: {
  db: Database; accessLog: AccessLogRepository; today: () => string;
  plan: (trx: TenantTx, m: string, input: ChangeInput, today: string) => Promise<Plan>;
}) {
  return {
    /**
     * What recording `input` would do: kind, 異動事由, alerts and each affected person's proposed record
     * (new persons with the 宛名番号 they would get now; nothing is reserved). Writes only the access log
     * (`registry.change.preview`, one entry per existing person; refusals logged with outcome `denied`).
     * @throws RegistryRuleError exactly as recordChange would for the same input and state
     */
    async previewChange(actor: Actor, input: ChangeInput, ctx: { clientIp: string; requestId: string }) {
      assertAllowed(actor, 'registry:change');
      const m = actor.municipalityCode;
      const today = deps.today();
      const entry = (personId: string) => ({ actorType: 'staff' as const, actorId: actor.staffId, action: 'registry.change.preview', subjectType: 'person', subjectId: personId, ...ctx });
      const outcome = await withTenant(deps.db, m, async (trx) => {
        let plan: Plan;
        try {
          plan = await inRolledBackSavepoint(trx, 'change_preview', () => deps.plan(trx, m, input, today));
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          const named = involvedIds(input).personIds;
          await deps.accessLog.appendMany(trx, m, named.map((id) => ({ ...entry(id), outcome: 'denied' as const, purpose: err.code })));
          return { refused: err };
        }
        const visible = visibleItems(actor);
        await deps.accessLog.appendMany(trx, m, plan.snapshots.filter((s) => !s.isNewPerson).map((s) => ({ ...entry(s.personId), disclosedItems: disclosedItems([s.record], visible) })));
        return {
          preview: {
            kind: plan.kind, reasonCode: plan.reason.code, reasonLabel: plan.reason.label, exOfficio: plan.exOfficio, onRequest: plan.onRequest, requestedOn: plan.requestedOn,
            occurredOn: plan.occurredOn, notifiedOn: plan.notifiedOn, alerts: plan.alerts,
            persons: plan.snapshots.map((s) => ({ isNewPerson: s.isNewPerson, effectiveOn: s.effectiveOn, record: presentPerson(s.personId, s.historyNo, s.record, { today, visible }) })),
          },
        };
      });
      if ('refused' in outcome) throw outcome.refused;
      return outcome.preview;
    },
  };
}
