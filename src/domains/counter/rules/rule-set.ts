// SPDX-License-Identifier: EUPL-1.2
/** The shape of a life-event rule set: procedures, where/when/what to bring, and the conditions that list them. */
import type { LifeEvent } from './life-events.ts';

export interface Text { ja: string; en: string }

/** A condition on one member (all given fields must hold; ages inclusive). */
export interface MemberCondition {
  minAge?: number;
  maxAge?: number;
  foreign?: boolean;
  nhi?: boolean;
  head?: boolean;
}

/** When a rule lists its procedure: one of the events, and (if given) a matching member and/or a dog. */
export interface RuleCondition {
  events: LifeEvent[];
  member?: MemberCondition;
  /** Which members `member` is checked against: those the event is about (default) or the whole household. */
  scope?: 'concerned' | 'household';
  dog?: true;
}

/** One rule of a procedure; the first that matches gives the reason shown to the clerk and the resident. */
export interface ProcedureRule {
  when: RuleCondition;
  reason: Text;
}

/** How a procedure can be done online. */
export type OnlineChannel = 'none' | 'mynaportal' | 'jichi';

/** One procedure (手続) of the rule set. */
export interface ProcedureDef {
  code: string;
  title: Text;
  /** 担当窓口. */
  where: Text;
  /** 期限・時期. */
  when: Text;
  /** 持ち物. */
  bring: Text[];
  online: OnlineChannel;
  /** The case type the counter files for it (none: done on the spot or by the registry change itself). */
  caseType?: string;
  /** The registry change the counter records as 仮登録 for it. */
  registryChange?: 'move-in' | 'move-within' | 'move-out' | 'birth' | 'death' | 'household-change';
  rules: ProcedureRule[];
}

/** A versioned rule set: the national template ('*') or one municipality's. */
export interface RuleSet {
  municipalityCode: string;
  version: string;
  /** First day (ISO) it applies to; a newer version replaces it from its own validFrom. */
  validFrom: string;
  procedures: ProcedureDef[];
}
