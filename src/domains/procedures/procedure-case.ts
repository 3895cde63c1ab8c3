// SPDX-License-Identifier: EUPL-1.2
/** How a complete application becomes a case submission (CaseSubmission), by the definition's mapping. */
import type { Resident } from '../../platform/auth/resident.ts';
import type { CaseSubmission } from '../cases/index.ts';
import type { ProcedureDefinition } from './procedure-definition.ts';
import { getPath, fieldsOf, type ApplicationData } from './procedure-form.ts';
import type { RegistryView } from './procedure-prefill.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The case submission of an application (data already validated against the definition). */
export function toCaseSubmission(def: ProcedureDefinition, data: ApplicationData, resident: Resident, view: RegistryView, roundId: string | null,
  facilities: Array<{ facilityId: string; name: string }> = []): CaseSubmission {
  const a = (data.applicant ?? {}) as Record<string, unknown>;
  const matchedSelf = resident.match && (data.relation ?? 'self') === 'self' ? resident.match.atenaNo : undefined;
  const applicant = {
    ...(matchedSelf ? { atenaNo: matchedSelf } : {}),
    familyName: str(a.familyName), givenName: str(a.givenName), familyNameKana: str(a.familyNameKana), givenNameKana: str(a.givenNameKana), birthDate: str(a.birthDate),
    contact: { phone: str(a.phone) || undefined, email: str(a.email) || undefined },
  };
  const stated = { atenaNo: applicant.atenaNo, familyName: applicant.familyName, givenName: applicant.givenName, familyNameKana: applicant.familyNameKana,
    givenNameKana: applicant.givenNameKana, birthDate: applicant.birthDate };
  let subjects: CaseSubmission['subjects'] = [stated];
  if (def.toCase.subjects !== 'applicant') {
    const field = fieldsOf(def).get(def.toCase.subjects.membersField);
    const chosen = ((getPath(data, def.toCase.subjects.membersField) as string[] | undefined) ?? [])
      .map((no) => view.members.find((m) => m.atenaNo === no)).filter((m) => !!m)
      .map((m) => ({ atenaNo: m.atenaNo, familyName: m.familyName, givenName: m.givenName, familyNameKana: m.familyNameKana, givenNameKana: m.givenNameKana, birthDate: m.birthDate }));
    subjects = field?.optionsFrom === 'household-children' ? chosen : [stated, ...chosen.filter((m) => m.atenaNo !== stated.atenaNo)];
    if (subjects.length === 0) subjects = [stated];
  }
  const caseData: Record<string, unknown> = {};
  for (const [key, source] of Object.entries(def.toCase.data)) {
    let value: unknown;
    if (typeof source === 'string') value = getPath(data, source);
    else if ('const' in source) value = source.const;
    else if ('yesNo' in source) value = getPath(data, source.yesNo) === 'yes';
    else if ('daycareRound' in source) value = roundId ?? undefined;
    else if ('label' in source) {
      const v = getPath(data, source.label);
      value = fieldsOf(def).get(source.label)?.options?.find((o) => o.value === v)?.labelJa ?? v;
    } else if ('facilityNames' in source) {
      const v = getPath(data, source.facilityNames);
      value = Array.isArray(v) ? v.map((id) => facilities.find((f) => f.facilityId === id)?.name ?? id) : v;
    }
    else {
      const parents = [{ need: data.need1, weeklyHours: data.hours1 }, { need: data.need2, weeklyHours: data.hours2 }]
        .filter((p) => typeof p.need === 'string' && p.need !== 'none')
        .map((p) => ({ need: p.need, ...(typeof p.weeklyHours === 'number' ? { weeklyHours: p.weeklyHours } : {}) }));
      value = { parents, ...(typeof data.waitingMonths === 'number' ? { waitingMonths: data.waitingMonths } : {}) };
    }
    if (value !== undefined) caseData[key] = value;
  }
  return { caseTypeCode: def.caseTypeCode, channel: 'online', applicant, subjects, data: caseData } as CaseSubmission;
}
