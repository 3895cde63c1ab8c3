// SPDX-License-Identifier: EUPL-1.2
/**
 * 事実上の世帯主 (spec §4.1.4.3): the person who in fact heads a household when the registered 世帯主 does not (e.g.
 * a minor registered as head), recorded on request as a C-type remark (備考) of the household. Like every household
 * item in the snapshot model, it is carried on each living member's record; a member who joins the household gets
 * it, one who leaves for another household loses it. Pure.
 */
import type { PersonRecord } from '../registry-model.ts';
import type { ChangeInput } from '../registry.schema.ts';
import { HEAD } from '../relationship.ts';
import { fail } from '../registry-errors.ts';
import type { World } from './planner-state.ts';

type Input = Extract<ChangeInput, { kind: 'de-facto-head' }>;

const compact = (s: string) => s.replace(/[\s\u3000]/g, '');

/**
 * Plans 事実上の世帯主の記載 or 削除 on every living member of the household.
 * @returns whether it is a deletion (for the 異動事由)
 * @throws RegistryRuleError 'household-not-found', 'de-facto-head-required', 'de-facto-head-is-head', 'de-facto-head-not-recorded'
 */
export function planDeFactoHead(input: Input, t: { members(h: string): Array<[string, PersonRecord]>; household(h: string): unknown; put(id: string, r: PersonRecord): void }): boolean {
  t.household(input.householdId);
  const ms = t.members(input.householdId);
  if (ms.length === 0) fail('household-not-found');
  const recorded = ms.find(([, r]) => r.deFactoHead)?.[1].deFactoHead;
  if (input.action === 'enter') {
    const name = input.name ?? '';
    if (!compact(name)) fail('de-facto-head-required');
    const head = ms.find(([, r]) => r.relationship === HEAD)?.[1];
    if (head && compact(`${head.familyName}${head.givenName}`) === compact(name)) fail('de-facto-head-is-head');
    if (recorded === name) fail('de-facto-head-unchanged');
  } else if (!recorded) fail('de-facto-head-not-recorded');
  for (const [id, r] of ms) {
    const next = { ...r };
    delete next.deFactoHead;
    if (input.action === 'enter') next.deFactoHead = input.name!;
    t.put(id, next);
  }
  return input.action === 'delete';
}

/**
 * Keeps the household item consistent after any change (not a cancellation, which restores records as they were):
 * every drafted record carries the 事実上の世帯主 of the household it is in after the change — the value its living
 * members had before, or the one this change records — and none in a household that has none.
 */
export function carryDeFactoHead(draft: Map<string, PersonRecord>, world: Pick<World, 'persons'>, input: ChangeInput) {
  const set = input.kind === 'de-facto-head' ? { householdId: input.householdId, name: input.action === 'enter' ? input.name : undefined } : undefined;
  const before = new Map<string, string>();
  for (const p of world.persons.values()) {
    if (!p.record.removedOn && p.record.deFactoHead && !before.has(p.record.householdId)) before.set(p.record.householdId, p.record.deFactoHead);
  }
  for (const [id, r] of draft) {
    const value = set && set.householdId === r.householdId ? set.name : before.get(r.householdId);
    if (r.deFactoHead === value) continue;
    const next = { ...r };
    delete next.deFactoHead;
    if (value) next.deFactoHead = value;
    draft.set(id, next);
  }
}
