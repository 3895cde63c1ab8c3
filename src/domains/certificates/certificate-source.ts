// SPDX-License-Identifier: EUPL-1.2
/**
 * The port through which certificates read the resident registry: a household with every member's final
 * record as it stood on a day (provisional 仮登録 changes never appear), 除票 included, 個人番号 only on
 * request. `registry-certificate-source.ts` adapts the registry's service to it; tests use the in-memory one.
 */
import type { Actor } from '../../platform/auth/actor.ts';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import type { CertificatePerson } from './certificate-model.ts';

/** Whose reads: only the municipality matters to the source (a staff member, or a case's automatic review). */
export type SourceActor = Pick<Actor, 'municipalityCode'>;

/** Which household: given directly, or the household of a person (for a 除票, the last one). */
export type HouseholdRef = { householdId: string } | { personId: string };

/** The request context passed on for the registry's own access log. */
export interface SourceContext {
  clientIp: string;
  requestId: string;
}

/** A household as of a day. */
export interface SourceHousehold {
  householdId: string;
  /** Every member on the day, final records only, removed members included, in 世帯員の並び順. */
  members: CertificatePerson[];
}

/** A 仮登録 (provisional change) pending for the household or persons of a certificate. */
export interface PendingChange {
  /** 異動事由 as printed in history, e.g. 「転居」. */
  kindLabel: string;
  personIds: string[];
  householdPending: boolean;
}

/** Read access to the registry for certificates. */
export interface CertificateSource {
  /**
   * The household on `day` (ISO), or undefined when unknown in the actor's municipality. With `myNumber`
   * the 個人番号 of the listed persons is filled in (and the registry logs that it was accessed).
   */
  loadHousehold(actor: SourceActor, ref: HouseholdRef, day: string, opts: { myNumberFor?: readonly string[]; trx?: TenantTx }, ctx: SourceContext): Promise<SourceHousehold | undefined>;
  /** The provisional changes (仮登録) pending for the household or any of the persons (in `trx` when given). */
  pendingChanges(actor: SourceActor, householdId: string, personIds: readonly string[], trx?: TenantTx): Promise<PendingChange[]>;
}
