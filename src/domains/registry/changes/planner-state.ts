// SPDX-License-Identifier: EUPL-1.2
/** The state a change is planned against (shared by the planner and its item rules). */
import type { ChangeKind, PersonRecord } from '../registry-model.ts';
import type { Town } from '../addresses/address-master.ts';

/** A person as loaded: the latest final snapshot. */
export interface PersonState {
  personId: string;
  historyNo: number;
  record: PersonRecord;
  /** 異動日 of the latest snapshot. */
  lastEffectiveOn: string;
  pendingChangeId: string | null;
  /** Highest 履歴番号 used, including withdrawn provisional snapshots (defaults to historyNo). */
  maxHistoryNo?: number;
}

export interface HouseholdState {
  householdId: string;
  householdNo: string;
  version: number;
  pendingChangeId: string | null;
}

/** What a cancellation needs: the cancelled change and, per person, the snapshot before it. */
export interface CancelTarget {
  changeId: string;
  kind: ChangeKind;
  status: string;
  reasonClass: '記載' | '消除' | '修正';
  /** Per person: the snapshot the change wrote (`cancelled`) and the final one before it (`previous`). */
  items: Array<{ personId: string; historyNo: number; previous: PersonRecord | null; cancelled?: PersonRecord }>;
}

/** The state a change is planned against; must include every active member of every household involved. */
export interface World {
  municipalityCode: string;
  today: string;
  /** The municipality's current 町字 master (empty when none is loaded: addresses are then not checked). */
  towns?: readonly Town[];
  /** The national dictionary's 町字 and postal codes of the municipalities the change names (spec §1.3.3). */
  dictionary?: { towns(municipalityCode: string): readonly Town[] | undefined; postalCodes(municipalityCode: string): ReadonlySet<string> | undefined };
  persons: Map<string, PersonState>;
  households: Map<string, HouseholdState>;
  /** Per new person (by index): existing persons with the same 個人番号, 住民票コード or 在留カード番号. */
  identityMatches: Map<number, PersonState[]>;
  /** Per new person: removed persons with the same name, sex and birth date. */
  nameMatches: Map<number, PersonState[]>;
  cancel?: CancelTarget;
}
