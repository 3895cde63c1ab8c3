// SPDX-License-Identifier: EUPL-1.2
/**
 * The fields of the change screens for a person's items and a household without a move: 旧氏・通称の記載/削除,
 * 在留資格・在留期間の変更, 帰化, 国籍喪失, 世帯変更, 軽微な修正, 転入通知の受理, 住居表示・区画整理による住所変更.
 * The frame (dates, notifier, confirmation, result) is shared with the other kinds (registry-change.page.tsx).
 */
import { MINOR_CORRECTION_GROUNDS } from '../../domains/registry/index.ts';
import {
  AddressFields, categoryOptions, ForeignExtraFields, list, MemberChecks, MemberSelect, memberName, RelationshipFields, val, type FormProps, type FormValues,
} from './registry-form-parts.tsx';
import type { ChangeFormDictionary as T } from './registry-change-i18n.ts';
import { DateField, SelectField, TextField, type ChangeKind, type FieldErrors } from './registry-ui.tsx';

/** The kinds whose fields are here. */
export const ITEM_KINDS = ['old-surname', 'alias', 'residence-status-change', 'naturalization', 'nationality-loss', 'household-change', 'minor-correction',
  'move-in-notice', 'address-renaming', 'reading', 'de-facto-head', 'reform', 'remake'] as const satisfies readonly ChangeKind[];
export type ItemKind = (typeof ITEM_KINDS)[number];
export const isItemKind = (k: ChangeKind): k is ItemKind => (ITEM_KINDS as readonly string[]).includes(k);

/** Kinds the registry always records as 職権 (change-planner.ts EX_OFFICIO_KINDS): no 職権 checkbox. */
export const ALWAYS_EX_OFFICIO: readonly ItemKind[] = ['naturalization', 'nationality-loss', 'minor-correction', 'move-in-notice', 'address-renaming', 'reading', 'reform', 'remake'];

const ActionSelect = (p: { v: FormValues; e: FieldErrors; item: string; t: T }) => (
  <SelectField name="action" label={p.t.items.action} value={val(p.v, 'action')} error={p.e.action} required
    options={[['enter', p.t.item.enter(p.item)], ['delete', p.t.item.remove(p.item)]]} />
);

const Box = (p: { legend: string; children?: unknown }) => (
  <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4">
    <legend class="px-1 text-std-16B-170">{p.legend}</legend>
    <div class="grid grid-cols-1 gap-4 md:grid-cols-2">{p.children}</div>
  </fieldset>
);

/** 30条の45 items (在留資格等); on 国籍喪失 all are entered, on a change the status, period and expiry are required. */
function ForeignFields(p: { v: FormValues; e: FieldErrors; loss?: boolean; t: T }) {
  const { v, e, t } = p;
  const l = t.items;
  return (
    <Box legend={p.loss ? t.item.foreignBox : t.item.statusBox}>
      {p.loss ? <TextField name="nationality" label={l.nationality} value={val(v, 'nationality')} error={e.nationality} required /> : null}
      {p.loss ? <TextField name="romanName" label={l.romanName} value={val(v, 'romanName')} error={e.romanName} hint={t.item.romanNameHint} /> : null}
      <SelectField name="category" label={l.category} value={val(v, 'category')} error={e.category} required={p.loss}
        options={categoryOptions(t, p.loss ? t.choose : t.keep)} />
      <TextField name="residenceStatus" label={l.residenceStatus} value={val(v, 'residenceStatus')} error={e.residenceStatus} required={!p.loss} hint={t.item.statusHint} />
      <TextField name="residencePeriod" label={l.residencePeriod} value={val(v, 'residencePeriod')} error={e.residencePeriod} required={!p.loss} hint={t.personForm.periodHint} />
      <DateField name="residenceExpiry" label={l.residenceExpiry} value={val(v, 'residenceExpiry')} error={e.residenceExpiry} required={!p.loss} />
      <TextField name="residenceCardNo" label={l.residenceCardNo} value={val(v, 'residenceCardNo')} error={e.residenceCardNo}
        hint={p.loss ? t.personForm.cardHint : t.item.cardHint} />
      {p.loss ? <ForeignExtraFields name={(k) => k} value={(k) => val(v, k)} e={e} l={t.person} /> : null}
    </Box>
  );
}

/** The name items (帰化後の氏名, 軽微な修正後の氏名). */
function NameFields(p: { v: FormValues; e: FieldErrors; legend: string; hint?: string; t: T }) {
  const l = p.t.items;
  return (
    <Box legend={p.legend}>
      {p.hint ? <p class="form-hint md:col-span-2">{p.hint}</p> : null}
      <TextField name="new-familyName" label={l['new-familyName']} value={val(p.v, 'new-familyName')} error={p.e['new-familyName']} />
      <TextField name="new-givenName" label={l['new-givenName']} value={val(p.v, 'new-givenName')} error={p.e['new-givenName']} />
      <TextField name="new-familyNameKana" label={l['new-familyNameKana']} value={val(p.v, 'new-familyNameKana')} error={p.e['new-familyNameKana']} />
      <TextField name="new-givenNameKana" label={l['new-givenNameKana']} value={val(p.v, 'new-givenNameKana')} error={p.e['new-givenNameKana']} />
    </Box>
  );
}

/** The kind-specific part of the form of an item kind. */
export function ItemKindFields(p: FormProps & { kind: ItemKind; ft: T }) {
  const { values: v, errors: e, subject, ft: t } = p;
  const l = t.items;
  const it = t.item;
  const members = (subject.household?.members ?? []).filter((m) => m.status !== 'removed');
  switch (p.kind) {
    case 'old-surname':
      return (
        <>
          <ActionSelect v={v} e={e} item={l.oldSurname} t={t} />
          <Box legend={it.oldSurnameBox}>
            <TextField name="oldSurname" label={l.oldSurname} value={val(v, 'oldSurname')} error={e.oldSurname} hint={it.enterHint} />
            <TextField name="oldSurnameKana" label={l.oldSurnameKana} value={val(v, 'oldSurnameKana')} error={e.oldSurnameKana} />
          </Box>
        </>
      );
    case 'reading':
      // 振り仮名の記載 (令和5年法律第48号): the readings the 本籍地 notified and whether they are recorded in the 戸籍 (公証).
      return (
        <>
          <SelectField name="readingStatus" label={l.readingStatus} value={val(v, 'readingStatus')} error={e.readingStatus} required
            options={[['certified', it.readingCertified], ['notified', it.readingNotified]]} />
          <Box legend={it.readingBox}>
            <TextField name="familyNameKana" label={l.familyNameKana} value={val(v, 'familyNameKana')} error={e.familyNameKana} hint={it.readingHint} />
            <TextField name="givenNameKana" label={l.givenNameKana} value={val(v, 'givenNameKana')} error={e.givenNameKana} hint={it.readingHint} />
            {subject.person?.oldSurname ? <TextField name="oldSurnameKana" label={l.oldSurnameKana} value={val(v, 'oldSurnameKana')} error={e.oldSurnameKana} hint={it.readingHint} /> : null}
          </Box>
        </>
      );
    case 'alias':
      return (
        <>
          <ActionSelect v={v} e={e} item={l.alias} t={t} />
          <Box legend={it.aliasBox}>
            <TextField name="alias" label={l.alias} value={val(v, 'alias')} error={e.alias} hint={it.enterHint} />
            <TextField name="aliasKana" label={l.aliasKana} value={val(v, 'aliasKana')} error={e.aliasKana} />
          </Box>
        </>
      );
    case 'de-facto-head':
      return (
        <>
          <ActionSelect v={v} e={e} item={l.deFactoHead} t={t} />
          <Box legend={it.deFactoHeadBox}>
            <TextField name="deFactoHead" label={l.deFactoHead} value={val(v, 'deFactoHead')} error={e.deFactoHead} hint={it.deFactoHeadHint} />
          </Box>
        </>
      );
    case 'residence-status-change':
      return <ForeignFields v={v} e={e} t={t} />;
    case 'naturalization':
      return (
        <>
          <Box legend={it.register}>
            <TextField name="honseki" label={l.honseki} value={val(v, 'honseki')} error={e.honseki} required hint={it.honsekiHint} />
            <TextField name="hittosha" label={l.hittosha} value={val(v, 'hittosha')} error={e.hittosha} />
          </Box>
          <NameFields v={v} e={e} legend={it.nameAfter} hint={it.nameAfterHint} t={t} />
        </>
      );
    case 'nationality-loss':
      return <ForeignFields v={v} e={e} loss t={t} />;
    case 'household-change': {
      return (
        <>
          <TextField name="toHouseholdId" label={t.householdChangeFields.toHouseholdId} value={subject.target?.householdNo ?? val(v, 'toHouseholdId')} error={e.toHouseholdId} inputmode="numeric"
            hint={it.joinHint} />
          {subject.target ? <p class="card">{it.joinTarget(subject.target.householdNo, subject.target.members.map(memberName).join(t.listSeparator))}</p> : null}
          <MemberChecks name="personIds" legend={t.householdChangeFields.personIds} members={members} selected={list(v, 'personIds')} error={e.personIds} t={t} />
          <MemberSelect name="remainingHeadPersonId" label={t.fields.remainingHeadPersonId} members={members} value={val(v, 'remainingHeadPersonId')} error={e.remainingHeadPersonId}
            hint={it.joinHeadHint} t={t} />
          <RelationshipFields v={v} e={e} members={members} legend={it.relationshipsAfter}
            hint={it.relationshipsAfterHint} t={t} />
        </>
      );
    }
    case 'minor-correction':
      return (
        <>
          <SelectField name="ground" label={l.ground} value={val(v, 'ground')} error={e.ground} required hint={it.groundHint}
            options={[['', t.choose], ...MINOR_CORRECTION_GROUNDS.map((g): [string, string] => [g, t.grounds[g] ?? g])]} />
          <NameFields v={v} e={e} legend={it.nameCorrected} hint={it.correctHint} t={t} />
          <AddressFields v={v} e={e} legend={it.addressCorrected} t={t} />
        </>
      );
    case 'move-in-notice':
      return (
        <Box legend={it.notice}>
          <TextField name="destination" label={it.noticeDestination} value={val(v, 'destination')} error={e.destination} required hint={it.noticeDestinationHint} />
          <DateField name="movedOn" label={l.movedOn} value={val(v, 'movedOn')} error={e.movedOn} required hint={it.movedOnHint(t.dateHint)} />
        </Box>
      );
    case 'reform':
      // 改製 (spec §1.1.4): manual only; the present record becomes the 改製原住民票.
      return <Box legend={it.reformBox}><p class="md:col-span-2" data-testid="reform-text">{it.reformText}</p></Box>;
    case 'remake':
      return (
        <Box legend={it.remakeBox}>
          <TextField name="ground" label={it.remakeGround} value={val(v, 'ground')} error={e.ground} required hint={it.remakeGroundHint} />
        </Box>
      );
    case 'address-renaming':
      return (
        <>
          <SelectField name="cause" label={l.cause} value={val(v, 'cause')} error={e.cause} required
            options={[['', t.choose], ['住居表示', t.itemValues.cause.住居表示], ['区画整理', t.itemValues.cause.区画整理]]} />
          <AddressFields v={v} e={e} legend={it.addressAfter} t={t} />
        </>
      );
  }
}
