// SPDX-License-Identifier: EUPL-1.2
/** Test fixtures: a Resident principal for a registry person (matched) or for nobody (unmatched). */
import crypto from 'node:crypto';
import type { Resident } from '../../../platform/auth/resident.ts';

/** A resident signed in and matched to the person (or unmatched when `person` is null). */
export function residentOf(m: string, person: { atenaNo: string; familyName: string; givenName: string } | null, opts: { isHouseholdHead?: boolean; householdNo?: string } = {}): Resident {
  const subject = person ? `sub-${person.atenaNo}` : `sub-${crypto.randomUUID()}`;
  return {
    type: 'resident', municipalityCode: m, residentId: crypto.createHash('sha256').update(subject).digest('hex').slice(0, 32), issuer: 'http://127.0.0.1/test-idp', subject,
    assurance: 'urn:jichi:test:high', displayName: person ? `${person.familyName} ${person.givenName}` : '照合 できない',
    match: person ? { atenaNo: person.atenaNo, householdNo: opts.householdNo ?? '', isHouseholdHead: opts.isHouseholdHead ?? true } : null,
    csrfToken: 'test', sessionTokenHash: 'test',
  };
}
