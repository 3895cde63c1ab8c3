// SPDX-License-Identifier: EUPL-1.2
/**
 * Which record a search hit is (spec §1.1.5, §9.3): the 住民票 of the current period of residence, a 除票 of an
 * earlier (or ended) period in the main DB, a 除票 moved to the 除票DB, or a 改製原住民票. The combined search
 * (除票を含む) reads the main DB and the 除票DB and labels each hit with this.
 */
import type { PersonRecord } from '../registry-model.ts';

export type RecordKind = 'current' | 'removed' | 'archived' | 'reformed';

export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  current: '住民票', removed: '除票', archived: '除票（除票DB）', reformed: '改製原住民票',
};

/** The kind of a record as stored in the current state (removed records whose 消除日 is still to come are current). */
export function recordKindOf(r: Pick<PersonRecord, 'removedOn' | 'removalReason'>, archivedAt: unknown, today: string): RecordKind {
  if (!r.removedOn || r.removedOn > today) return 'current';
  if (r.removalReason === '改製') return 'reformed';
  return archivedAt ? 'archived' : 'removed';
}

/** The fields a hit or a period entry carries. */
export const recordPeriod = (r: Pick<PersonRecord, 'removedOn' | 'removalReason'>, archivedAt: unknown, today: string) => {
  const recordKind = recordKindOf(r, archivedAt, today);
  return { recordKind, recordLabel: RECORD_KIND_LABELS[recordKind] };
};
