// SPDX-License-Identifier: EUPL-1.2
/**
 * 住所一括変更 (住居表示の実施 / 区画整理, spec §9.7), pure: which households a table of rules (old 町字 + 番地
 * range → new 町字 and 番地) affects, and which must be skipped (matched twice, reserved by a 仮登録, or
 * changed since the trial run). The service plans one `address-renaming` change per affected household.
 */
import type { Address } from '../registry-model.ts';
import { matchTown, type Town } from './address-master.ts';
import { foldName } from '../name-folding.ts';
import { fail } from '../registry-errors.ts';

/** One row of the table. Without a 番地 range or 番地 the rule covers the whole 町字. */
export interface AddressRule {
  from: { townCode?: string; townName?: string; banchiFrom?: number; banchiTo?: number; banchi?: string };
  /** New 町字 and, when given, new 番地 (otherwise the 番地 stays as it was). */
  to: { townCode?: string; townName?: string; banchi?: string; unlisted?: boolean };
}

/** A household as the batch sees it: its active members share one address. */
export interface BatchHousehold {
  householdId: string;
  householdNo: string;
  version: number;
  pendingChangeId: string | null;
  address: Address;
  personIds: string[];
}

export interface BatchItem {
  householdId: string;
  householdNo: string;
  version: number;
  personIds: string[];
  ruleIndex: number;
  from: Address;
  /** The new address as input to the change (町字 by code or name, 番地, 方書 unchanged). */
  to: { townCode?: string; townName?: string; banchi: string; katagaki: string; unlisted: boolean };
}

export interface BatchConflict { householdId: string; code: 'ambiguous-rule' | 'provisional-change-pending' | 'household-version-conflict' | string; message?: string }

/** The leading lot number of a 番地 (「1234番地5」→ 1234, full-width digits too); null when it has none. */
export function lotNumber(banchi: string): number | null {
  const m = /^[0-9０-９]+/.exec(banchi.trim());
  return m ? Number(m[0].replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))) : null;
}

/** Town identity used to compare addresses with rules: the listed code, else the folded name. */
export function townKey(towns: readonly Town[], t: { townCode?: string | null; townName?: string }): string {
  const m = matchTown(towns, { townCode: t.townCode ?? undefined, townName: t.townName });
  return m.kind === 'listed' ? `code:${m.town.code}` : `name:${foldName(t.townName ?? '').replace(/^大字/, '')}`;
}

/** Validates the table: every rule names an old 町字 and a new one, and a range is ordered. */
export function validateRules(rules: readonly AddressRule[]): void {
  for (const r of rules) {
    if (!r.from.townCode && !r.from.townName) fail('address-rule-invalid');
    if (!r.to.townCode && !r.to.townName) fail('address-rule-invalid');
    if ((r.from.banchiFrom === undefined) !== (r.from.banchiTo === undefined)) fail('address-rule-invalid');
    if (r.from.banchiFrom !== undefined && r.from.banchiTo! < r.from.banchiFrom) fail('address-rule-invalid');
  }
}

/** True when the rule covers the address. */
export function ruleMatches(towns: readonly Town[], rule: AddressRule, a: Address): boolean {
  if (townKey(towns, rule.from) !== townKey(towns, { townCode: a.townCode, townName: a.townName })) return false;
  if (rule.from.banchi !== undefined) return foldName(rule.from.banchi) === foldName(a.banchi);
  if (rule.from.banchiFrom !== undefined) {
    const n = lotNumber(a.banchi);
    return n !== null && n >= rule.from.banchiFrom && n <= rule.from.banchiTo!;
  }
  return true;
}

/**
 * Matches households to rules.
 * @param expectedVersions versions from the trial run; a household changed since is skipped
 */
export function matchAddressBatch(towns: readonly Town[], rules: readonly AddressRule[], households: readonly BatchHousehold[], expectedVersions: Record<string, number> = {}) {
  validateRules(rules);
  const items: BatchItem[] = [];
  const conflicts: BatchConflict[] = [];
  const used = new Set<number>();
  for (const h of [...households].sort((a, b) => a.householdNo.localeCompare(b.householdNo))) {
    const hits = rules.flatMap((r, i) => (ruleMatches(towns, r, h.address) ? [i] : []));
    if (hits.length === 0) continue;
    hits.forEach((i) => used.add(i));
    if (hits.length > 1) { conflicts.push({ householdId: h.householdId, code: 'ambiguous-rule' }); continue; }
    if (h.pendingChangeId) { conflicts.push({ householdId: h.householdId, code: 'provisional-change-pending' }); continue; }
    const expected = expectedVersions[h.householdId];
    if (expected !== undefined && expected !== h.version) { conflicts.push({ householdId: h.householdId, code: 'household-version-conflict' }); continue; }
    const rule = rules[hits[0]!]!;
    items.push({
      householdId: h.householdId, householdNo: h.householdNo, version: h.version, personIds: h.personIds, ruleIndex: hits[0]!, from: h.address,
      to: { ...(rule.to.townCode ? { townCode: rule.to.townCode } : { townName: rule.to.townName }), banchi: rule.to.banchi ?? h.address.banchi, katagaki: h.address.katagaki, unlisted: !!rule.to.unlisted },
    });
  }
  return { items, conflicts, unusedRules: rules.map((_, i) => i).filter((i) => !used.has(i)) };
}
