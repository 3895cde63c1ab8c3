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
  endingSoon, planEnding, planExtension, planSupportMeasure, SUPPORT_MEASURE_LABELS, SUPPORT_PARTY_ROLE_LABELS, type SupportPartyRole, supportMeasureAlerts, supportMeasureNotices, type SupportMeasure, type SupportMeasureKind, type SupportMeasureNotice,
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
  /** 申出者の詳細 (連絡先, 前住所, 本籍, 通称 …) as entered on the 申出書. */
  applicant?: { contact?: string; previousAddresses?: string[]; honseki?: string; alias?: string; note?: string };
  /** 仮支援措置: protection while the 相談機関's opinion is awaited (confirmed later). */
  provisional?: boolean;
  /** 併せて支援を求める者 (residents), protected like the 申出者. */
  coProtectedPersonIds?: string[];
  /** 加害者: a resident (personId) or someone elsewhere (name and what is known). */
  perpetrators?: Array<{ personId?: string; name: string; nameKana?: string; birthDate?: string; sex?: 'male' | 'female'; address?: string; note?: string }>;
}

type Row = SupportMeasure & { createdBy: string; createdAt: Date; endedBy: string | null; endedAt: Date | null; applicant: unknown; provisional: boolean };
type Party = { partyId: string; supportMeasureId: string; role: string; personId: string | null; name: string; nameKana: string; birthDate: string | null; sex: string | null; address: string; note: string };
type Extension = { supportMeasureId: string; previousEndsOn: string; newEndsOn: string; requestedOn: string; createdBy: string };

const presentFull = (r: Row, parties: readonly Party[], extensions: readonly Extension[]) => ({
  ...present(r),
  applicant: (typeof r.applicant === 'string' ? JSON.parse(r.applicant) : r.applicant ?? {}) as Record<string, unknown>, provisional: r.provisional,
  parties: parties.filter((p) => p.supportMeasureId === r.supportMeasureId).map(({ supportMeasureId: _s, ...p }) => ({ ...p, role: p.role as SupportPartyRole, roleLabel: SUPPORT_PARTY_ROLE_LABELS[p.role as SupportPartyRole] })),
  extensions: extensions.filter((e) => e.supportMeasureId === r.supportMeasureId).map(({ supportMeasureId: _s, ...e }) => e),
});

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
        const co = [...new Set(input.coProtectedPersonIds ?? [])];
        if (co.includes(input.personId)) fail('support-measure-party-invalid');
        for (const id of co) await personMustExist(trx, id);
        for (const p of input.perpetrators ?? []) {
          if (p.personId && (p.personId === input.personId || co.includes(p.personId))) fail('support-measure-party-invalid');
          if (p.personId) await personMustExist(trx, p.personId);
        }
        const supportMeasureId = crypto.randomUUID();
        await repo.insert(trx, actor.municipalityCode, { supportMeasureId, personId: input.personId, kind: input.kind, ...period,
          requestingBody: input.requestingBody, note: input.note ?? '', createdBy: actor.staffId, applicant: input.applicant ?? {}, provisional: !!input.provisional });
        const party = (role: SupportPartyRole, p: { personId?: string; name: string; nameKana?: string; birthDate?: string; sex?: 'male' | 'female'; address?: string; note?: string }) =>
          repo.insertParty(trx, actor.municipalityCode, { partyId: crypto.randomUUID(), supportMeasureId, role, personId: p.personId ?? null, name: p.name, nameKana: p.nameKana ?? '',
            birthDate: p.birthDate ? planSupportMeasure({ startsOn: p.birthDate }).startsOn : null, sex: p.sex ?? null, address: p.address ?? '', note: p.note ?? '', createdBy: actor.staffId });
        for (const id of co) {
          const r = (await registry.current(trx, id))!.record as { familyName: string; givenName: string; romanName?: string };
          await party('co-protected', { personId: id, name: `${r.familyName}　${r.givenName}`.trim() || r.romanName || '' });
        }
        for (const p of input.perpetrators ?? []) await party('perpetrator', p);
        await log(trx, actor, 'registry.support-measure.register', input.personId, ctx);
        for (const id of co) await log(trx, actor, 'registry.support-measure.register', id, ctx);
        return presentFull((await repo.find(trx, supportMeasureId)) as Row, await repo.partiesOf(trx, [supportMeasureId]), []);
      });
    },

    /** A person's measures with the clerk's alerts; the read is logged. */
    async listSupportMeasures(actor: Actor, personId: string, ctx: Ctx) {
      assertAllowed(actor, 'registry:support-measure');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        await personMustExist(trx, personId);
        // The measures of the 申出者 and those where the person is 併せて支援を求める者.
        const own = (await repo.ofPerson(trx, personId)) as Row[];
        const co = (await repo.byIds(trx, await repo.idsWhereCoProtected(trx, personId))) as Row[];
        const rows = [...own, ...co.filter((c) => !own.some((o) => o.supportMeasureId === c.supportMeasureId))];
        const ids = rows.map((r) => r.supportMeasureId);
        const [parties, extensions] = [await repo.partiesOf(trx, ids), await repo.extensionsOf(trx, ids)];
        await log(trx, actor, 'registry.support-measure.read', personId, ctx);
        return { items: rows.map((r) => presentFull(r, parties, extensions)), alerts: supportMeasureAlerts(rows, deps.today()) };
      });
    },

    /** 延長: on the 申出者's request, one more year from the day after the end date; kept as history. */
    async extendSupportMeasure(actor: Actor, supportMeasureId: string, input: { requestedOn?: string }, ctx: Ctx) {
      assertAllowed(actor, 'registry:support-measure');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const m = (await repo.find(trx, supportMeasureId, true)) as Row | undefined;
        if (!m) fail('support-measure-not-found');
        const e = planExtension(m, input.requestedOn ?? deps.today(), deps.today());
        await repo.extend(trx, actor.municipalityCode, { extensionId: crypto.randomUUID(), supportMeasureId, previousEndsOn: m.endsOn, newEndsOn: e.newEndsOn, requestedOn: e.requestedOn, createdBy: actor.staffId });
        await log(trx, actor, 'registry.support-measure.extend', m.personId, ctx);
        return presentFull((await repo.find(trx, supportMeasureId)) as Row, await repo.partiesOf(trx, [supportMeasureId]), await repo.extensionsOf(trx, [supportMeasureId]));
      });
    },

    /** 仮支援措置 → 支援措置 once the 相談機関's opinion is in (the period stays). */
    async confirmSupportMeasure(actor: Actor, supportMeasureId: string, ctx: Ctx) {
      assertAllowed(actor, 'registry:support-measure');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const m = (await repo.find(trx, supportMeasureId, true)) as Row | undefined;
        if (!m) fail('support-measure-not-found');
        if (!m.provisional) fail('support-measure-not-provisional');
        if (m.endedOn) fail('support-measure-ended');
        await repo.confirm(trx, supportMeasureId);
        await log(trx, actor, 'registry.support-measure.confirm', m.personId, ctx);
        return presentFull((await repo.find(trx, supportMeasureId)) as Row, await repo.partiesOf(trx, [supportMeasureId]), await repo.extensionsOf(trx, [supportMeasureId]));
      });
    },

    /**
     * 終了通知 (spec §3.4): the measures in force ending within `days` (default a month) or past their end without an
     * ending, with the 申出者's name and 宛名番号, for the notice of the coming end (延長の案内); logged per person.
     */
    async supportMeasuresEnding(actor: Actor, days: number, ctx: Ctx) {
      assertAllowed(actor, 'registry:support-measure');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const rows = endingSoon((await repo.notEnded(trx)) as Row[], deps.today(), days);
        const names = new Map((await registry.personsByIds(trx, [...new Set(rows.map((r) => r.personId))])).map((p) => [p.personId, p.record]));
        await accessLog.appendMany(trx, actor.municipalityCode, [...new Set(rows.map((r) => r.personId))].map((personId) => (
          { actorType: 'staff' as const, actorId: actor.staffId, action: 'registry.support-measure.ending-list', subjectType: 'person', subjectId: personId, ...ctx })));
        return {
          items: rows.map((r) => {
            const p = names.get(r.personId);
            return { ...present(r), provisional: r.provisional, applicantName: p ? `${p.familyName}　${p.givenName}`.trim() || p.romanName || '' : '', atenaNo: p?.atenaNo ?? '',
              overdue: r.endsOn < deps.today() };
          }),
        };
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
