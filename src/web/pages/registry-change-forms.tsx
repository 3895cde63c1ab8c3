// SPDX-License-Identifier: EUPL-1.2
/**
 * The fields of the change screens for a person's items and a household without a move: 旧氏・通称の記載/削除,
 * 在留資格・在留期間の変更, 帰化, 国籍喪失, 世帯変更, 軽微な修正, 転入通知の受理, 住居表示・区画整理による住所変更.
 * The frame (dates, notifier, confirmation, result) is shared with the other kinds (registry-change.page.tsx).
 */
import { FOREIGN_CATEGORIES, MINOR_CORRECTION_GROUNDS } from '../../domains/registry/index.ts';
import {
  AddressFields, DATE_HINT, list, MemberChecks, MemberSelect, memberName, RelationshipFields, val, type FormProps, type FormValues,
} from './registry-change.page.tsx';
import { SelectField, TextField, type ChangeKind, type FieldErrors } from './registry-ui.tsx';

/** The kinds whose fields are here. */
export const ITEM_KINDS = ['old-surname', 'alias', 'residence-status-change', 'naturalization', 'nationality-loss', 'household-change', 'minor-correction',
  'move-in-notice', 'address-renaming'] as const satisfies readonly ChangeKind[];
export type ItemKind = (typeof ITEM_KINDS)[number];
export const isItemKind = (k: ChangeKind): k is ItemKind => (ITEM_KINDS as readonly string[]).includes(k);

/** Kinds the registry always records as 職権 (change-planner.ts EX_OFFICIO_KINDS): no 職権 checkbox. */
export const ALWAYS_EX_OFFICIO: readonly ItemKind[] = ['naturalization', 'nationality-loss', 'minor-correction', 'move-in-notice', 'address-renaming'];

/** Labels of the fields (error summary and confirmation). */
export const ITEM_FIELD_LABELS: Record<string, string> = {
  action: '記載・削除', oldSurname: '旧氏', oldSurnameKana: '旧氏（フリガナ）', alias: '通称', aliasKana: '通称（フリガナ）',
  nationality: '国籍・地域', category: '第30条の45区分', residenceStatus: '在留資格', residencePeriod: '在留期間', residenceExpiry: '在留期間の満了日',
  residenceCardNo: '在留カード番号', romanName: 'アルファベット氏名', honseki: '本籍', hittosha: '筆頭者',
  'new-familyName': '氏', 'new-givenName': '名', 'new-familyNameKana': '氏（フリガナ）', 'new-givenNameKana': '名（フリガナ）',
  ground: '軽微な修正の事由', movedOn: '転出年月日（確定）', cause: '変更の事由',
};
/** Display of coded values on the confirmation. */
export const ITEM_VALUE_LABELS: Record<string, Record<string, string>> = {
  action: { enter: '記載（変更）', delete: '削除' },
  cause: { 住居表示: '住居表示の実施', 区画整理: '土地区画整理事業等' },
};

/** The labels of the occurredOn field for these kinds. */
export const ITEM_DATE_LABELS: Partial<Record<ItemKind, string>> = {
  'old-surname': '異動日（請求日）', alias: '異動日（申出日）', 'residence-status-change': '異動日（許可の日）', naturalization: '異動日（帰化の日）',
  'nationality-loss': '異動日（国籍喪失の日）', 'move-in-notice': '転入通知の受理日', 'address-renaming': '異動日（住居表示の実施日等）',
};

const ActionSelect = (p: { v: FormValues; e: FieldErrors; item: string }) => (
  <SelectField name="action" label="記載・削除" value={val(p.v, 'action')} error={p.e.action} required
    options={[['enter', `${p.item}を記載する（変更を含む）`], ['delete', `${p.item}を削除する`]]} />
);

const Box = (p: { legend: string; children?: unknown }) => (
  <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4">
    <legend class="px-1 text-std-16B-170">{p.legend}</legend>
    <div class="grid grid-cols-1 gap-4 md:grid-cols-2">{p.children}</div>
  </fieldset>
);

/** 30条の45 items (在留資格等); on 国籍喪失 all are entered, on a change the status, period and expiry are required. */
function ForeignFields(p: { v: FormValues; e: FieldErrors; loss?: boolean }) {
  const { v, e } = p;
  return (
    <Box legend={p.loss ? '外国人住民の記載事項（第30条の45）' : '変更後の在留資格等'}>
      {p.loss ? <TextField name="nationality" label="国籍・地域" value={val(v, 'nationality')} error={e.nationality} required /> : null}
      {p.loss ? <TextField name="romanName" label="アルファベット氏名" value={val(v, 'romanName')} error={e.romanName} hint="在留カード等の表記" /> : null}
      <SelectField name="category" label="第30条の45区分" value={val(v, 'category')} error={e.category} required={p.loss}
        options={[['', p.loss ? '選択してください' : '変更しない'], ...FOREIGN_CATEGORIES.map((c): [string, string] => [c, c])]} />
      <TextField name="residenceStatus" label="在留資格" value={val(v, 'residenceStatus')} error={e.residenceStatus} required={!p.loss} hint="例: 技術・人文知識・国際業務" />
      <TextField name="residencePeriod" label="在留期間" value={val(v, 'residencePeriod')} error={e.residencePeriod} required={!p.loss} hint="例: 3年" />
      <TextField name="residenceExpiry" label="在留期間の満了日" value={val(v, 'residenceExpiry')} error={e.residenceExpiry} required={!p.loss} hint={DATE_HINT} />
      <TextField name="residenceCardNo" label="在留カード番号" value={val(v, 'residenceCardNo')} error={e.residenceCardNo}
        hint={p.loss ? '英字2桁・数字8桁・英字2桁' : 'カードが新しくなった場合は書き換えます（英字2桁・数字8桁・英字2桁）'} />
    </Box>
  );
}

/** The name items (帰化後の氏名, 軽微な修正後の氏名). */
function NameFields(p: { v: FormValues; e: FieldErrors; legend: string; hint?: string }) {
  return (
    <Box legend={p.legend}>
      {p.hint ? <p class="form-hint md:col-span-2">{p.hint}</p> : null}
      <TextField name="new-familyName" label="氏" value={val(p.v, 'new-familyName')} error={p.e['new-familyName']} />
      <TextField name="new-givenName" label="名" value={val(p.v, 'new-givenName')} error={p.e['new-givenName']} />
      <TextField name="new-familyNameKana" label="氏（フリガナ）" value={val(p.v, 'new-familyNameKana')} error={p.e['new-familyNameKana']} />
      <TextField name="new-givenNameKana" label="名（フリガナ）" value={val(p.v, 'new-givenNameKana')} error={p.e['new-givenNameKana']} />
    </Box>
  );
}

/** The kind-specific part of the form of an item kind. */
export function ItemKindFields(p: FormProps & { kind: ItemKind }) {
  const { values: v, errors: e, subject } = p;
  const members = (subject.household?.members ?? []).filter((m) => m.status !== 'removed');
  switch (p.kind) {
    case 'old-surname':
      return (
        <>
          <ActionSelect v={v} e={e} item="旧氏" />
          <Box legend="旧氏（戸籍に記載されている過去の氏）">
            <TextField name="oldSurname" label="旧氏" value={val(v, 'oldSurname')} error={e.oldSurname} hint="記載する場合に入力します" />
            <TextField name="oldSurnameKana" label="旧氏（フリガナ）" value={val(v, 'oldSurnameKana')} error={e.oldSurnameKana} />
          </Box>
        </>
      );
    case 'alias':
      return (
        <>
          <ActionSelect v={v} e={e} item="通称" />
          <Box legend="通称（記載と削除は履歴として住民票に残ります）">
            <TextField name="alias" label="通称" value={val(v, 'alias')} error={e.alias} hint="記載する場合に入力します" />
            <TextField name="aliasKana" label="通称（フリガナ）" value={val(v, 'aliasKana')} error={e.aliasKana} />
          </Box>
        </>
      );
    case 'residence-status-change':
      return <ForeignFields v={v} e={e} />;
    case 'naturalization':
      return (
        <>
          <Box legend="戸籍の表示">
            <TextField name="honseki" label="本籍" value={val(v, 'honseki')} error={e.honseki} required hint="帰化の届出又は通知に記載された本籍" />
            <TextField name="hittosha" label="筆頭者" value={val(v, 'hittosha')} error={e.hittosha} />
          </Box>
          <NameFields v={v} e={e} legend="帰化後の氏名" hint="氏名が変わる項目だけ入力します（アルファベット氏名だけが記載されている方は、氏名を入力します）。通称と第30条の45の記載事項は削除されます" />
        </>
      );
    case 'nationality-loss':
      return <ForeignFields v={v} e={e} loss />;
    case 'household-change': {
      return (
        <>
          <TextField name="toHouseholdId" label="加わる世帯の世帯ID" value={val(v, 'toHouseholdId')} error={e.toHouseholdId}
            hint="同じ住所の別の世帯に加わる場合に、その世帯票の世帯IDを入力します。この世帯の中で続柄だけが変わる場合は空欄にします" />
          {subject.target ? <p class="card">加わる世帯: 世帯番号 {subject.target.householdNo}（{subject.target.members.map(memberName).join('、')}）</p> : null}
          <MemberChecks name="personIds" legend="別の世帯に加わる世帯員" members={members} selected={list(v, 'personIds')} error={e.personIds} />
          <MemberSelect name="remainingHeadPersonId" label="残る世帯の世帯主" members={members} value={val(v, 'remainingHeadPersonId')} error={e.remainingHeadPersonId}
            hint="世帯主が別の世帯に加わり、2人以上が残る場合に指定します" />
          <RelationshipFields v={v} e={e} members={members} legend="変更後の続柄"
            hint="別の世帯に加わる世帯員は、加わる世帯の世帯主から見た続柄を入力します。この世帯の中で続柄が変わる場合は、その世帯員の続柄を書き換えます（世帯主の欄は、世帯主が別の世帯に加わる場合だけ入力します）" />
        </>
      );
    }
    case 'minor-correction':
      return (
        <>
          <SelectField name="ground" label="軽微な修正の事由" value={val(v, 'ground')} error={e.ground} required hint="住民基本台帳法施行規則第11条第3項第2号"
            options={[['', '選択してください'], ...MINOR_CORRECTION_GROUNDS.map((g): [string, string] => [g, g])]} />
          <NameFields v={v} e={e} legend="修正後の氏名（文字の修正）" hint="修正する項目だけ書き換えます" />
          <AddressFields v={v} e={e} legend="修正後の住所の表記（世帯の全員に適用。住所を定めた年月日は変わりません）" />
        </>
      );
    case 'move-in-notice':
      return (
        <Box legend="転入通知の内容">
          <TextField name="destination" label="転出先（確定）" value={val(v, 'destination')} error={e.destination} required hint="転入通知に記載された住所" />
          <TextField name="movedOn" label="転出年月日（確定）" value={val(v, 'movedOn')} error={e.movedOn} required hint={`転入通知に記載された転入日。${DATE_HINT}`} />
        </Box>
      );
    case 'address-renaming':
      return (
        <>
          <SelectField name="cause" label="変更の事由" value={val(v, 'cause')} error={e.cause} required
            options={[['', '選択してください'], ['住居表示', '住居表示の実施'], ['区画整理', '土地区画整理事業等']]} />
          <AddressFields v={v} e={e} legend="変更後の住所（世帯の全員に適用）" />
        </>
      );
  }
}
