// SPDX-License-Identifier: EUPL-1.2
/**
 * The rules of the changes to a person's items and household without a move (spec §4.1.4, §4.2.3, §4.5,
 * §4.1.3.1, §9.7): 旧氏・通称の記載/削除, 在留資格等の変更, 帰化, 国籍喪失, 世帯変更, 軽微な修正, 転入通知の受理 and
 * 住居表示/区画整理 of one household. Pure; called by `planChange` with its planning tools (change-planner.ts).
 */
import type { Address, AliasEvent, PersonRecord } from '../registry-model.ts';
import type { AddressInput, ChangeInput, NewPersonInput } from '../registry.schema.ts';
import type { HouseholdState, PersonState, World } from './planner-state.ts';
import type { LegalDate } from '../../../platform/dates/jp-date.ts';
import { HEAD } from '../relationship.ts';
import { CERTIFIABLE_READINGS } from '../readings.ts';
import { alert, fail, type Alert } from '../registry-errors.ts';
import { planDeFactoHead } from './de-facto-head.ts';
import { detailFor } from './change-planner-address.ts';

export { carryDeFactoHead } from './de-facto-head.ts';

/** The kinds planned here. */
export type ItemChangeInput = Extract<ChangeInput, { kind: 'old-surname' | 'alias' | 'residence-status-change' | 'naturalization' | 'nationality-loss'
  | 'household-change' | 'minor-correction' | 'move-in-notice' | 'address-renaming' | 'reading' | 'de-facto-head' }>;

/** The planner's working state and helpers (closures over the plan being built). */
export interface PlanTools {
  world: World;
  occurredOn: string;
  notifiedOn: string | null;
  alerts: Alert[];
  draft: Map<string, PersonRecord>;
  retro: Map<string, string>;
  person(id: string): PersonState;
  active(id: string): PersonState;
  current(id: string): PersonRecord;
  put(id: string, r: PersonRecord): void;
  touch(householdId: string): void;
  household(id: string): HouseholdState;
  members(householdId: string): Array<[string, PersonRecord]>;
  nextOrder(householdId: string): number;
  relationshipOf(rels: Record<string, string>, id: string): string;
  afterLeaving(householdId: string, headId?: string, rels?: Record<string, string>): void;
  address(a: AddressInput): Address;
  foreignItems(f: NewPersonInput['foreign'], since: LegalDate): PersonRecord['foreign'];
  checkNames(r: PersonRecord): void;
  /** Parses a calendar date or fails with 'invalid-date'. */
  date(text: string): string;
  /** Enters a new record (a new person id under the record's 宛名番号); returns its id. */
  addPerson(r: PersonRecord): string;
}

/** One entry or deletion of a 通称 (施行令 30条の26), dated and with the recording municipality. */
export function aliasEvent(world: Pick<World, 'municipalityCode'>, on: string, action: AliasEvent['action'], alias: string, aliasKana?: string): AliasEvent {
  return { action, alias, ...(aliasKana ? { aliasKana } : {}), on, municipalityCode: world.municipalityCode };
}

/** The record with the optional keys removed (absent rather than undefined, so stored JSON stays minimal). */
function without(r: PersonRecord, ...keys: Array<keyof PersonRecord>): PersonRecord {
  const out = { ...r };
  for (const k of keys) delete out[k];
  return out;
}
const defined = <T extends object>(o: T | undefined) => Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
const sameAddress = (a: Address, b: Address) => a.townCode === b.townCode && a.townName === b.townName && a.banchi === b.banchi && a.katagaki === b.katagaki;

/**
 * Plans one of the item changes into the tools' draft.
 * @returns the reason modifiers (deletion of 旧氏/通称; cause of an address renaming)
 * @throws RegistryRuleError for every blocking rule
 */
export function planItemChange(input: ItemChangeInput, t: PlanTools): { deleted: boolean; cause?: '住居表示' | '区画整理' } {
  const { world, occurredOn, notifiedOn, alerts, draft, retro, person, active, current, put, touch, household, members, nextOrder, relationshipOf, afterLeaving, address, foreignItems, checkNames } = t;
  const today = world.today;
  const date = t.date;
  let deleted = false;
  let cause: '住居表示' | '区画整理' | undefined;
  switch (input.kind) {
    case 'de-facto-head':
      deleted = planDeFactoHead(input, { members, household, put });
      break;
    case 'reading': {
      // 振り仮名の記載 (令和5年法律第48号): the 本籍地's notice sets the readings and their status; Japanese residents
      // only (foreign residents have no certified reading). A reading not given keeps its value and status.
      const r = current(active(input.personId).personId);
      if (r.residentKind !== 'japanese') fail('reading-japanese-only');
      const given = CERTIFIABLE_READINGS.filter((f) => input[f] !== undefined && input[f] !== '');
      if (given.length === 0) fail('reading-required');
      if (input.oldSurnameKana && !r.oldSurname) fail('old-surname-not-recorded');
      const next: PersonRecord = { ...r, readingStatus: { ...(r.readingStatus ?? {}) } };
      for (const f of given) {
        next[f] = input[f]!;
        next.readingStatus![f] = input.status;
      }
      put(input.personId, next);
      break;
    }
    case 'old-surname': {
      // 旧氏 (住基法施行令 30条の13–16): Japanese residents, on request; the deletion stays in history.
      const r = current(active(input.personId).personId);
      if (r.residentKind !== 'japanese') fail('old-surname-japanese-only');
      if (input.action === 'enter') {
        if (!input.oldSurname?.trim()) fail('old-surname-required');
        if (input.oldSurname === r.familyName) fail('old-surname-same-as-surname');
        const next = without(r, 'oldSurnameKana');
        next.oldSurname = input.oldSurname;
        if (input.oldSurnameKana) next.oldSurnameKana = input.oldSurnameKana;
        checkNames(next);
        put(input.personId, next);
      } else {
        if (!r.oldSurname) fail('old-surname-not-recorded');
        deleted = true;
        put(input.personId, without(r, 'oldSurname', 'oldSurnameKana'));
      }
      break;
    }
    case 'alias': {
      // 通称 (施行令 30条の26): foreign residents, on request; 通称の記載及び削除に関する事項 are kept on the record.
      const r = current(active(input.personId).personId);
      if (r.residentKind !== 'foreign') fail('alias-foreign-only');
      const history = [...(r.aliasHistory ?? [])];
      if (input.action === 'enter') {
        if (!input.alias?.trim()) fail('alias-required');
        if (r.alias) fail('alias-already-recorded');
        const next = without(r, 'aliasKana');
        next.alias = input.alias;
        if (input.aliasKana) next.aliasKana = input.aliasKana;
        next.aliasHistory = [...history, aliasEvent(world, occurredOn, 'entered', input.alias, input.aliasKana)];
        checkNames(next);
        put(input.personId, next);
      } else {
        if (!r.alias) fail('alias-not-recorded');
        deleted = true;
        put(input.personId, { ...without(r, 'alias', 'aliasKana'), aliasHistory: [...history, aliasEvent(world, occurredOn, 'deleted', r.alias, r.aliasKana)] });
      }
      break;
    }
    case 'residence-status-change': {
      const r = current(active(input.personId).personId);
      if (r.residentKind !== 'foreign' || !r.foreign) fail('not-foreign-resident');
      const category = input.category ?? r.foreign.category;
      if (category === '特別永住者') fail('no-residence-period');
      const expiry = date(input.residenceExpiry)!;
      if (expiry < occurredOn) fail('residence-expiry-before-change');
      if (expiry < today) alerts.push(alert('residence-period-expired'));
      const cardNo = input.residenceCardNo || r.foreign.residenceCardNo;
      if (cardNo && !/^[A-Z]{2}\d{8}[A-Z]{2}$/.test(cardNo)) fail('invalid-residence-card-no');
      if (category === '中長期在留者' && !cardNo) fail('foreign-items-required');
      put(input.personId, { ...r, foreign: { ...r.foreign, category, residenceStatus: input.residenceStatus, residencePeriod: input.residencePeriod, residenceExpiry: expiry,
        ...(cardNo ? { residenceCardNo: cardNo } : {}) } });
      break;
    }
    case 'naturalization': {
      // 帰化 (spec §4.5.3): a new Japanese record inherits 宛名番号, 住民票コード, 個人番号, address, 続柄 and the
      // household place; 外国人住民となった年月日 becomes 住民となった年月日; the 30条の45 items and the 通称 end.
      const r = current(active(input.personId).personId);
      if (r.residentKind !== 'foreign') fail('not-foreign-resident');
      let next: PersonRecord = { ...without(r, 'foreign', 'romanName', 'alias', 'aliasKana', 'hittosha'), ...defined(input.name), residentKind: 'japanese',
        honseki: input.honseki, becameResidentOn: r.foreign?.foreignResidentSince ?? r.becameResidentOn };
      const hd = detailFor(t.world, input.honsekiDetail, 'honsekiDetail');
      if (hd) next.honsekiDetail = hd;
      if (input.hittosha) next.hittosha = input.hittosha;
      if (r.alias) {
        next = { ...next, aliasHistory: [...(r.aliasHistory ?? []), aliasEvent(world, occurredOn, 'deleted', r.alias, r.aliasKana)] };
        alerts.push(alert('alias-deleted-on-naturalization'));
      }
      checkNames(next);
      // R16: the foreign record is removed (職権消除（帰化等）) and stays issuable as a 除票; the Japanese one is entered.
      put(input.personId, { ...r, removedOn: occurredOn, removalReason: '職権消除（帰化等）' });
      t.addPerson(next);
      break;
    }
    case 'nationality-loss': {
      // 国籍喪失 (spec §4.5.5): 外国人住民となった年月日 = the later of the loss and 住民となった年月日.
      const r = current(active(input.personId).personId);
      if (r.residentKind !== 'japanese') fail('not-japanese-resident');
      const since: LegalDate = r.becameResidentOn.sortKey > occurredOn ? r.becameResidentOn : { sortKey: occurredOn, precision: 'day' };
      // A 経過滞在者 by this change stays by reason of the 国籍喪失 itself (spec §1.1.2): the cause need not be typed.
      const foreign = input.foreign?.category === '経過滞在者' && !input.foreign.transitionalCause ? { ...input.foreign, transitionalCause: '国籍喪失' as const } : input.foreign;
      const next: PersonRecord = { ...without(r, 'honseki', 'hittosha', 'oldSurname', 'oldSurnameKana'), residentKind: 'foreign', foreign: foreignItems(foreign, since) };
      if (input.romanName) next.romanName = input.romanName;
      if (r.oldSurname) alerts.push(alert('old-surname-deleted-on-nationality-loss'));
      checkNames(next);
      // R17: the Japanese record is removed (職権消除（国籍喪失）); the foreign one is entered under the same 宛名番号.
      put(input.personId, { ...r, removedOn: occurredOn, removalReason: '職権消除（国籍喪失）' });
      t.addPerson(next);
      break;
    }
    case 'household-change': {
      // 世帯変更 (住基法 25条): members join another household at the same address and/or 続柄 change, no move.
      const h = household(input.householdId);
      const targetMembers = members(h.householdId);
      // The household's address is every member's (it may be without a head for a while, issue #9).
      const head = targetMembers.find(([, r]) => r.relationship === HEAD) ?? targetMembers[0];
      if (!head) fail('household-not-found');
      if (input.personIds.length === 0 && Object.keys(input.relationships).length === 0) fail('empty-patch');
      const movers = input.personIds.map((id) => active(id));
      const from = new Set(movers.map((m) => m.record.householdId));
      if (from.size > 1) fail('persons-in-different-households');
      if (from.has(h.householdId)) fail('same-household');
      for (const m of movers) if (!sameAddress(m.record.address, head[1].address)) fail('household-change-address-differs');
      for (const m of [...movers].sort((a, b) => a.record.memberOrder - b.record.memberOrder)) {
        put(m.personId, { ...current(m.personId), householdId: h.householdId, householdNo: h.householdNo, relationship: relationshipOf(input.relationships, m.personId),
          memberOrder: nextOrder(h.householdId), notifiedOn: notifiedOn ?? undefined });
      }
      for (const id of Object.keys(input.relationships)) {
        if (input.personIds.includes(id)) continue;
        const member = targetMembers.find(([mid]) => mid === id);
        if (!member) fail('person-not-in-household');
        if (member[1].relationship === HEAD) fail('head-change-required');
        active(id);
        put(id, { ...current(id), relationship: relationshipOf(input.relationships, id), notifiedOn: notifiedOn ?? undefined });
      }
      touch(h.householdId);
      const fromId = [...from][0];
      if (fromId) {
        touch(fromId);
        afterLeaving(fromId, input.remainingHeadPersonId, input.remainingRelationships);
      }
      break;
    }
    case 'minor-correction': {
      // 軽微な修正 (施行規則 11条3項2号, spec §4.2.3.2): characters of the name, or the notation of the address
      // (町字の名称変更, 地番の変更, 住居表示 …) for the whole household; 住所を定めた年月日 does not change.
      const p = active(input.personId);
      const names = defined(input.name);
      if (Object.keys(names).length === 0 && !input.address) fail('empty-patch');
      if (Object.keys(names).length > 0) {
        const next = { ...current(p.personId), ...names };
        checkNames(next);
        put(p.personId, next);
      }
      if (input.address) {
        const addr = address(input.address);
        for (const [id] of members(p.record.householdId)) {
          active(id);
          put(id, { ...current(id), address: addr });
        }
      }
      break;
    }
    case 'move-in-notice': {
      // 転入通知の受理 (spec §4.1.3.1.1): recorded on the 除票 next to the planned items, which stay; the removal
      // date becomes the earlier of the planned date and the confirmed move (spec §1.1.5). The household is not touched.
      const p = person(input.personId);
      const r = current(p.personId);
      if (!r.removedOn || r.removalReason !== '国内転出') fail('no-move-out-record');
      const movedOn = date(input.movedOn)!;
      if (movedOn > occurredOn) fail('move-in-notice-date-order');
      if (r.moveInNotice) alerts.push(alert('move-in-notice-replaced'));
      const plannedOn = r.moveInNotice?.plannedOn ?? r.removedOn;
      const removedOn = movedOn < plannedOn ? movedOn : plannedOn;
      const destinationDetail = detailFor(t.world, input.destinationDetail, 'destinationDetail');
      draft.set(p.personId, { ...r, removedOn, moveInNotice: { receivedOn: occurredOn, destination: input.destination, ...(destinationDetail ? { destinationDetail } : {}), movedOn, plannedOn } });
      retro.set(p.personId, removedOn < p.lastEffectiveOn ? removedOn : p.lastEffectiveOn);
      break;
    }
    case 'address-renaming': {
      // 住居表示の実施 / 区画整理 (spec §9.7): the household's address notation changes; nobody moves.
      const h = household(input.householdId);
      const ms = members(h.householdId);
      if (ms.length === 0) fail('household-not-found');
      cause = input.cause;
      const addr = address(input.address);
      for (const [id] of ms) {
        active(id);
        put(id, { ...current(id), address: addr });
      }
      break;
    }
  }
  return { deleted, cause };
}
