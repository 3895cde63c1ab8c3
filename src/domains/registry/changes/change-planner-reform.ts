// SPDX-License-Identifier: EUPL-1.2
/**
 * 改製 and 再製 of a 住民票 (spec §1.1.4, R23). 改製 is manual (never automatic): the record is written fresh with the
 * items in force only, under a new record id and the same 宛名番号, with its 改製年月日; the old record is removed
 * with 消除事由 「改製」 and kept (150 years) as the 改製原住民票, issuable. 再製 (住基法施行令10条) re-makes a lost
 * or damaged record from its latest state, in place, with the date and the ground. Both always 職権.
 */
import type { PersonRecord } from '../registry-model.ts';
import type { ChangeInput } from '../registry.schema.ts';
import { fail } from '../registry-errors.ts';
import type { PlanTools } from './change-planner-items.ts';

export type ReformInput = Extract<ChangeInput, { kind: 'reform' | 'remake' }>;

/** The items in force of a record, as a 改製 writes them (no past entries, no markers of an earlier 改製・再製). */
export function itemsInForce(r: PersonRecord, on: string): PersonRecord {
  const { aliasHistory, remadeOn: _r, remakeGround: _g, reformedOn: _f, ...rest } = r;
  // 通称の記載及び削除に関する事項: only the entry of the 通称 in force is carried; deleted 通称 stay on the 改製原.
  const lastEntry = r.alias ? [...(aliasHistory ?? [])].reverse().find((e) => e.action === 'entered' && e.alias === r.alias) : undefined;
  return { ...rest, ...(lastEntry ? { aliasHistory: [lastEntry] } : {}), reformedOn: on };
}

/** Plans a 改製 or 再製 with the planner's tools. */
export function planReform(input: ReformInput, t: Pick<PlanTools, 'active' | 'current' | 'put' | 'addPerson' | 'occurredOn' | 'world'>) {
  const p = t.active(input.personId);
  const r = t.current(p.personId);
  if (input.kind === 'reform') {
    if (r.reformedOn === t.occurredOn) fail('already-reformed');
    t.put(p.personId, { ...r, removedOn: t.occurredOn, removalReason: '改製' });
    return t.addPerson(itemsInForce(r, t.occurredOn));
  }
  t.put(p.personId, { ...r, remadeOn: t.occurredOn, remakeGround: input.ground });
  return p.personId;
}
