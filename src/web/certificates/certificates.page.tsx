// SPDX-License-Identifier: EUPL-1.2
/**
 * Certificate issuance at the counter (/console/certificates), working with people, never identifiers (issue #9):
 * find the resident (or come from the 個人票/世帯票) → the request form with the household's members as checkboxes,
 * the requester type with only its own fields, 本人確認書類 and 通数 → preview with alerts (a pending 仮登録 must be
 * confirmed) and the fee → issue (POST, one-time token) → 303 to the issuance's result page, which never issues.
 * Works without JavaScript; static/certificates.js only hides the fields of other requester types at once.
 */
import { newFormToken } from '../../platform/http/idempotency.ts';
import { toWarekiDateTime } from '../../platform/dates/jp-date.ts';
import { DateInput } from '../ui/date-input.tsx';
import { ConsoleLayout, type ConsoleContext } from '../ui/console-layout.tsx';
import { assetUrl } from '../ui/static-files.ts';
import { certificatesText } from './certificates-i18n.ts';
import {
  CERTIFICATE_KINDS, IDENTITY_DOCUMENTS, IDENTITY_DOCUMENT_LABELS, KIND_TITLES, LAYOUTS, MAX_COPIES, PRINT_ITEMS, PRINT_ITEM_LABELS, REQUESTER_LABELS, REQUESTER_TYPES,
  THIRD_PARTY_GROUNDS, type PrintItem, type RequesterType,
} from '../../domains/certificates/index.ts';

/** Japanese labels of third-party grounds (住基法12条の3 第1項). */
const GROUND_LABELS: Record<(typeof THIRD_PARTY_GROUNDS)[number], string> = {
  'own-rights-duties': '自己の権利行使・義務履行のため（1号）',
  'submit-to-public-body': '国・地方公共団体の機関に提出するため（2号）',
  'other-legitimate': 'その他正当な理由（3号）',
};

const ALERT_TEXT: Record<string, string> = {
  'support-measure-subject': '支援措置対象者が含まれています。本人確認を厳格に行ってください（代理人・第三者には交付できません）。',
  'support-measure-official-review': '支援措置対象者が含まれています。公用請求の内容を審査してから交付してください。',
  'suppression-alert': '証明書発行の抑止（アラート）が設定されている方が含まれています。抑止の理由を確認してから交付してください。',
  'characters-not-in-font': '証明書のフォントで印字できない文字が含まれています。交付前に文字の同定が必要です。',
};

/** The request as entered in the form (strings, as submitted). */
export interface CertificateFormValues {
  kind: string;
  householdId: string;
  /** The person the clerk started from (pre-checked). */
  personId: string;
  persons: string[];
  requesterType: string;
  requesterPersonId: string;
  identityDocument: string;
  copies: string;
  powerOfAttorneyChecked: boolean;
  ground: string;
  officialBody: string;
  legalBasis: string;
  purpose: string;
  items: string[];
  /** 様式: '' = the municipality's default, `household` 世帯連記式, `individual` 個人票 (spec §5.1). */
  layout: string;
  asOf: string;
  /** One-time token of this request: becomes the issue form's `_idem`, so a repeat never issues twice. */
  issueToken: string;
}

/** A member of the household as the form lists it. */
export interface FormMember {
  personId: string;
  name: string;
  relationship: string;
  birthText: string;
  removed: boolean;
  pending: boolean;
}

/** The household the request is about. */
export interface FormSubject {
  householdId: string;
  address: string;
  householdPending: boolean;
  members: FormMember[];
  /** The municipality's default layout of a 住民票の写し. */
  defaultLayout: string;
}

/** A field error: the field's id and the message naming the field (and person, if any). */
export interface FormError { title: string; field?: string }

const Select = (p: { id: string; label: string; value: string; options: Array<[string, string]>; hint?: string; required?: boolean }) => (
  <div class="form-field">
    <label class="form-label" for={p.id}>{p.label}{p.required ? <span class="ml-2 text-std-14N-170">（必須）</span> : null}</label>
    {p.hint ? <p class="form-hint" id={`${p.id}-hint`}>{p.hint}</p> : null}
    <select class="form-control" id={p.id} name={p.id} aria-describedby={p.hint ? `${p.id}-hint` : undefined}>
      {p.options.map(([v, l]) => <option value={v} selected={v === p.value}>{l}</option>)}
    </select>
  </div>
);

const Text = (p: { id: string; label: string; value: string; hint?: string; type?: string; inputmode?: 'numeric' | 'text'; required?: boolean }) => (
  <div class="form-field">
    <label class="form-label" for={p.id}>{p.label}{p.required ? <span class="ml-2 text-std-14N-170">（必須）</span> : null}</label>
    {p.hint ? <p class="form-hint" id={`${p.id}-hint`}>{p.hint}</p> : null}
    <input class="form-control" id={p.id} name={p.id} type={p.type ?? 'text'} value={p.value} inputmode={p.inputmode} autocomplete="off" aria-describedby={p.hint ? `${p.id}-hint` : undefined} />
  </div>
);

const ErrorBanner = (p: { error?: FormError }) => p.error ? (
  <div class="banner-error mt-6" role="alert" data-testid="refusal" tabindex={-1}>
    <h2 class="text-std-18B-160 text-error-2">交付できません</h2>
    <p class="mt-2">{p.error.field ? <a class="link" href={`#${p.error.field}`}>{p.error.title}</a> : p.error.title}</p>
  </div>
) : null;

/** Where issuing starts without a person: search the registry by name or birth date. */
export function CertificateStartPage(p: ConsoleContext & { q: string; birthDate: string; hits?: Array<{ personId: string; name: string; nameKana: string; birthDate: string; address: string; relationship: string; status: string }>; error?: FormError }) {
  return (
    <ConsoleLayout {...p} title="証明書の交付" current="certificates">
      <h1 class="text-std-32B-150">証明書の交付</h1>
      <p class="mt-2">証明書を交付する方を検索してください（住民記録の個人票・世帯票の「証明書を交付する」からも始められます）。</p>
      <ErrorBanner error={p.error} />
      <form method="get" action="/console/certificates" class="mt-6 flex flex-wrap items-end gap-4" role="search" aria-label="対象者の検索">
        <Text id="q" label="氏名（漢字・カナ）" value={p.q} />
        <Text id="birthDate" label="生年月日" value={p.birthDate} hint="例: 昭和50年4月1日、S50.4.1" />
        <div><button class="button-primary" type="submit">検索する</button></div>
      </form>
      {p.hits ? (
        <section class="mt-6" aria-labelledby="hits-heading">
          <h2 id="hits-heading" class="text-std-20B-150">検索結果（{p.hits.length}件）</h2>
          {p.hits.length === 0 ? <p class="mt-2">該当する方はいません。</p> : (
            <table class="mt-2 w-full border-collapse" data-testid="hits">
              <thead><tr>{['氏名', 'フリガナ', '生年月日', '続柄', '住所'].map((h) => <th scope="col" class="border-b border-solid-gray-420 p-2 text-left">{h}</th>)}</tr></thead>
              <tbody>
                {p.hits.map((h) => (
                  <tr>
                    <td class="border-b border-solid-gray-420 p-2"><a class="link" href={`/console/certificates?personId=${h.personId}`}>{h.name}</a>{h.status === 'removed' ? <span class="badge ml-2">除票</span> : null}</td>
                    <td class="border-b border-solid-gray-420 p-2">{h.nameKana}</td>
                    <td class="border-b border-solid-gray-420 p-2 whitespace-nowrap">{h.birthDate}</td>
                    <td class="border-b border-solid-gray-420 p-2">{h.relationship}</td>
                    <td class="border-b border-solid-gray-420 p-2">{h.address}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </ConsoleLayout>
  );
}

/** Which requester types show the fields of a group. */
const GROUPS: Record<string, RequesterType[]> = {
  member: ['self', 'household'],
  agent: ['agent'],
  'third-party': ['third-party'],
  official: ['official'],
  identity: ['self', 'household', 'agent', 'third-party'],
};
const shown = (group: string, type: string) => GROUPS[group]!.includes(type as RequesterType);

/** The request form for one household: members, kind, requester (only the chosen type's fields), 本人確認書類, 通数, items. */
export function CertificateFormPage(p: ConsoleContext & { subject: FormSubject; values: CertificateFormValues; error?: FormError }) {
  const v = p.values;
  const s = p.subject;
  const tx = certificatesText(p.lang);
  const pendingNames = s.members.filter((m) => m.pending).map((m) => m.name);
  const memberOptions: Array<[string, string]> = [['', '選択してください'], ...s.members.filter((m) => !m.removed).map((m): [string, string] => [m.personId, `${m.name}（${m.relationship}）`])];
  return (
    <ConsoleLayout {...p} title="証明書の交付" current="certificates">
      <h1 class="text-std-32B-150">証明書の交付</h1>
      <p class="mt-2" data-testid="subject-address">住所: {s.address}</p>
      <ErrorBanner error={p.error} />
      {pendingNames.length > 0 || s.householdPending ? (
        <div class="banner-warning mt-6" role="note" data-testid="pending-warning">
          <p>仮登録中（本登録前）の異動があります{pendingNames.length > 0 ? `：${pendingNames.join('、')}` : '（世帯）'}。証明書には本登録済みの内容が記載されます。</p>
        </div>
      ) : null}
      <form method="get" action="/console/certificates/preview" class="mt-6 flex max-w-3xl flex-col gap-5" data-certificate-form>
        <input type="hidden" name="householdId" value={s.householdId} />
        <input type="hidden" name="personId" value={v.personId} />
        <input type="hidden" name="issueToken" value={v.issueToken} />
        <input type="hidden" name="_form" value="1" />
        <Select id="kind" label="証明書の種類" value={v.kind} options={CERTIFICATE_KINDS.map((k) => [k, KIND_TITLES[k]])} />
        <fieldset class="flex flex-col gap-2 border border-solid-gray-420 p-4" id="persons" data-testid="members">
          <legend class="px-1 text-std-16B-170">証明する方（世帯員）</legend>
          {s.members.map((m) => (
            <div class="flex items-center gap-2">
              <input type="checkbox" id={`person-${m.personId}`} name="persons" value={m.personId} checked={v.persons.includes(m.personId)} />
              <label for={`person-${m.personId}`}>{m.name}（{m.relationship}・{m.birthText}生）{m.removed ? '　除票' : ''}{m.pending ? '　仮登録中の異動あり' : ''}</label>
            </div>
          ))}
        </fieldset>
        <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4">
          <legend class="px-1 text-std-16B-170">請求者</legend>
          <fieldset>
            <legend class="form-label">請求者の区分</legend>
            <div class="mt-1 flex flex-wrap gap-x-6 gap-y-2" id="requesterType">
              {REQUESTER_TYPES.map((r) => (
                <div class="flex items-center gap-2">
                  <input type="radio" id={`requesterType-${r}`} name="requesterType" value={r} checked={v.requesterType === r} data-requester-type />
                  <label for={`requesterType-${r}`}>{REQUESTER_LABELS[r]}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <div data-requester-switch>
            <button class="button-secondary button-small" type="submit" formaction="/console/certificates" formmethod="get" name="_switch" value="1">区分に合わせて入力欄を切り替える</button>
          </div>
          <div data-requester-group="self household" hidden={!shown('member', v.requesterType)}>
            <Select id="requesterPersonId" label="請求者（本人・同一世帯員）" value={v.requesterPersonId} options={memberOptions} required
              hint="本人請求では、証明する方に請求者本人を含めてください（世帯主が世帯全員の写しを請求する場合も本人請求です）。" />
          </div>
          <div data-requester-group="agent" hidden={!shown('agent', v.requesterType)} class="flex items-center gap-2">
            <input type="checkbox" id="powerOfAttorneyChecked" name="powerOfAttorneyChecked" value="1" checked={v.powerOfAttorneyChecked} />
            <label for="powerOfAttorneyChecked">委任状を確認した</label>
          </div>
          <div data-requester-group="third-party" hidden={!shown('third-party', v.requesterType)}>
            <Select id="ground" label="請求事由" value={v.ground} required options={[['', '選択してください'], ...THIRD_PARTY_GROUNDS.map((g): [string, string] => [g, GROUND_LABELS[g]])]} />
          </div>
          <div data-requester-group="official" hidden={!shown('official', v.requesterType)} class="flex flex-col gap-4">
            <Text id="officialBody" label="請求機関" value={v.officialBody} required />
            <Text id="legalBasis" label="根拠法令" value={v.legalBasis} required />
          </div>
          <div data-requester-group="self household agent third-party" hidden={!shown('identity', v.requesterType)}>
            <Select id="identityDocument" label="本人確認書類" value={v.identityDocument} required
              options={[['', '選択してください'], ...IDENTITY_DOCUMENTS.filter((d) => d !== 'staff-id').map((d): [string, string] => [d, IDENTITY_DOCUMENT_LABELS[d]])]} />
          </div>
          <Text id="purpose" label="利用目的" value={v.purpose} hint="第三者請求・公用請求では具体的に記入してください。" />
        </fieldset>
        <Text id="copies" label="通数" value={v.copies} inputmode="numeric" hint={`1〜${MAX_COPIES}通（手数料は通数分）`} />
        <fieldset class="flex flex-col gap-2 border border-solid-gray-420 p-4" id="items">
          <legend class="px-1 text-std-16B-170">{tx.items.legend}</legend>
          <p class="form-hint">{tx.items.foreignHint}</p>
          <div class="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
            {PRINT_ITEMS.map((i) => (
              <div class="flex items-center gap-2">
                <input type="checkbox" id={`item-${i}`} name="items" value={i} checked={v.items.includes(i)} />
                <label for={`item-${i}`}>{PRINT_ITEM_LABELS[i]}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset class="flex flex-col gap-2 border border-solid-gray-420 p-4" id="layout" data-testid="layout">
          <legend class="px-1 text-std-16B-170">{tx.layout.legend}</legend>
          <p class="form-hint">{tx.layout.hint}</p>
          <div class="flex flex-wrap gap-x-6 gap-y-2">
            {['', ...LAYOUTS].map((l) => (
              <div class="flex items-center gap-2">
                <input type="radio" id={`layout-${l || 'default'}`} name="layout" value={l} checked={v.layout === l} />
                <label for={`layout-${l || 'default'}`}>{l ? tx.layout.names[l] : tx.layout.setting(tx.layout.names[s.defaultLayout] ?? '')}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <DateInput name="asOf" label="基準日（記載事項証明書で過去の日を証明する場合のみ）" value={v.asOf} />
        <div><button class="button-primary" type="submit">確認へ進む</button></div>
      </form>
      <script src={assetUrl('certificates.js')} defer></script>
    </ConsoleLayout>
  );
}

/** What the preview shows (the service's preview result). */
export interface PreviewData {
  title: string;
  official: boolean;
  layout: string;
  header: Array<{ label: string; value: string }>;
  persons: Array<{ personId: string; rows: Array<{ label: string; value: string }>; remarks: string[] }>;
  asOfLine?: string;
  certification: string;
  issuedOnText: string;
  issuerTitle: string;
  issuerName: string;
  items: string[];
  alerts: string[];
  pendingChanges: Array<{ kindLabel: string; names: string[] }>;
  copies: number;
  unitFeeYen: number;
  feeYen: number;
  names: string[];
  missing: Array<{ field: string; codePoint: string }>;
  /** Fields that do not fit (spec §5.8) and what the municipality's rule does with them. */
  overflow: string[];
  overflowMode: string;
}

/** The preview: everything that will be printed, the alerts, 通数 and fee; a pending 仮登録 needs an explicit confirmation. */
export function CertificatePreviewPage(p: ConsoleContext & { preview: PreviewData; requestJson: string; csrfToken: string; issueToken: string; backHref: string; requesterText: string; error?: FormError }) {
  const pv = p.preview;
  const blocked = pv.missing.length > 0;
  const pending = pv.pendingChanges.length > 0;
  const alerts = pv.alerts.filter((a) => a !== 'pending-provisional-change' && a !== 'value-overflow');
  const tx = certificatesText(p.lang);
  return (
    <ConsoleLayout {...p} title={`交付内容の確認: ${pv.title}`} current="certificates">
      <h1 class="text-std-32B-150">交付内容の確認: {pv.title}{pv.official ? '（公用）' : ''}</h1>
      <ErrorBanner error={p.error} />
      {alerts.length > 0 ? (
        <div class="banner-error mt-6" role="alert" data-testid="alerts">
          <ul class="list-disc pl-6">{alerts.map((a) => <li>{ALERT_TEXT[a] ?? a}</li>)}</ul>
          {blocked ? <p class="mt-2">{pv.missing.map((m) => `${m.field}: ${m.codePoint}`).join('、')}</p> : null}
        </div>
      ) : null}
      {pv.overflow.length > 0 ? <OverflowAlert lang={p.lang} fields={pv.overflow} mode={pv.overflowMode} /> : null}
      {pending ? (
        <div class="banner-warning mt-6" role="alert" data-testid="pending-warning">
          <h2 class="text-std-18B-160">仮登録中の異動があります</h2>
          <ul class="mt-2 list-disc pl-6">{pv.pendingChanges.map((c) => <li>{c.names.length > 0 ? c.names.join('、') : '世帯'}：{c.kindLabel}（本登録前）</li>)}</ul>
          <p class="mt-2">証明書には本登録済みの内容が記載され、仮登録中の異動は記載されません。内容を確認してから交付してください。</p>
        </div>
      ) : null}
      <dl class="mt-6 grid max-w-3xl grid-cols-[10rem_1fr] gap-x-4 gap-y-1" data-testid="summary">
        <dt class="text-std-16B-170">証明する方</dt><dd>{pv.names.join('、')}</dd>
        <dt class="text-std-16B-170">請求者</dt><dd>{p.requesterText}</dd>
        <dt class="text-std-16B-170">通数</dt><dd>{pv.copies}通</dd>
        <dt class="text-std-16B-170">{tx.layout.printed}</dt><dd data-testid="layout-printed">{tx.layout.names[pv.layout] ?? pv.layout}</dd>
        <dt class="text-std-16B-170">手数料</dt><dd>{pv.feeYen}円（1通 {pv.unitFeeYen}円）</dd>
      </dl>
      <form method="post" action="/console/certificates/issuances" class="mt-6 flex flex-col gap-4" data-once>
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <input type="hidden" name="_idem" value={p.issueToken} />
        <input type="hidden" name="request" value={p.requestJson} />
        {pending ? (
          <div class="flex items-center gap-2">
            <input type="checkbox" id="acknowledgePendingChanges" name="acknowledgePendingChanges" value="1" required />
            <label for="acknowledgePendingChanges">仮登録中の異動があることを確認し、本登録済みの内容で交付する</label>
          </div>
        ) : null}
        <div class="flex flex-wrap items-center gap-4">
          <button class="button-primary" type="submit" autofocus disabled={blocked}>交付する（{pv.copies}通・手数料 {pv.feeYen}円）</button>
          <a class="link" href={p.backHref}>入力に戻る</a>
        </div>
      </form>
      <section class="card mt-6 max-w-4xl p-4" aria-label="記載内容" data-testid="preview">
        <dl class="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1">
          {pv.header.map((r) => [<dt class="text-std-16B-170">{r.label}</dt>, <dd>{r.value}</dd>])}
        </dl>
        {pv.persons.map((person) => (
          <dl class="mt-4 grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1 border-t border-solid-gray-420 pt-3">
            {person.rows.map((r) => [<dt class="text-std-16B-170">{r.label}</dt>, <dd>{r.value || '—'}</dd>])}
            {person.remarks.length > 0 ? [<dt class="text-std-16B-170">備考</dt>, <dd>{person.remarks.map((x) => <div>{x}</div>)}</dd>] : null}
          </dl>
        ))}
        <p class="mt-2 text-right">以下余白</p>
        <p class="mt-4">{pv.asOfLine ? `${pv.asOfLine}　` : ''}{pv.certification}</p>
        <p class="mt-1">{pv.issuedOnText}　{pv.issuerTitle}　{pv.issuerName}</p>
        <p class="mt-2 text-std-14N-170">記載事項: {pv.items.map((i) => PRINT_ITEM_LABELS[i as PrintItem] ?? i).join('・')}</p>
      </section>
    </ConsoleLayout>
  );
}

/** 文字超過 (spec §5.8): the fields that do not fit and what happens to them, before issuing and on the issuance. */
function OverflowAlert(p: { lang: ConsoleContext['lang']; fields: string[]; mode: string; recorded?: boolean }) {
  const tx = certificatesText(p.lang).overflow;
  return (
    <div class="banner-warning mt-6 max-w-3xl" role="alert" data-testid="overflow-alert">
      <h2 class="text-std-18B-160">{p.recorded ? tx.recorded : tx.alert}</h2>
      <p class="mt-1">{tx.fields}: <span data-testid="overflow-fields">{p.fields.join('、')}</span></p>
      <p class="mt-1">{p.recorded ? (p.mode === 'leave-blank' ? tx.leftBlank : tx.printedToLimit) : p.mode === 'leave-blank' ? tx.leaveBlank : tx.printToLimit}</p>
    </div>
  );
}

/** An issuance as its result page shows it. */
export interface IssuanceData {
  issueNo: number;
  issueNumber: string;
  issuedAt: string;
  title: string;
  names: string[];
  copies: number;
  unitFeeYen: number;
  feeYen: number;
  pageCount: number;
  verificationCode: string;
  requesterLabel: string;
  identityDocumentLabel: string;
  pendingAcknowledged: boolean;
  staffName: string;
  /** Fields that did not fit at issue (spec §5.8) and the rule then in force. */
  overflowFields?: string[];
  overflowMode?: string;
  layout?: string;
  prints: Array<{ printNo: number; reprint: boolean; printedAt: string; staffName: string; terminalCode?: string; disposal?: { disposedAt: string; reason: string } | null }>;
  /** 発行端末・場所 (spec §1.3.8) and the 無効 record. */
  terminalCode?: string;
  void?: { voidedAt: string; reason: string } | null;
}

const jst = (iso: string) => toWarekiDateTime(iso);

/** The result of an issuance (GET; reloading it never issues): persons, 発行番号, fee, prints, and the PDF. */
export function CertificateIssuancePage(p: ConsoleContext & { issuance: IssuanceData; canIssue?: boolean; canVoid?: boolean; csrfToken?: string; terminalName?: (code: string | undefined) => string }) {
  const i = p.issuance;
  const where = p.terminalName ?? ((code: string | undefined) => code || '—');
  const Hidden = () => [<input type="hidden" name="_csrf" value={p.csrfToken ?? ''} />, <input type="hidden" name="_idem" value={newFormToken()} />];
  const printed = i.prints.length > 0;
  const reprints = i.prints.filter((x) => x.reprint).length;
  // A reviewer or approver (from a case) reads the record; printing and issuing are the counter's.
  const canIssue = p.canIssue !== false;
  return (
    <ConsoleLayout {...p} title={canIssue && !i.void ? `交付しました: ${i.title}` : `交付記録: ${i.title}`} current={canIssue ? 'certificates' : 'cases'}>
      {canIssue && !i.void ? (
        <div class="banner-success" role="status">
          <h1 class="text-std-24B-150">交付しました: {i.title}</h1>
          <p class="mt-1">{i.names.join('、')}</p>
        </div>
      ) : (
        <div>
          <h1 class="text-std-24B-150">交付記録: {i.title}</h1>
          <p class="mt-1">{i.names.join('、')}</p>
        </div>
      )}
      <dl class="mt-6 grid max-w-3xl grid-cols-[10rem_1fr] gap-x-4 gap-y-2" data-testid="issuance">
        <dt class="text-std-16B-170">証明した方</dt><dd data-testid="issued-names">{i.names.join('、')}</dd>
        <dt class="text-std-16B-170">発行番号</dt><dd data-testid="issue-number">{i.issueNumber}</dd>
        <dt class="text-std-16B-170">交付日時</dt><dd>{jst(i.issuedAt)}（{i.staffName}）</dd>
        <dt class="text-std-16B-170">発行端末・場所</dt><dd data-testid="issued-at-terminal">{where(i.terminalCode)}</dd>
        <dt class="text-std-16B-170">請求者</dt><dd>{i.requesterLabel}{i.identityDocumentLabel ? `（本人確認: ${i.identityDocumentLabel}）` : ''}</dd>
        <dt class="text-std-16B-170">通数</dt><dd>{i.copies}通（{i.pageCount}枚）</dd>
        <dt class="text-std-16B-170">手数料</dt><dd data-testid="fee">{i.feeYen}円</dd>
        <dt class="text-std-16B-170">照合番号</dt><dd data-testid="verification-code">{i.verificationCode}</dd>
        {i.layout ? [<dt class="text-std-16B-170">{certificatesText(p.lang).layout.printed}</dt>, <dd data-testid="issued-layout">{certificatesText(p.lang).layout.names[i.layout] ?? i.layout}</dd>] : null}
        {i.pendingAcknowledged ? [<dt class="text-std-16B-170">注意</dt>, <dd>仮登録中の異動を確認のうえ交付</dd>] : null}
      </dl>
      {i.overflowFields && i.overflowFields.length > 0 ? <OverflowAlert lang={p.lang} fields={i.overflowFields} mode={i.overflowMode ?? 'print-to-limit'} recorded /> : null}
      {i.void ? (
        <div class="banner-error mt-6 max-w-3xl" role="alert" data-testid="voided">
          <h2 class="text-std-18B-160">この証明書は無効です</h2>
          <p class="mt-1">{jst(i.void.voidedAt)}　理由: {i.void.reason}</p>
        </div>
      ) : null}
      <section class="mt-6 max-w-3xl" aria-labelledby="print-heading">
        <h2 id="print-heading" class="text-std-20B-150">印刷</h2>
        {printed ? (
          <ul class="mt-2 list-disc pl-6" data-testid="prints">
            {i.prints.map((x) => (
              <li>{x.reprint ? `再交付（${x.printNo - 1}回目）` : '交付（原本）'}　{jst(x.printedAt)}　{x.staffName}　{where(x.terminalCode)}
                {x.disposal ? <span class="badge ml-2" data-testid="disposed">廃棄済み（{x.disposal.reason}）</span> : p.canIssue !== false && p.csrfToken ? (
                  <form method="post" action={`/console/certificates/issuances/${i.issueNo}/prints/${x.printNo}/disposals`} class="mt-1 flex flex-wrap items-end gap-2">
                    <Hidden />
                    <label class="sr-only" for={`dispose-${x.printNo}`}>廃棄の理由</label>
                    <input class="form-control max-w-xs" id={`dispose-${x.printNo}`} name="reason" placeholder="廃棄の理由（例: 印刷不良）" maxlength={500} />
                    <button type="submit" class="button-secondary button-small">廃棄を記録する</button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : <p class="mt-2">まだ印刷していません。</p>}
        {canIssue && !i.void ? (
          <>
            <p class="mt-4 flex flex-wrap items-center gap-4">
              <a class="button-primary" href={`/console/certificates/issuances/${i.issueNo}/pdf`} autofocus>{printed ? '再交付として印刷する' : 'PDFを開く・印刷する'}</a>
              <a class="link" href="/console/certificates">続けて交付する</a>
            </p>
            {printed ? <p class="mt-2 text-std-14N-170">もう一度開くと「再交付（{reprints + 1}回目）」と印字され、再交付として記録されます。</p> : null}
          </>
        ) : i.void ? null : <p class="mt-4 text-std-16N-170">印刷と郵送は窓口の職員が行います。</p>}
      </section>
      {p.canVoid && !i.void && p.csrfToken ? (
        <section class="mt-8 max-w-3xl" aria-labelledby="void-heading">
          <h2 id="void-heading" class="text-std-20B-150">無効にする</h2>
          <p class="mt-1 text-std-16N-170">誤って交付した証明書を無効にします。無効にした証明書は再交付できず、照合番号の確認では「無効」と表示されます。</p>
          <form method="post" action={`/console/certificates/issuances/${i.issueNo}/voids`} class="mt-2 flex flex-col gap-2">
            <Hidden />
            <label class="form-label" for="void-reason">無効にする理由</label>
            <textarea class="form-control" id="void-reason" name="reason" maxlength={500} rows={2}></textarea>
            <p><button type="submit" class="button-secondary">無効にする</button></p>
          </form>
        </section>
      ) : null}
    </ConsoleLayout>
  );
}
