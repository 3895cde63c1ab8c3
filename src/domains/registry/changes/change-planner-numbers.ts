// SPDX-License-Identifier: EUPL-1.2
/**
 * The rules of the changes to a person's numbers (spec §1.2.2 修正 reasons, §4.3, §4.4): 個人番号の変更請求・職権修正・
 * 職権記載 (番号法7条) and 住民票コードの変更請求 (住基法30条の4)・職権記載; and the 未届転入 items of a 転入 (§4.1.1.4).
 * Pure; called by `planChange`.
 */
import type { PersonRecord } from '../registry-model.ts';
import type { ChangeInput } from '../registry.schema.ts';
import type { PersonState } from './planner-state.ts';
import { isValidMyNumber, isValidResidentCode } from '../numbers/my-number.ts';
import { fail } from '../registry-errors.ts';

export type NumberChangeInput = Extract<ChangeInput, { kind: 'my-number-change' | 'resident-code-change' }>;

/** The planner's tools this needs. */
export interface NumberTools {
  current(id: string): PersonRecord;
  active(id: string): PersonState;
  put(id: string, r: PersonRecord): void;
  myNumbers: Array<{ index: string; myNumber: string }>;
  ctx: { myNumberIndex(myNumber: string): string; newResidentCode(): string };
}

/**
 * Plans a number change into the planner's draft.
 * @throws RegistryRuleError 'invalid-my-number', 'my-number-already-recorded', 'my-number-not-recorded', 'my-number-unchanged',
 *   'resident-code-from-stock', 'resident-code-required', 'invalid-resident-code', 'resident-code-unchanged'
 */
export function planNumberChange(input: NumberChangeInput, t: NumberTools): void {
  const r = t.current(t.active(input.personId).personId);
  if (input.kind === 'my-number-change') {
    // 変更請求 and 職権修正 replace a number, 職権記載 enters a missing one; the number is the one J-LIS notified.
    if (!isValidMyNumber(input.myNumber)) fail('invalid-my-number');
    const entry = input.ground === 'ex-officio-entry';
    if (entry && r.myNumberIndex) fail('my-number-already-recorded');
    if (!entry && !r.myNumberIndex) fail('my-number-not-recorded');
    const index = t.ctx.myNumberIndex(input.myNumber);
    if (index === r.myNumberIndex) fail('my-number-unchanged');
    t.myNumbers.push({ index, myNumber: input.myNumber });
    t.put(input.personId, { ...r, myNumberIndex: index });
    return;
  }
  // 住民票コード: a 変更請求 draws a new code from the allotted stock (never typed in); a 職権記載 records the given one.
  if (input.ground === 'request') {
    if (input.residentCode) fail('resident-code-from-stock');
    t.put(input.personId, { ...r, residentCode: t.ctx.newResidentCode() });
    return;
  }
  if (!input.residentCode) fail('resident-code-required');
  if (!isValidResidentCode(input.residentCode)) fail('invalid-resident-code');
  if (input.residentCode === r.residentCode) fail('resident-code-unchanged');
  t.put(input.personId, { ...r, residentCode: input.residentCode });
}

/**
 * 未届転入 (spec §4.1.1.4): 転入前住所 is the address where the person lived without notifying it, marked 「（未届）」, and
 * the 最終登録住所地 (which gets the 転入通知) is kept. Undefined for an ordinary 転入.
 * @throws RegistryRuleError 'unreported-move-in-abroad', 'unreported-previous-address-required'
 */
export function unreportedMoveIn(input: Extract<ChangeInput, { kind: 'move-in' }>, abroad: boolean): { previousAddress: string; lastRegisteredAddress: string } | undefined {
  if (!input.unreported) return undefined;
  if (abroad) fail('unreported-move-in-abroad');
  if (!input.previousAddress.trim()) fail('unreported-previous-address-required');
  return { previousAddress: `${input.previousAddress.replace(/（未届）$/, '')}（未届）`, lastRegisteredAddress: input.unreported.lastRegisteredAddress };
}
