// SPDX-License-Identifier: EUPL-1.2
/**
 * An in-memory `CertificateSource` over dated versions of person records: used by tests, the benchmark and
 * until the registry exposes final-records-as-of-a-day reads. Provisional versions are kept but never read.
 */
import type { CertificatePerson } from './certificate-model.ts';
import type { CertificateSource, HouseholdRef, SourceActor, SourceHousehold } from './certificate-source.ts';

/** One version of a person's record, valid from `from` (ISO day). */
export interface PersonVersion {
  municipalityCode: string;
  from: string;
  status: 'final' | 'provisional';
  record: CertificatePerson;
  /** The 個人番号, kept apart from the record as the registry keeps it in its vault. */
  myNumber?: string;
}

/** Creates an in-memory source; `add` appends versions. */
export function createMemoryCertificateSource(initial: PersonVersion[] = []) {
  const versions: PersonVersion[] = [...initial];

  function asOf(municipalityCode: string, day: string): Array<PersonVersion> {
    const latest = new Map<string, PersonVersion>();
    for (const v of versions) {
      if (v.municipalityCode !== municipalityCode || v.status !== 'final' || v.from > day) continue;
      const prev = latest.get(v.record.personId);
      if (!prev || prev.from <= v.from) latest.set(v.record.personId, v);
    }
    return [...latest.values()];
  }

  const source: CertificateSource & { add(...v: PersonVersion[]): void } = {
    add(...v) { versions.push(...v); },
    async loadHousehold(actor: SourceActor, ref: HouseholdRef, day: string, opts: { myNumberFor?: readonly string[] }): Promise<SourceHousehold | undefined> {
      const all = asOf(actor.municipalityCode, day);
      const householdId = 'householdId' in ref ? ref.householdId : all.find((v) => v.record.personId === ref.personId)?.record.householdId;
      if (!householdId) return undefined;
      const members = all.filter((v) => v.record.householdId === householdId)
        .sort((a, b) => a.record.memberOrder - b.record.memberOrder)
        .map((v) => ({ ...v.record, myNumber: opts.myNumberFor?.includes(v.record.personId) ? v.myNumber : undefined }));
      return members.length > 0 ? { householdId, members } : undefined;
    },
    /** A provisional version is a pending 仮登録 of its person. */
    async pendingChanges(actor: SourceActor, _householdId: string, personIds: readonly string[]) {
      const pending = versions.filter((v) => v.municipalityCode === actor.municipalityCode && v.status === 'provisional' && personIds.includes(v.record.personId));
      return pending.map((v) => ({ kindLabel: '異動', personIds: [v.record.personId], householdPending: false }));
    },
  };
  return source;
}
