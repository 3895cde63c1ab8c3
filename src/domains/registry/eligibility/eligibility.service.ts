// SPDX-License-Identifier: EUPL-1.2
/**
 * 他業務の資格 (spec §7.2.2): business systems registered as 連携先 (the change feed's consumers, same bearer token)
 * report the current eligibility of a resident by 宛名番号 — 資格の有無, 取得日/喪失日, as of when — for the kinds their
 * `eligibility-<kind>` scopes allow. Every report is kept (append-only); the latest per kind is the one with the latest
 * as-of time, whatever order reports arrive in. The same report sent again is answered with the stored one (nothing
 * written); a different content at the same as-of time is refused. Staff read the latest of each kind on the 個人票,
 * access-logged. Merged into the registry service.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.ts';
import { assertAllowed } from '../../../platform/auth/permissions.ts';
import type { AccessLogRepository } from '../../../platform/audit/access-log.repository.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { withTenant, type TenantTx } from '../../../platform/tenancy/tenant-transaction.ts';
import type { FeedConsumerRow } from '../feed/feed.repository.ts';
import { fail } from '../registry-errors.ts';
import { ELIGIBILITY_KINDS, ELIGIBILITY_LABELS, type EligibilityKind } from './eligibility-kinds.ts';

const TENANT = sql<string>`platform.current_municipality()::char(6)`;
type Ctx = { clientIp: string; requestId: string };
type AsConsumer = <T>(token: string | undefined, fn: (trx: TenantTx, m: string, c: FeedConsumerRow) => Promise<T>) => Promise<T>;

/** A report as a system sends it. Dates are calendar days (YYYY-MM-DD); `asOf` an instant (ISO 8601). */
export interface EligibilityInput { atenaNo: string; kind: EligibilityKind; eligible: boolean; acquiredOn?: string | null; lostOn?: string | null; asOf: string }

/** A stored report as the API and the 個人票 show it. */
export interface EligibilityView {
  kind: EligibilityKind; label: string; eligible: boolean; acquiredOn: string | null; lostOn: string | null; asOf: string; reportedBy: string; receivedAt: string;
}

const COLUMNS = ['reportId', 'personId', 'kind', 'eligible', 'acquiredOn', 'lostOn', 'asOf', 'consumerName', 'receivedAt'] as const;
type Row = { kind: string; eligible: boolean; acquiredOn: string | null; lostOn: string | null; asOf: Date | string; consumerName: string; receivedAt: Date | string };
/** A date column as YYYY-MM-DD (PostgreSQL gives the text; PGlite a Date at UTC midnight). */
const day = (d: unknown): string | null => (d == null ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
const present = (r: Row): EligibilityView => ({
  kind: r.kind as EligibilityKind, label: ELIGIBILITY_LABELS[r.kind as EligibilityKind], eligible: r.eligible, acquiredOn: day(r.acquiredOn), lostOn: day(r.lostOn),
  asOf: new Date(r.asOf).toISOString(), reportedBy: r.consumerName, receivedAt: new Date(r.receivedAt).toISOString(),
});

/** Creates the eligibility use cases; `asConsumer` authenticates a 連携先 by its feed token. */
export function createEligibilityUseCases(deps: { db: Database; accessLog: AccessLogRepository; clock: Clock; today: () => string; asConsumer: AsConsumer }) {
  const { db, accessLog, clock, today, asConsumer } = deps;

  /** Refuses what cannot be a true report: dates ahead of today, an as-of time ahead of now, inconsistent dates. */
  function check(input: EligibilityInput) {
    const day = today();
    const asOf = new Date(input.asOf);
    if ([input.acquiredOn, input.lostOn].some((d) => d && d > day) || asOf.getTime() > clock.now().getTime() + 5 * 60_000) fail('eligibility-date-in-future');
    if (input.eligible ? !input.acquiredOn || !!input.lostOn : !!(input.acquiredOn && input.lostOn && input.lostOn < input.acquiredOn) || (!!input.acquiredOn && !input.lostOn)) fail('eligibility-dates-invalid');
    return asOf;
  }

  /** Every report of a person (oldest first) and the latest of each kind. */
  async function ofPerson(trx: TenantTx, personId: string) {
    const rows = await trx.selectFrom('registry.eligibilityReport').select([...COLUMNS]).where('municipalityCode', '=', TENANT).where('personId', '=', personId)
      .orderBy('kind').orderBy('asOf').execute();
    const latest = new Map<string, Row>();
    for (const r of rows) latest.set(r.kind, r);
    return {
      latest: ELIGIBILITY_KINDS.filter((k) => latest.has(k)).map((k) => present(latest.get(k)!)),
      history: [...rows].sort((a, b) => ELIGIBILITY_KINDS.indexOf(a.kind as EligibilityKind) - ELIGIBILITY_KINDS.indexOf(b.kind as EligibilityKind)).map(present),
    };
  }

  return {
    /**
     * Records a report of a 連携先. Answers `created: false` with the stored report when the same one was sent before.
     * @throws RegistryRuleError feed-consumer-unauthenticated, eligibility-kind-out-of-scope, eligibility-person-unknown,
     * eligibility-date-in-future, eligibility-dates-invalid, eligibility-conflict
     */
    async reportEligibility(token: string | undefined, input: EligibilityInput, ctx: Ctx) {
      return asConsumer(token, async (trx, m, c) => {
        if (!c.scopes.includes(`eligibility-${input.kind}`)) fail('eligibility-kind-out-of-scope');
        const asOf = check(input);
        const person = await trx.selectFrom('registry.person').select('personId').where('municipalityCode', '=', TENANT).where('atenaNo', '=', input.atenaNo).executeTakeFirst();
        if (!person) fail('eligibility-person-unknown');
        const values = { eligible: input.eligible, acquiredOn: input.acquiredOn ?? null, lostOn: input.lostOn ?? null };
        const same = await trx.selectFrom('registry.eligibilityReport').select([...COLUMNS]).where('municipalityCode', '=', TENANT)
          .where('personId', '=', person.personId).where('kind', '=', input.kind).where('asOf', '=', asOf).executeTakeFirst();
        if (same) {
          if (same.eligible !== values.eligible || day(same.acquiredOn) !== values.acquiredOn || day(same.lostOn) !== values.lostOn || same.consumerName !== c.name) fail('eligibility-conflict');
          return { created: false, report: present(same) };
        }
        const row = await trx.insertInto('registry.eligibilityReport').values({ municipalityCode: m, reportId: crypto.randomUUID(), personId: person.personId, kind: input.kind,
          ...values, asOf, consumerId: c.consumerId, consumerName: c.name }).onConflict((oc) => oc.doNothing()).returning([...COLUMNS]).executeTakeFirst();
        if (!row) fail('eligibility-conflict'); // the same as-of time written concurrently
        await accessLog.append(trx, m, { actorType: 'system', actorId: `feed-consumer:${c.name}`, action: 'registry.eligibility.report', subjectType: 'person',
          subjectId: person.personId, purpose: c.purpose, ...ctx });
        return { created: true, report: present(row) };
      });
    },

    /** A resident's latest eligibility of each kind and every report; access-logged. @throws RegistryRuleError person-not-found */
    async eligibilityOfPerson(actor: Actor, personId: string, ctx: Ctx) {
      assertAllowed(actor, 'registry:read');
      return withTenant(db, actor.municipalityCode, async (trx) => {
        const p = await trx.selectFrom('registry.person').select('personId').where('municipalityCode', '=', TENANT).where('personId', '=', personId).executeTakeFirst();
        if (!p) fail('person-not-found');
        const out = await ofPerson(trx, personId);
        await accessLog.append(trx, actor.municipalityCode, { actorType: actor.contractor ? 'contractor' : 'staff', actorId: actor.staffId, action: 'registry.eligibility.read',
          subjectType: 'person', subjectId: personId, ...ctx });
        return out;
      });
    },
  };
}
