// SPDX-License-Identifier: EUPL-1.2
/** Test and bench fixtures: households entered directly as 本登録, and 転居届 submissions for their members. */
import type { Services } from '../../../services.ts';
import { residentCodeCheckDigit } from '../../registry/index.ts';

/** A resident as the fixtures entered them. */
export interface FixturePerson { personId: string; atenaNo: string; familyName: string; givenName: string; birthDate: string; householdId: string }

let serial = 0;
let codes = 0;

/** Enters a household of the given members (first is 世帯主) at an address, as final; returns the persons. */
/** A valid 住民票コード of a moving-in fixture person (a range the demo allotment does not use). */
function fixtureResidentCode(n: number): string {
  const base = `7${String(n).padStart(9, '0')}`;
  return `${base}${residentCodeCheckDigit(base)}`;
}

export async function enterHousehold(services: Pick<Services, 'registry'>, m: string, opts: { banchi: string; townName?: string; movedInOn: string;
  members: Array<{ givenName: string; birthDate: string; relationship: string; sex?: 'male' | 'female' }>; familyName?: string }): Promise<FixturePerson[]> {
  const familyName = opts.familyName ?? '小松';
  const { plan } = await services.registry.recordFinalAsSystem(m, {
    kind: 'move-in', occurredOn: opts.movedInOn, exOfficio: false, notifier: '', note: '', expectedVersions: {}, fromAbroad: false, previousAddress: '東京都千代田区',
    address: { townName: opts.townName ?? '大字広丘野村', banchi: opts.banchi, katagaki: '', unlisted: false },
    persons: opts.members.map((p) => ({ residentKind: 'japanese' as const, familyName, givenName: p.givenName, familyNameKana: 'コマツ', givenNameKana: 'タロウ',
      birthDate: p.birthDate, sex: p.sex ?? ((++serial) % 2 ? 'male' as const : 'female' as const), honseki: '長野県塩尻市', relationship: p.relationship,
      // 転入: the 住民票コード comes with the person (the municipality's stock is only for new codes, issue #13).
      residentCode: fixtureResidentCode(++codes) })),
  });
  return plan.snapshots.map((s) => ({ personId: s.personId, atenaNo: s.record.atenaNo, familyName: s.record.familyName, givenName: s.record.givenName,
    birthDate: s.record.birthDate.sortKey, householdId: s.record.householdId }));
}

/** A 転居届 submission for the persons (the first files it), to a new address. */
export function moveWithinSubmission(persons: FixturePerson[], opts: { movedOn: string; banchi: string; townName?: string; channel?: 'online' | 'counter' | 'post' }) {
  const stated = (p: FixturePerson) => ({ atenaNo: p.atenaNo, familyName: p.familyName, givenName: p.givenName, birthDate: p.birthDate });
  return {
    caseTypeCode: 'move-within', channel: opts.channel ?? 'online' as const, applicant: stated(persons[0]!), subjects: persons.map(stated),
    data: { movedOn: opts.movedOn, newAddress: { townName: opts.townName ?? '大字広丘吉田', banchi: opts.banchi, katagaki: '' } },
  };
}
