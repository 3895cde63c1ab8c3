// SPDX-License-Identifier: EUPL-1.2
/**
 * Use cases of DV等支援措置: register, list and end measures (permission `registry:support-measure`), and the
 * bare alert for any registry reader. Every read and write is access-logged against the person. Merged into
 * the registry service (registry.service.ts).
 */
import crypto from 'node:crypto';
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { withTenant, type TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import { fail } from '../registry-errors.ts';
import type { RegistryRepository } from '../registry.repository.ts';
import { createSupportMeasureRepository } from './support-measure.repository.ts';
import {
  planEnding, planSupportMeasure, SUPPORT_MEASURE_LABELS, supportMeasureAlerts, supportMeasureNotices, type SupportMeasure, type SupportMeasureKind, type SupportMeasureNotice,
} from './support-measure.ts';

interface Ctx { clientIp: string; requestId: string }

/** Input of registering a measure. */
export interface SupportMeasureInput {
  personId: string;
  kind: SupportMeasureKind;
  /** 支援開始日 (defaults to today). */
  startsOn?: string;
  /** 支援終了日 (defaults to one year less a day after the start). */
  endsOn?: string;
  /** 意見を聴いた相談機関 (警察, 配偶者暴力相談支援センター, 児童相談所 …). */
  requestingBody: string;
  note?: string;
}

type Row = SupportMeasure & { createdBy: string; createdAt: Date; endedBy: string | null; endedAt: Date | null };

const present = (r: Row) => ({
  supportMeasureId: r.supportMeasureId, personId: r.personId, kind: r.kind, kindLabel: SUPPORT_MEASURE_LABELS[r.kind], startsOn: r.startsOn, endsOn: r.endsOn,
  requestingBody: r.requestingBody, note: r.note, endedOn: r.endedOn, endReason: r.endReason, createdBy: r.createdBy, createdAt: new Date(r.createdAt).toISOString(),
  endedBy: r.endedBy, endedAt: r.endedAt ? new Date(r.endedAt).toISOString() : null,
});

/** Creates the support-measure use cases. */
export function createSupportMeasureUseCases(deps: { db: Database; registry: RegistryRepository; accessLog: AccessLogRepository; clock: Clock; today: () => string }) {
  const { db, registry, accessLog } = deps;
  const repo = createSupportMeasureRepository();
  const log = (trx: TenantTx, actor: Actor, action: string, personId: string, ctx: Ctx) =>
    accessLog.append(trx, actor.municipalityCode, { actorType: 'staff', actorId: actor.staffId, action, subjectType: 'person', subjectId: personId, ...ctx });
  const personMustExist = async (trx: TenantTx, personId: string) => {
    if (!(await registry.current(trx, personId))) fail('person-not-found');
  };

  return {
    /** Registers a measure (申出の受理 after the 相談機関's opinion); protects the person from its start. */
    async registerSupportMeasure(actor: Actor, input: SupportMeasureInput, ctx: Ctx) {
      assertAllowed(actor, 'registry:support-measure');
      const period = planSupportMeasure({ startsOn: input.startsOn ?? deps.today(), endsOn: input.endsOn });
      return withTenant(db, actor.municipalityCode, async (trx) => {
        await personMustExist(trx, input.personId);
        const supportMeasureId = crypto.randomUUID();
        await repo.insert(trx, actor.municipalityCode, { supportMeasureId, personId: input.personId, kind: input.kind, ...period,
          requestingBody: input.requestingBody, note: input.note ?? '', createdBy: actor.staffId });
        await log(trx, actor, 'registry.support-measure.register', input.personId, ctx);
        return present((await repo.find(trx, supportMeasureId)) as Row);
      });
    },

    /** A person's measures with the clerk's alerts; the read is logged. */
    async listSupportMeasures(actor: Actor, personId: string, ctx: Ctx) {
      assertAllowed(actor, 'registry:support-measure');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        await personMustExist(trx, personId);
        const rows = (await repo.ofPerson(trx, personId)) as Row[];
        await log(trx, actor, 'registry.support-measure.read', personId, ctx);
        return { items: rows.map(present), alerts: supportMeasureAlerts(rows, deps.today()) };
      });
    },

    /** Ends a measure explicitly (on request, after the period without extension, or when no longer needed). */
    async endSupportMeasure(actor: Actor, supportMeasureId: string, input: { endedOn?: string; reason: string }, ctx: Ctx) {
      assertAllowed(actor, 'registry:support-measure');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const m = (await repo.find(trx, supportMeasureId, true)) as Row | undefined;
        if (!m) fail('support-measure-not-found');
        const endedOn = planEnding(m, input.endedOn ?? deps.today());
        await repo.end(trx, supportMeasureId, { endedOn, endReason: input.reason, endedBy: actor.staffId });
        await log(trx, actor, 'registry.support-measure.end', m.personId, ctx);
        return present((await repo.find(trx, supportMeasureId)) as Row);
      });
    },

    /**
     * For the registry views: which of these persons a measure protects today, with each active measure's period
     * only (no kind, 相談機関 or note, which need `registry:support-measure`). Any registry reader; every person
     * asked about is logged (`registry.support-measure.status-read`).
     */
    async supportMeasureNoticesOf(actor: Actor, personIds: readonly string[], ctx: Ctx): Promise<Record<string, SupportMeasureNotice[]>> {
      assertAllowed(actor, 'registry:read');
      const ids = [...new Set(personIds)];
      if (ids.length === 0) return {};
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const rows = (await repo.ofPersons(trx, ids)) as Row[];
        await accessLog.appendMany(trx, actor.municipalityCode, ids.map((personId) => (
          { actorType: 'staff' as const, actorId: actor.staffId, action: 'registry.support-measure.status-read', subjectType: 'person', subjectId: personId, ...ctx })));
        const out: Record<string, SupportMeasureNotice[]> = {};
        for (const id of ids) {
          const notices = supportMeasureNotices(rows.filter((r) => r.personId === id), deps.today());
          if (notices.length > 0) out[id] = notices;
        }
        return out;
      });
    },

    /**
     * Only whether the person is protected today, as alerts, for any registry reader (no details). For the
     * clerk's screens; logged like a read of the person.
     */
    async supportMeasureAlertsOf(actor: Actor, personId: string, ctx: Ctx) {
      assertAllowed(actor, 'registry:read');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        await personMustExist(trx, personId);
        const rows = (await repo.ofPerson(trx, personId)) as Row[];
        await log(trx, actor, 'registry.support-measure.status-read', personId, ctx);
        return supportMeasureAlerts(rows, deps.today()).filter((a) => a.code === 'support-measure-subject');
      });
    },
  };
}
