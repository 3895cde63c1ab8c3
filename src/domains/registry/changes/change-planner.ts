// SPDX-License-Identifier: EUPL-1.2
/**
 * The rules of every change (異動), as a pure function: given the current final state of the persons and
 * households a change touches, either a plan of new snapshots (and alerts) or a RegistryRuleError. No I/O;
 * the service loads the state, applies the plan and owns the transaction. Spec §4.0–§4.6, §5.
 */
import type { ChangeInput, NewPersonInput, PersonPatch, AddressInput } from '../registry.schema.ts';
import type { Address, ChangeKind, PersonRecord, RemovalReason } from '../registry-model.ts';
import { aliasEvent, carryDeFactoHead, planItemChange } from './change-planner-items.ts';
import { addressPostalCode, detailFor } from './change-planner-address.ts';
import { addressCodeOf, type AddressDetail } from '../addresses/address-dictionary.ts';
import { planReform } from './change-planner-reform.ts';
import { planNumberChange, unreportedMoveIn } from './change-planner-numbers.ts';
import { cancelledRecord } from './change-planner-cancel.ts';
import { ALIEN_REGISTRATION_LAW_END, KIND_CHANGE_REMOVALS, reasonOf } from '../registry-model.ts';
import { addDays, InvalidLegalDateError, isCalendarDate, parseCalendarDate, parseLegalDate, type LegalDate } from '../../../platform/dates/jp-date.ts';
import { isValidMyNumber, isValidResidentCode } from '../numbers/my-number.ts';
import { hasForbiddenNameSymbols } from '../name-folding.ts';
import { HEAD, isValidRelationship, relationshipRank } from '../relationship.ts';
import { belongsToChildFamily, orderMembers, type MemberOrderMode } from '../member-order.ts';
import { matchTown } from '../addresses/address-master.ts';
import { aboutPerson, alert, fail, failReading, personExtra, type Alert } from '../registry-errors.ts';
import { isKatakanaReading, READING_FIELDS, settleReadingStatus, type ReadingField } from '../readings.ts';

import type { HouseholdState, PersonState, World } from './planner-state.ts';
export type { CancelTarget, HouseholdState, PersonState, World } from './planner-state.ts';

import { date, legal, involvedIds, type Plan, type PlanContext, type PlannedSnapshot } from './change-planner-types.ts';
export { involvedIds, type Plan, type PlanContext, type PlannedSnapshot } from './change-planner-types.ts';

const NOTIFIED_KINDS: ChangeKind[] = ['move-in', 'move-within', 'move-out', 'household-split', 'household-merge', 'head-change', 'household-change'];
/** Made on request (請求・申出) without a statutory deadline: 届出日 defaults to today, no late alert. */
const REQUESTED_KINDS: ChangeKind[] = ['old-surname', 'alias', 'de-facto-head'];
/** Kinds whose 異動日 may be vague or estimated (「推定」「頃」「不詳」) or non-calendar (spec §1.1.8: 出生・死亡・失踪). */
export const VAGUE_DATE_KINDS: readonly ChangeKind[] = ['birth', 'death', 'ex-officio-removal'];
/** A planned 転出 further ahead than this many days needs the clerk's confirmation. */
export const MOVE_OUT_CONFIRM_DAYS = 14;
/** Always 職権 (never a notification by the resident). */
const EX_OFFICIO_KINDS: ChangeKind[] = ['naturalization', 'nationality-loss', 'minor-correction', 'move-in-notice', 'address-renaming', 'reading', 'reform', 'remake'];

/**
 * Plans a change against the world.
 * @throws RegistryRuleError for every blocking rule (see registry-errors.ts ERRORS)
 */
export function planChange(input: ChangeInput, world: World, ctx: PlanContext): Plan {
  const today = world.today;
  // 異動日: a calendar day, except 出生・死亡・失踪 whose date may be vague (kept as text on the record). A vague
  // date sorts by its first day, a wholly unknown one (年月日不詳) by the day it is recorded.
  const occurred = VAGUE_DATE_KINDS.includes(input.kind) ? legal(input.occurredOn, { nonCalendar: true }) : { sortKey: date(input.occurredOn)!, precision: 'day' as const };
  const occurredOn = occurred.precision === 'unknown' ? (date(input.notifiedOn) ?? today) : occurred.sortKey;
  /** The last day a vague 異動日 can mean (for order checks against earlier changes). */
  const occurredEnd = occurred.precision === 'year' ? `${occurredOn.slice(0, 4)}-12-31` : occurred.precision === 'month' ? `${occurredOn.slice(0, 8)}31` : occurred.precision === 'unknown' ? today : occurredOn;
  // 申出を受けた職権 (spec §4.2.0.5) is 職権 with its 申出日; a 個人番号/住民票コード 変更請求 is a request, the others 職権.
  const requested = (input.kind === 'my-number-change' || input.kind === 'resident-code-change') && input.ground === 'request';
  const numberExOfficio = (input.kind === 'my-number-change' || input.kind === 'resident-code-change') && !requested;
  let exOfficio = input.exOfficio || input.onRequest || numberExOfficio || EX_OFFICIO_KINDS.includes(input.kind);
  const notifiedOn = exOfficio ? (date(input.notifiedOn) ?? null)
    : (date(input.notifiedOn) ?? (NOTIFIED_KINDS.includes(input.kind) || REQUESTED_KINDS.includes(input.kind) || requested ? today : null));
  if (input.onRequest && !input.requestedOn) fail('requested-on-required');
  if (input.requestedOn && !input.onRequest) fail('requested-on-without-request');
  const requestedOn = date(input.requestedOn) ?? null;
  if (requestedOn && requestedOn > today) fail('requested-on-in-future');
  const alerts: Alert[] = [];
  // spec §4.0.3: 異動日 ≤ today except 転出 (planned move-out date); 届出日 ≤ today.
  if (occurredOn > today && input.kind !== 'move-out') fail('change-date-in-future');
  if (notifiedOn && notifiedOn > today) fail('notification-date-in-future');
  // 届出日 comes after the event (a 転出 is notified in advance; an unknown date cannot be compared) (issue #9).
  if (notifiedOn && input.kind !== 'move-out' && occurred.precision !== 'unknown' && notifiedOn < occurredOn) fail('notification-before-change');
  // A planned 転出 far ahead is most often a typing error: the clerk confirms it (issue #9).
  if (input.kind === 'move-out' && occurredOn > addDays(today, MOVE_OUT_CONFIRM_DAYS) && !input.confirmPlannedDate) fail('move-out-date-confirm');
  /** A 転出 notified more than 14 days after the move cannot be accepted as a 転出届: it is processed 職権 (spec §4.1.3.0.1/.3). */
  let lateMoveOut = false;
  if (notifiedOn && NOTIFIED_KINDS.includes(input.kind) && !exOfficio && notifiedOn > addDays(occurredOn, 14)) {
    alerts.push(alert(input.kind === 'move-out' ? 'move-out-ex-officio' : 'late-notification'));
    if (input.kind === 'move-out') lateMoveOut = exOfficio = true;
  }

  const draft = new Map<string, PersonRecord>();
  const newPersons = new Set<string>();
  const newHouseholds: Plan['newHouseholds'] = [];
  const touched = new Set<string>();
  const myNumbers: Plan['myNumbers'] = [];
  const retro = new Map<string, string>();

  const person = (id: string): PersonState => {
    const p = world.persons.get(id);
    if (!p) fail('person-not-found');
    return p;
  };
  const current = (id: string): PersonRecord => draft.get(id) ?? person(id).record;
  const household = (id: string): HouseholdState => {
    const h = world.households.get(id);
    if (!h) fail('household-not-found');
    return h;
  };
  const active = (id: string) => {
    const p = person(id);
    if (p.record.removedOn) fail('person-removed');
    if (occurredEnd < p.lastEffectiveOn && input.kind !== 'clerical-correction') fail('change-date-before-last');
    return p;
  };
  /** Active members of a household after the draft so far (world persons and new persons). */
  const members = (householdId: string): Array<[string, PersonRecord]> => {
    const ids = new Set([...world.persons.keys(), ...draft.keys()]);
    return [...ids].map((id) => [id, current(id)] as [string, PersonRecord])
      .filter(([, r]) => r.householdId === householdId && !r.removedOn);
  };
  const put = (id: string, r: PersonRecord) => {
    // A reading changed by any other change than the 振り仮名の記載 is no longer the certified one (spec §1.1.18).
    draft.set(id, input.kind === 'reading' ? r : settleReadingStatus(world.persons.get(id)?.record, r));
    touched.add(r.householdId);
  };
  const touch = (householdId: string) => touched.add(householdId);
  const newHousehold = () => {
    const h = { householdId: ctx.newId(), householdNo: ctx.nextHouseholdNo() };
    newHouseholds.push(h);
    touched.add(h.householdId);
    return h;
  };
  const relationshipOf = (rels: Record<string, string>, id: string) => {
    const r = rels[id];
    if (!r) fail('relationship-required');
    if (!isValidRelationship(r) || r === HEAD) fail('invalid-relationship');
    return r;
  };
  const nextOrder = (householdId: string) => Math.max(0, ...members(householdId).map(([, r]) => r.memberOrder)) + 1;

  /**
   * The rule for a head who leaves (spec §4.0.4–4.0.5, §1.1.10): no one left → nothing; one left → that member
   * becomes head ex officio (with an alert); several left → the new head and their 続柄 when given, otherwise the
   * household stays without a head (alert `household-head-missing`) until a 世帯主変更 (issue #9).
   */
  const afterLeaving = (householdId: string, headId?: string, rels: Record<string, string> = {}) => {
    const rest = members(householdId);
    if (rest.length === 0 || rest.some(([, r]) => r.relationship === HEAD)) {
      if (headId) fail('head-must-be-member');
      return;
    }
    if (rest.length === 1 && !headId) {
      const [id, r] = rest[0]!;
      put(id, { ...r, relationship: HEAD, memberOrder: 1 });
      alerts.push(alert('head-set-ex-officio'));
      return;
    }
    if (!headId) return; // left without a head: flagged below, resolved by a 世帯主変更
    if (!rest.some(([id]) => id === headId)) fail('head-must-be-member');
    for (const [id, r] of rest) {
      put(id, { ...r, relationship: id === headId ? HEAD : relationshipOf(rels, id) });
    }
  };

  const address = (a: AddressInput): Address => {
    const m = matchTown(world.towns, a);
    if (m.kind === 'unlisted' && !a.unlisted) fail('unknown-town');
    if (m.kind === 'unlisted') alerts.push(alert('town-unlisted'));
    return {
      townCode: m.kind === 'listed' ? m.town.code : null,
      townName: m.kind === 'listed' ? m.town.name : (a.townName ?? ''),
      banchi: a.banchi, katagaki: a.katagaki ?? '', check: m.kind,
      postalCode: addressPostalCode(world, a.postalCode, m.kind === 'listed' ? m.town : undefined),
      addressCode: m.kind === 'listed' ? addressCodeOf(world.municipalityCode, m.town.code) : null,
    };
  };

  const checkIdentifiers = (p: { myNumber?: string; residentCode?: string }) => {
    if (p.myNumber !== undefined && p.myNumber !== '' && !isValidMyNumber(p.myNumber)) fail('invalid-my-number');
    if (p.residentCode !== undefined && p.residentCode !== '' && !isValidResidentCode(p.residentCode)) fail('invalid-resident-code');
  };

  const foreignItems = (f: NewPersonInput['foreign'], since: LegalDate): PersonRecord['foreign'] => {
    if (!f) fail('foreign-items-required');
    if (f.category === '中長期在留者' && (!f.residenceStatus || !f.residenceExpiry || !f.residenceCardNo || !f.residencePeriod)) fail('foreign-items-required');
    if (f.category === '特別永住者' && !f.residenceCardNo) fail('foreign-items-required');
    if (f.residenceCardNo && !/^[A-Z]{2}\d{8}[A-Z]{2}$/.test(f.residenceCardNo)) fail('invalid-residence-card-no');
    const expiry = date(f.residenceExpiry);
    if (expiry && expiry < today) alerts.push(alert('residence-period-expired'));
    // 1.1.2: 上陸期間 (一時庇護許可者), 仮滞在期間 (仮滞在許可者) and the 経過滞在 cause belong to their category only.
    if (f.category === '一時庇護許可者' ? !f.landingPeriodEnd : f.landingPeriodEnd) fail('foreign-item-category', { field: 'landingPeriodEnd' });
    if (f.category === '仮滞在許可者' ? !f.provisionalStayEnd : f.provisionalStayEnd) fail('foreign-item-category', { field: 'provisionalStayEnd' });
    if (f.category === '経過滞在者' ? !f.transitionalCause : f.transitionalCause) fail('foreign-item-category', { field: 'transitionalCause' });
    const landingPeriodEnd = date(f.landingPeriodEnd);
    const provisionalStayEnd = date(f.provisionalStayEnd);
    const alienRegistrationDate = date(f.alienRegistrationDate);
    if (alienRegistrationDate && alienRegistrationDate >= ALIEN_REGISTRATION_LAW_END) fail('alien-registration-date-after-law');
    const since_ = f.foreignResidentSince ? legal(f.foreignResidentSince) : since;
    for (const end of [landingPeriodEnd, provisionalStayEnd]) if (end && end < since_.sortKey) fail('stay-period-before-since');
    if ((landingPeriodEnd && landingPeriodEnd < today) || (provisionalStayEnd && provisionalStayEnd < today)) alerts.push(alert('residence-period-expired'));
    return {
      nationality: f.nationality, category: f.category, residenceStatus: f.residenceStatus, residencePeriod: f.residencePeriod,
      residenceExpiry: expiry, residenceCardNo: f.residenceCardNo,
      foreignResidentSince: since_,
      ...(landingPeriodEnd ? { landingPeriodEnd } : {}), ...(provisionalStayEnd ? { provisionalStayEnd } : {}),
      ...(f.transitionalCause ? { transitionalCause: f.transitionalCause } : {}), ...(alienRegistrationDate ? { alienRegistrationDate } : {}),
      ...(f.residenceNotified !== undefined ? { residenceNotified: f.residenceNotified } : {}), ...(f.landingPermitMoveIn ? { landingPermitMoveIn: true } : {}),
    };
  };

  const checkNames = (r: Pick<PersonRecord, 'residentKind' | 'familyName' | 'givenName' | 'romanName' | 'alias' | 'oldSurname'>) => {
    if (r.residentKind === 'japanese' ? !r.familyName : !r.romanName && !r.familyName) fail('name-required');
    for (const t of [r.familyName, r.givenName, r.romanName, r.alias, r.oldSurname]) if (t && hasForbiddenNameSymbols(t)) fail('forbidden-name-symbol');
  };

  /** Builds the record of a person entered by 転入/出生/職権記載 (or re-admitted: their old items fill gaps). */
  const enter = (p: NewPersonInput, index: number, base: Parameters<typeof enterPerson>[2]) => {
    // Issue #9: a refusal about an entered person says which one and which field.
    try { return enterPerson(p, index, base); } catch (e) { throw aboutPerson(e, index, input.kind === 'birth' ? 'person' : `persons.${index}`); }
  };
  const enterPerson = (p: NewPersonInput, index: number, base: { householdId: string; householdNo: string; address: Address; memberOrder: number; previousAddress?: string;
    previousAddressDetail?: AddressDetail; lastRegisteredAddress?: string }) => {
    checkIdentifiers(p);
    if (!isValidRelationship(p.relationship)) fail('invalid-relationship');
    const birthDate = legal(p.birthDate);
    if (birthDate.precision !== 'unknown' && birthDate.sortKey > today) fail('birth-date-in-future');
    // No one is born after the change that enters them (for 出生: after the 異動日, the day of birth) (issue #9).
    if (birthDate.precision !== 'unknown' && occurred.precision !== 'unknown' && birthDate.sortKey > occurredEnd) fail('birth-after-change-date');
    const matches = world.identityMatches.get(index) ?? [];
    if (matches.some((m) => !m.record.removedOn)) fail('duplicate-resident');
    // The record that goes on after a 帰化・国籍喪失 is the one taken over, not the record removed by it; of several
    // 除票 (earlier periods of residence) the latest removed.
    const latest = (list: typeof matches) => [...list].sort((a, b) => (b.record.removedOn ?? '').localeCompare(a.record.removedOn ?? ''))[0];
    const readmit = latest(matches.filter((m) => !KIND_CHANGE_REMOVALS.includes(m.record.removalReason!))) ?? latest(matches);
    if (readmit) alerts.push(alert('readmitted'));
    else if ((world.nameMatches.get(index) ?? []).length > 0) alerts.push(alert('possible-readmission'));
    const since: LegalDate = input.kind === 'birth' ? birthDate : { sortKey: occurredOn, precision: 'day' };
    const old = readmit?.record;
    const rec: PersonRecord = {
      atenaNo: old?.atenaNo ?? ctx.nextAtenaNo(),
      householdId: base.householdId, householdNo: base.householdNo, relationship: p.relationship, memberOrder: base.memberOrder,
      residentKind: p.residentKind, familyName: p.familyName, givenName: p.givenName,
      familyNameKana: p.familyNameKana, givenNameKana: p.givenNameKana, romanName: p.romanName,
      oldSurname: p.oldSurname ?? old?.oldSurname, oldSurnameKana: p.oldSurnameKana ?? old?.oldSurnameKana,
      alias: p.alias, aliasKana: p.aliasKana, birthDate, sex: p.sex,
      address: base.address, becameResidentOn: since, addressFixedOn: since,
      notifiedOn: notifiedOn ?? undefined, previousAddress: base.previousAddress,
      residentCode: p.residentCode || old?.residentCode || ctx.newResidentCode(),
      ...(base.lastRegisteredAddress ? { lastRegisteredAddress: base.lastRegisteredAddress } : {}),
      ...(base.previousAddressDetail ? { previousAddressDetail: base.previousAddressDetail } : {}),
    };
    // Back from abroad to the same municipality (spec §1.1.7, §4.5.1): the 通称 recorded before the 国外転出 is restored.
    if (!p.alias && old?.alias && old.removalReason === '国外転出' && p.residentKind === 'foreign') {
      Object.assign(rec, { alias: old.alias, ...(old.aliasKana ? { aliasKana: old.aliasKana } : {}),
        aliasHistory: [...(old.aliasHistory ?? []), aliasEvent(world, occurredOn, 'entered', old.alias, old.aliasKana)] });
      alerts.push(alert('alias-restored'));
    }
    checkNames(rec);
    if (p.residentKind === 'japanese') {
      if (!p.honseki) fail('honseki-required');
      rec.honseki = p.honseki;
      const hd = detailFor(world, p.honsekiDetail, 'honsekiDetail');
      if (hd) rec.honsekiDetail = hd;
      rec.hittosha = p.hittosha;
    } else {
      rec.foreign = foreignItems(p.foreign, since);
    }
    if (p.alias && p.residentKind === 'foreign') rec.aliasHistory = [...(old?.aliasHistory ?? []), aliasEvent(world, occurredOn, 'entered', p.alias, p.aliasKana)];
    if (p.myNumber) {
      rec.myNumberIndex = ctx.myNumberIndex(p.myNumber);
      myNumbers.push({ index: rec.myNumberIndex, myNumber: p.myNumber });
    } else if (old?.myNumberIndex) rec.myNumberIndex = old.myNumberIndex;
    // 子の夫・子の妻・子の子: the 子 whose family they belong to (spec §5.2), a 子 of the household they join.
    if (p.familyOf) {
      if (!belongsToChildFamily(p.relationship)) fail('family-link-not-applicable');
      const child = members(base.householdId).find(([cid]) => cid === p.familyOf);
      if (!child || child[1].relationship !== '子') fail('family-link-invalid');
      rec.familyOf = p.familyOf;
    }
    // One 住民票 per period of residence (spec §1.1.5): a 再転入 enters a NEW record under the same 宛名番号, so the
    // earlier 除票 stays as it was (issuable as 除票の写し, 150 years) while the new record gives 住民票の写し.
    const id = ctx.newId();
    newPersons.add(id);
    put(id, rec);
    return id;
  };

  const removeFromHousehold = (ids: string[], reason: RemovalReason, extra: Partial<PersonRecord> = {}) => {
    const hs = new Set(ids.map((id) => active(id).record.householdId));
    if (hs.size > 1) fail('persons-in-different-households');
    for (const id of ids) put(id, { ...current(id), removedOn: occurredOn, removalReason: reason, ...extra });
    return [...hs][0]!;
  };

  const applyPatch = (id: string, patch: PersonPatch) => {
    if (Object.values(patch).every((v) => v === undefined)) fail('empty-patch');
    // 職権修正・誤記修正 never blank an item the record must carry (spec §1.1.6): 本籍 (「なし」「不明」 instead),
    // 住民票コード and 個人番号 (changed only by their own procedures).
    for (const k of ['honseki', 'residentCode', 'myNumber'] as const) {
      if (patch[k] !== undefined && patch[k]!.trim() === '') fail('item-cannot-be-blank', { field: k });
    }
    checkIdentifiers(patch);
    const r = { ...current(id) };
    for (const k of ['familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'romanName', 'oldSurname', 'oldSurnameKana', 'alias', 'aliasKana', 'honseki', 'hittosha', 'sex', 'residentCode'] as const) {
      if (patch[k] !== undefined) (r as Record<string, unknown>)[k] = patch[k];
    }
    // 本籍 structured: a new text without a structure drops the old structure (it described the old text).
    const hd = detailFor(world, patch.honsekiDetail, 'patch.honsekiDetail');
    if (hd) r.honsekiDetail = hd;
    else if (patch.honseki !== undefined && patch.honseki !== current(id).honseki) delete r.honsekiDetail;
    // A correction records what the 戸籍 says, which may be a non-calendar day (spec §1.1.8).
    if (patch.birthDate !== undefined) {
      r.birthDate = legal(patch.birthDate, { nonCalendar: true });
      if (r.birthDate.precision === 'day' && (!isCalendarDate(r.birthDate.sortKey) || r.birthDate.text)) alerts.push(alert('non-calendar-date'));
    }
    if (patch.banchi !== undefined || patch.katagaki !== undefined) r.address = { ...r.address, banchi: patch.banchi ?? r.address.banchi, katagaki: patch.katagaki ?? r.address.katagaki };
    if (patch.foreign !== undefined) r.foreign = foreignItems(patch.foreign, r.foreign?.foreignResidentSince ?? r.becameResidentOn);
    if (patch.myNumber) {
      r.myNumberIndex = ctx.myNumberIndex(patch.myNumber);
      myNumbers.push({ index: r.myNumberIndex, myNumber: patch.myNumber });
    }
    checkNames(r);
    put(id, r);
  };

  let deleted = false;
  let removalGround: string | undefined;
  let numberGround: string | undefined;
  let cause: '住居表示' | '区画整理' | undefined;
  let abroad = false;
  let cancelledClass: '記載' | '消除' | '修正' | undefined;
  let abroadGround: '国外転入' | '30条の46' | '30条の47' | undefined;
  let unreported: ReturnType<typeof unreportedMoveIn>;
  let cancelsChangeId: string | null = null;

  switch (input.kind) {
    case 'move-in':
    case 'ex-officio-entry': {
      abroad = input.kind === 'move-in' && (input.fromAbroad || !!input.abroadGround);
      if (input.kind === 'move-in') ({ abroadGround, unreported } = { abroadGround: input.abroadGround, unreported: unreportedMoveIn(input, abroad) });
      let target: { householdId: string; householdNo: string; address: Address };
      if (input.householdId) {
        if (input.address) fail('address-not-allowed');
        const h = household(input.householdId);
        const head = members(h.householdId)[0];
        if (!head) fail('household-not-found');
        if (input.persons.some((p) => p.relationship === HEAD)) fail('head-in-existing-household');
        target = { householdId: h.householdId, householdNo: h.householdNo, address: head[1].address };
        touch(h.householdId);
      } else {
        if (!input.address) fail('address-required');
        if (input.persons.filter((p) => p.relationship === HEAD).length !== 1) fail('single-head-required');
        target = { ...newHousehold(), address: address(input.address) };
      }
      const sorted = input.persons.map((p, i) => [p, i] as const).sort((a, b) => relationshipRank(a[0].relationship) - relationshipRank(b[0].relationship));
      const previousAddressDetail = detailFor(world, input.previousAddressDetail, 'previousAddressDetail');
      for (const [p, i] of sorted) {
        enter(p, i, { ...target, memberOrder: nextOrder(target.householdId), previousAddress: unreported?.previousAddress ?? (input.previousAddress || (abroad ? '国外' : undefined)), previousAddressDetail,
          ...(unreported ? { lastRegisteredAddress: unreported.lastRegisteredAddress } : {}) });
      }
      break;
    }
    case 'birth': {
      const h = household(input.householdId);
      // The household's address is every member's (a household may be without a head for a while).
      const head = members(h.householdId).find(([, r]) => r.relationship === HEAD) ?? members(h.householdId)[0];
      if (!head) fail('household-not-found');
      if (input.person.relationship === HEAD) fail('head-in-existing-household');
      const birth = legal(input.person.birthDate);
      for (const pid of input.parentPersonIds) {
        const parent = person(pid).record;
        if (birth.sortKey < parent.birthDate.sortKey) fail('birth-before-parent', personExtra('birth-before-parent', 0, 'person'));
      }
      touch(h.householdId);
      enter(input.person, 0, { householdId: h.householdId, householdNo: h.householdNo, address: head[1].address, memberOrder: nextOrder(h.householdId) });
      break;
    }
    case 'move-within': {
      const movers = input.personIds.map((id) => active(id));
      const from = new Set(movers.map((m) => m.record.householdId));
      if (from.size > 1) fail('persons-in-different-households');
      const fromId = [...from][0]!;
      const all = members(fromId);
      const wholeHousehold = all.every(([id]) => input.personIds.includes(id)) && !input.householdId;
      if (input.householdId) {
        if (input.address) fail('address-not-allowed');
        const h = household(input.householdId);
        const head = members(h.householdId).find(([, r]) => r.relationship === HEAD) ?? members(h.householdId)[0];
        if (!head) fail('household-not-found');
        for (const m of movers) {
          put(m.personId, { ...current(m.personId), householdId: h.householdId, householdNo: h.householdNo, relationship: relationshipOf(input.relationships, m.personId),
            address: head[1].address, addressFixedOn: { sortKey: occurredOn, precision: 'day' }, memberOrder: nextOrder(h.householdId), notifiedOn: notifiedOn ?? undefined });
        }
      } else {
        if (!input.address) fail('address-required');
        const addr = address(input.address);
        let target = { householdId: fromId, householdNo: household(fromId).householdNo };
        // Part of a household moving to a new address forms a new household; one person alone is its head.
        const newHeadId = input.newHeadPersonId ?? (input.personIds.length === 1 ? input.personIds[0] : undefined);
        if (!wholeHousehold) {
          if (!newHeadId) fail('new-household-head-required');
          if (!input.personIds.includes(newHeadId)) fail('head-must-be-member');
          target = newHousehold();
        }
        let order = 0;
        for (const m of [...movers].sort((a, b) => a.record.memberOrder - b.record.memberOrder)) {
          const r = current(m.personId);
          const relationship = wholeHousehold ? r.relationship : m.personId === newHeadId ? HEAD : relationshipOf(input.relationships, m.personId);
          put(m.personId, { ...r, ...target, relationship, address: addr, addressFixedOn: { sortKey: occurredOn, precision: 'day' },
            memberOrder: wholeHousehold ? r.memberOrder : relationship === HEAD ? 0 : ++order, notifiedOn: notifiedOn ?? undefined });
        }
      }
      touch(fromId);
      if (!wholeHousehold) afterLeaving(fromId, input.remainingHeadPersonId, input.remainingRelationships);
      break;
    }
    case 'move-out': {
      abroad = input.abroad;
      // 特例転出: within Japan and notified in time (a late 転出 is 職権 with the 準ずる証明書, never 特例).
      if (input.special && (abroad || lateMoveOut)) fail(abroad ? 'special-move-out-abroad' : 'special-move-out-late');
      const destinationDetail = detailFor(world, input.destinationDetail, 'destinationDetail');
      const h = removeFromHousehold(input.personIds, abroad ? '国外転出' : '国内転出', { destination: input.destination, ...(destinationDetail ? { destinationDetail } : {}), notifiedOn: notifiedOn ?? undefined,
        ...(lateMoveOut ? { moveOutExOfficio: true } : {}), ...(input.special ? { specialMoveOut: true } : {}) });
      afterLeaving(h, input.remainingHeadPersonId, input.remainingRelationships);
      break;
    }
    case 'death':
    case 'ex-officio-removal': {
      if (input.kind === 'ex-officio-removal') removalGround = input.ground;
      const ground = removalGround && removalGround !== 'その他' ? { removalGround } : {};
      const h = removeFromHousehold([input.personId], input.kind === 'death' ? '死亡' : '職権消除', { ...(occurred.text ? { removedOnText: occurred.text } : {}), ...ground });
      afterLeaving(h, input.remainingHeadPersonId, input.remainingRelationships);
      break;
    }
    case 'household-split': {
      const movers = input.personIds.map((id) => active(id));
      const from = new Set(movers.map((m) => m.record.householdId));
      if (from.size > 1) fail('persons-in-different-households');
      const fromId = [...from][0]!;
      if (members(fromId).every(([id]) => input.personIds.includes(id))) fail('person-not-in-household', { reason: 'all members' });
      if (!input.personIds.includes(input.newHeadPersonId)) fail('head-must-be-member');
      const target = newHousehold();
      let order = 0;
      for (const m of movers) {
        const head = m.personId === input.newHeadPersonId;
        put(m.personId, { ...current(m.personId), ...target, relationship: head ? HEAD : relationshipOf(input.relationships, m.personId), memberOrder: head ? 0 : ++order, notifiedOn: notifiedOn ?? undefined });
      }
      touch(fromId);
      afterLeaving(fromId, input.remainingHeadPersonId, input.remainingRelationships);
      break;
    }
    case 'household-merge': {
      if (input.fromHouseholdId === input.toHouseholdId) fail('same-household');
      const to = household(input.toHouseholdId);
      household(input.fromHouseholdId);
      const head = members(to.householdId).find(([, r]) => r.relationship === HEAD) ?? members(to.householdId)[0];
      const incoming = members(input.fromHouseholdId);
      if (!head || incoming.length === 0) fail('household-not-found');
      for (const [id] of incoming) active(id);
      for (const [id, r] of incoming.sort((a, b) => a[1].memberOrder - b[1].memberOrder)) {
        put(id, { ...r, householdId: to.householdId, householdNo: to.householdNo, relationship: relationshipOf(input.relationships, id),
          address: head[1].address, memberOrder: nextOrder(to.householdId), notifiedOn: notifiedOn ?? undefined });
      }
      touch(input.fromHouseholdId);
      break;
    }
    case 'head-change': {
      household(input.householdId);
      const all = members(input.householdId);
      if (!all.some(([id]) => id === input.newHeadPersonId)) fail('head-must-be-member');
      for (const [id] of all) active(id);
      for (const [id, r] of all) {
        put(id, { ...r, relationship: id === input.newHeadPersonId ? HEAD : relationshipOf(input.relationships, id), memberOrder: id === input.newHeadPersonId ? 0 : r.memberOrder, notifiedOn: notifiedOn ?? undefined });
      }
      break;
    }
    case 'my-number-change': case 'resident-code-change':
      numberGround = input.ground;
      planNumberChange(input, { current, active, put, myNumbers, ctx });
      break;
    case 'ex-officio-correction': {
      active(input.personId);
      applyPatch(input.personId, input.patch);
      break;
    }
    case 'clerical-correction': {
      // 誤記修正 (spec §4.2.3.3): a new snapshot with the corrected items; the wrong one stays in history.
      // It corrects the record as of its own date, so it takes the effective date of the corrected snapshot.
      const p = person(input.personId);
      applyPatch(input.personId, input.patch);
      retro.set(input.personId, p.lastEffectiveOn);
      break;
    }
    case 'cancellation': {
      const c = world.cancel;
      if (!c) fail('change-not-found');
      if (c.status !== 'final') fail('change-not-final');
      cancelledClass = c.reasonClass;
      cancelsChangeId = c.changeId;
      // All of its persons, or some of them (spec §4.6: 全員 or 一部).
      const only = input.personIds;
      if (only?.some((id) => !c.items.some((i) => i.personId === id))) fail('person-not-in-change');
      for (const item of c.items.filter((i) => !only || only.includes(i.personId))) {
        const p = person(item.personId);
        put(item.personId, cancelledRecord(item, p, occurredOn));
        touch(p.record.householdId);
        retro.set(item.personId, p.lastEffectiveOn);
      }
      break;
    }
    case 'reform': case 'remake': {
      // 改製・再製 (spec §1.1.4, R23; change-planner-reform.ts).
      planReform(input, { active, current, put, occurredOn, world, addPerson: (r) => { const id = ctx.newId(); newPersons.add(id); put(id, r); return id; } });
      break;
    }
    default: {
      // 旧氏・通称, 在留資格等, 帰化・国籍喪失, 世帯変更, 軽微な修正, 転入通知, 住居表示 (change-planner-items.ts).
      ({ deleted, cause } = planItemChange(input, {
        world, occurredOn, notifiedOn, alerts, draft, retro, person, active, current, put, touch, household, members, nextOrder, relationshipOf,
        afterLeaving, address, foreignItems, checkNames, date: (t: string) => date(t)!,
        addPerson: (r) => { const id = ctx.newId(); newPersons.add(id); put(id, r); return id; },
      }));
    }
  }

  if (input.kind !== 'cancellation') carryDeFactoHead(draft, world, input); // 事実上の世帯主 (spec §4.1.4.3): a household item
  // Invariant of every plan: each household that still has active members has at most one head. A household
  // left without one is allowed (spec §1.1.10) and flagged until a 世帯主変更 gives it a head (issue #9).
  for (const h of touched) {
    const ms = members(h);
    const heads = ms.filter(([, r]) => r.relationship === HEAD).length;
    if (heads > 1) fail('household-head-required');
    if (ms.length > 0 && heads === 0) {
      if (newHouseholds.some((n) => n.householdId === h)) fail('single-head-required');
      if (!alerts.some((a) => a.code === 'household-head-missing')) alerts.push(alert('household-head-missing'));
    }
    // …and all of them live at the household's address (a cancelled 転居 must not split a household that
    // others joined since).
    const addresses = new Set(ms.map(([, r]) => `${r.address.townCode}|${r.address.townName}|${r.address.banchi}|${r.address.katagaki}`));
    if (addresses.size > 1) fail(input.kind === 'cancellation' ? 'cancellation-conflict' : 'household-address-mismatch');
  }

  // The stored 記載順位 follows the standard order (spec §5.2) when the municipality keeps it so: every household the
  // change touched whose stored order no longer follows the rule is renumbered 1…n; members whose number changes get a
  // snapshot with it (the feed and CSV carry it). A
  // household with a member that cannot take a snapshot now (a 仮登録 pending, a later change) keeps its numbers.
  if (ctx.memberOrderMode === 'standard') {
    for (const h of [...touched]) {
      const ms = members(h);
      const blocked = ms.some(([id]) => !draft.has(id) && (world.persons.get(id)?.pendingChangeId || (world.persons.get(id)?.lastEffectiveOn ?? '') > occurredOn));
      if (blocked) continue;
      const ordered = orderMembers(ms, ([id, r]) => ({ personId: id, relationship: r.relationship, birthKey: r.birthDate.sortKey, atenaNo: r.atenaNo, memberOrder: r.memberOrder, familyOf: r.familyOf }));
      // Already in order (e.g. after a member left): nothing to renumber, so no one else's record changes.
      if (ordered.every(([, r], i) => i === 0 || r.memberOrder > ordered[i - 1]![1].memberOrder)) continue;
      ordered.forEach(([id, r], i) => { if (r.memberOrder !== i + 1) put(id, { ...r, memberOrder: i + 1 }); });
    }
  }

  // Optimistic concurrency and 仮登録 reservations on every existing household and person touched.
  const existing = [...touched].filter((h) => !newHouseholds.some((n) => n.householdId === h));
  for (const h of existing) {
    const hs = household(h);
    if (hs.pendingChangeId) fail('provisional-change-pending');
    const expected = input.expectedVersions[h];
    if (expected === undefined) fail('household-version-required', { householdId: h });
    if (expected !== hs.version) fail('household-version-conflict', { householdId: h });
  }
  for (const id of draft.keys()) {
    if (world.persons.get(id)?.pendingChangeId) fail('provisional-change-pending');
  }

  // フリガナ entered by this change must be katakana (hiragana and half-width kana were converted by the schema);
  // readings already on record are not re-checked, so an old record does not block an unrelated change (issue #9).
  for (const [id, r] of draft) {
    const before = world.persons.get(id)?.record;
    for (const f of Object.keys(READING_FIELDS) as ReadingField[]) {
      const v = r[f];
      if (v && v !== before?.[f] && !isKatakanaReading(v)) failReading(f);
    }
  }

  const snapshots: PlannedSnapshot[] = [...draft].map(([personId, record]) => ({
    personId,
    isNewPerson: newPersons.has(personId),
    historyNo: (world.persons.get(personId)?.maxHistoryNo ?? world.persons.get(personId)?.historyNo ?? 0) + 1,
    // A vague 異動日 may begin before the person's last change; the snapshot then takes effect with it.
    effectiveOn: retro.get(personId) ?? (occurred.precision !== 'day' && world.persons.get(personId) && world.persons.get(personId)!.lastEffectiveOn > occurredOn ? world.persons.get(personId)!.lastEffectiveOn : occurredOn),
    record,
  }));
  return {
    kind: input.kind,
    reason: reasonOf(input.kind, { abroad, abroadGround, cancelledClass, deleted, cause, ground: removalGround ?? numberGround }),
    occurredOn, notifiedOn, snapshots, newHouseholds, touchedHouseholdIds: existing, myNumbers, alerts, cancelsChangeId, exOfficio,
    onRequest: !!input.onRequest, requestedOn,
  };
}
