// SPDX-License-Identifier: EUPL-1.2
/**
 * 異動の取消し (spec §4.6): what a cancelling change writes for one person of the cancelled change. The latest change of a
 * person is undone by restoring the snapshot before it. An older one is undone item by item: every item the cancelled
 * change altered goes back to its value before, provided no later change altered it since (otherwise the clerk cancels
 * the later change first, or corrects by 誤記修正). Both changes stay in history. Pure.
 */
import type { PersonRecord } from '../registry-model.ts';
import type { CancelTarget, PersonState } from './planner-state.ts';
import { fail } from '../registry-errors.ts';

type Item = CancelTarget['items'][number];
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The record that undoes `item` for the person as they stand now (`p`).
 * @throws RegistryRuleError 'cancellation-conflict' when a later change altered an item the cancelled change altered,
 *   or removed the person since; 'cancellation-not-latest' when the cancelled snapshot is not known
 */
export function cancelledRecord(item: Item, p: PersonState, occurredOn: string): PersonRecord {
  const prev = item.previous;
  if (p.historyNo === item.historyNo) {
    return prev ? { ...prev } : { ...p.record, removedOn: occurredOn, removalReason: '異動の取消し' };
  }
  const cancelled = item.cancelled;
  if (!cancelled) fail('cancellation-not-latest');
  // A 記載 (転入, 出生 …) cancelled after later changes: the person's record is removed by the cancellation.
  if (!prev) {
    if (p.record.removedOn) fail('cancellation-conflict');
    return { ...p.record, removedOn: occurredOn, removalReason: '異動の取消し' };
  }
  const keys = new Set([...Object.keys(prev), ...Object.keys(cancelled)] as Array<keyof PersonRecord>);
  const changed = [...keys].filter((k) => !same(prev[k], cancelled[k]));
  // Removed since by another change (死亡, 転出 …), or an item changed again since: the later change comes first.
  if (p.record.removedOn && !cancelled.removedOn) fail('cancellation-conflict');
  for (const k of changed) if (!same(p.record[k], cancelled[k])) fail('cancellation-conflict', { item: k });
  const out: PersonRecord = { ...p.record };
  for (const k of changed) {
    if (prev[k] === undefined) delete out[k];
    else (out as unknown as Record<string, unknown>)[k] = prev[k];
  }
  return out;
}
