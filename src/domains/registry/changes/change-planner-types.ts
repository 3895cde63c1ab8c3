// SPDX-License-Identifier: EUPL-1.2
/** The planner's types (context, plan, snapshots), the persons and households a change involves, and its date readers. */
import type { ChangeInput } from '../registry.schema.ts';
import type { ChangeKind, PersonRecord } from '../registry-model.ts';
import { InvalidLegalDateError, parseCalendarDate, parseLegalDate, type LegalDate } from '../../../platform/dates/jp-date.ts';
import { fail, type Alert } from '../registry-errors.ts';
import type { MemberOrderMode } from '../member-order.ts';

/** Identity sources used while planning (ids, numbering, the 個人番号 blind index). */
export interface PlanContext {
  newId(): string;
  nextAtenaNo(): string;
  nextHouseholdNo(): string;
  newResidentCode(): string;
  myNumberIndex(myNumber: string): string;
  /**
   * 世帯員の並び順 kept in the stored 記載順位 (spec §5.2): `standard` renumbers every household the change touches by the
   * standard's order (so the CSV export and the change feed carry it); `entry` or unset keeps the order of entry.
   */
  memberOrderMode?: MemberOrderMode;
}

/** One snapshot to append. */
export interface PlannedSnapshot {
  personId: string;
  isNewPerson: boolean;
  historyNo: number;
  effectiveOn: string;
  record: PersonRecord;
}

/** The outcome of planning: everything the service writes. */
export interface Plan {
  kind: ChangeKind;
  reason: { code: string; label: string; class: string };
  occurredOn: string;
  notifiedOn: string | null;
  snapshots: PlannedSnapshot[];
  newHouseholds: Array<{ householdId: string; householdNo: string }>;
  /** Existing households whose version the change bumps. */
  touchedHouseholdIds: string[];
  myNumbers: Array<{ index: string; myNumber: string }>;
  alerts: Alert[];
  cancelsChangeId: string | null;
  /** 職権: as entered, or always for the kinds that are never notified (帰化, 軽微な修正, 転入通知の受理 …). */
  exOfficio: boolean;
  /** 申出を受けた職権 and its 申出日 (spec §4.2.0.5). */
  onRequest: boolean;
  requestedOn: string | null;
}

/** Ids the service must load before planning (persons, households and the households' members). */
export function involvedIds(input: ChangeInput): { personIds: string[]; householdIds: string[] } {
  switch (input.kind) {
    case 'move-in': case 'ex-officio-entry': return { personIds: [], householdIds: input.householdId ? [input.householdId] : [] };
    case 'birth': return { personIds: input.parentPersonIds, householdIds: [input.householdId] };
    case 'move-within': return { personIds: input.personIds, householdIds: input.householdId ? [input.householdId] : [] };
    case 'move-out': case 'household-split': return { personIds: input.personIds, householdIds: [] };
    case 'death': case 'ex-officio-removal': case 'ex-officio-correction': case 'clerical-correction': return { personIds: [input.personId], householdIds: [] };
    case 'household-merge': return { personIds: [], householdIds: [input.fromHouseholdId, input.toHouseholdId] };
    case 'head-change': return { personIds: [], householdIds: [input.householdId] };
    case 'cancellation': return { personIds: [], householdIds: [] };
    case 'old-surname': case 'alias': case 'residence-status-change': case 'naturalization': case 'nationality-loss': case 'minor-correction': case 'move-in-notice': case 'reading':
    case 'my-number-change': case 'resident-code-change': case 'reform': case 'remake':
      return { personIds: [input.personId], householdIds: [] };
    case 'household-change': return { personIds: input.personIds, householdIds: [input.householdId] };
    case 'address-renaming': case 'de-facto-head': return { personIds: [], householdIds: [input.householdId] };
  }
}

export function date(text: string | undefined, calendar = true): string | undefined {
  if (text === undefined) return undefined;
  try {
    return calendar ? parseCalendarDate(text) : parseLegalDate(text).sortKey;
  } catch (e) {
    if (e instanceof InvalidLegalDateError) fail('invalid-date', { reason: e.reason });
    throw e;
  }
}

/**
 * A legal date (生年月日 …): a calendar day or a vague date (「昭和40年頃」「年月日不詳」). Non-calendar days
 * (令和7年2月29日, 明治45年7月30日) only where the standard keeps them as recorded (`nonCalendar`: corrections
 * to what the 戸籍 says, and the 異動日 of 出生・死亡・失踪, spec §1.1.8); never for a new entry (issue #9).
 */
export function legal(text: string, opts: { nonCalendar?: boolean } = {}): LegalDate {
  try {
    return parseLegalDate(text, { allowNonCalendar: opts.nonCalendar });
  } catch (e) {
    if (e instanceof InvalidLegalDateError) fail('invalid-date', { reason: e.reason });
    throw e;
  }
}
