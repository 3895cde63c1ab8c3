// SPDX-License-Identifier: EUPL-1.2
/**
 * Certificate issuance at the counter (/console/certificates): request form → preview with alerts and
 * fee → issue → result with the PDF, issue number and verification code. Works without JavaScript;
 * Enter moves forward at each step (the primary button of each step has focus first).
 */
import { ConsoleLayout, type ConsoleContext } from '../ui/console-layout.tsx';
import {
  CERTIFICATE_KINDS, DEFAULT_ITEMS, KIND_TITLES, PRINT_ITEMS, PRINT_ITEM_LABELS, REQUESTER_LABELS, REQUESTER_TYPES, THIRD_PARTY_GROUNDS,
  type PrintItem,
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
  'characters-not-in-font': '証明書のフォントで印字できない文字が含まれています。交付前に文字の同定が必要です。',
};

/** The request as entered in the form (strings, as posted). */
export interface CertificateFormValues {
  kind: string;
  householdId: string;
  personIds: string;
  requesterType: string;
  requesterPersonId: string;
  powerOfAttorneyChecked: boolean;
  ground: string;
  officialBody: string;
  legalBasis: string;
  purpose: string;
  items: string[];
  asOf: string;
}

/** Empty form, with the defaults. */
export const emptyCertificateForm = (over: Partial<CertificateFormValues> = {}): CertificateFormValues => ({
  kind: 'residence-copy', householdId: '', personIds: '', requesterType: 'self', requesterPersonId: '', powerOfAttorneyChecked: false,
  ground: '', officialBody: '', legalBasis: '', purpose: '', items: [...DEFAULT_ITEMS], asOf: '', ...over,
});

const Select = (p: { id: string; label: string; value: string; options: Array<[string, string]>; autofocus?: boolean }) => (
  <div class="form-field">
    <label class="form-label" for={p.id}>{p.label}</label>
    <select class="form-control" id={p.id} name={p.id} autofocus={p.autofocus}>
      {p.options.map(([v, l]) => <option value={v} selected={v === p.value}>{l}</option>)}
    </select>
  </div>
);

const Text = (p: { id: string; label: string; value: string; hint?: string; type?: string }) => (
  <div class="form-field">
    <label class="form-label" for={p.id}>{p.label}</label>
    {p.hint ? <p class="form-hint" id={`${p.id}-hint`}>{p.hint}</p> : null}
    <input class="form-control" id={p.id} name={p.id} type={p.type ?? 'text'} value={p.value} aria-describedby={p.hint ? `${p.id}-hint` : undefined} />
  </div>
);

/** The request form, with an error banner after a refusal. */
export function CertificateFormPage(p: ConsoleContext & { values: CertificateFormValues; csrfToken: string; error?: { title: string; code: string } }) {
  const v = p.values;
  return (
    <ConsoleLayout {...p} title="証明書の交付" current="certificates">
      <h1 class="text-std-32B-150">証明書の交付</h1>
      {p.error ? (
        <div class="banner-error mt-6" role="alert" data-testid="refusal">
          <h2 class="text-std-18B-160 text-error-2">交付できません</h2>
          <p class="mt-2">{p.error.title}</p>
          <p class="mt-1 text-std-14N-170">（{p.error.code}）</p>
        </div>
      ) : null}
      <form method="post" action="/console/certificates/preview" class="mt-6 flex max-w-3xl flex-col gap-5">
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <Select id="kind" label="証明書の種類" value={v.kind} autofocus options={CERTIFICATE_KINDS.map((k) => [k, KIND_TITLES[k]])} />
        <Text id="householdId" label="世帯（世帯ID）" value={v.householdId} hint="世帯全員の場合に指定します" />
        <Text id="personIds" label="住民（個人ID、複数はカンマ区切り）" value={v.personIds} hint="一部の世帯員・除票・転出証明書の場合に指定します" />
        <fieldset class="flex flex-col gap-4 border border-solid-gray-420 p-4">
          <legend class="px-1 text-std-16B-170">請求者</legend>
          <Select id="requesterType" label="請求者の区分" value={v.requesterType} options={REQUESTER_TYPES.map((r) => [r, REQUESTER_LABELS[r]])} />
          <Text id="requesterPersonId" label="請求者の個人ID（本人・同一世帯員）" value={v.requesterPersonId} />
          <div class="flex items-center gap-2">
            <input type="checkbox" id="powerOfAttorneyChecked" name="powerOfAttorneyChecked" value="1" checked={v.powerOfAttorneyChecked} />
            <label for="powerOfAttorneyChecked">委任状を確認した（代理人）</label>
          </div>
          <Select id="ground" label="請求事由（第三者）" value={v.ground} options={[['', '—'], ...THIRD_PARTY_GROUNDS.map((g): [string, string] => [g, GROUND_LABELS[g]])]} />
          <Text id="officialBody" label="請求機関（公用請求）" value={v.officialBody} />
          <Text id="legalBasis" label="根拠法令（公用請求）" value={v.legalBasis} />
          <Text id="purpose" label="利用目的" value={v.purpose} />
        </fieldset>
        <fieldset class="flex flex-col gap-2 border border-solid-gray-420 p-4">
          <legend class="px-1 text-std-16B-170">記載事項（既定では個人番号・住民票コード・本籍は省略）</legend>
          {PRINT_ITEMS.map((i) => (
            <div class="flex items-center gap-2">
              <input type="checkbox" id={`item-${i}`} name="items" value={i} checked={v.items.includes(i)} />
              <label for={`item-${i}`}>{PRINT_ITEM_LABELS[i]}</label>
            </div>
          ))}
        </fieldset>
        <Text id="asOf" label="基準日（記載事項証明書のみ）" type="date" value={v.asOf} />
        <div><button class="button-primary" type="submit">プレビュー</button></div>
      </form>
    </ConsoleLayout>
  );
}

/** What the preview shows (the service's preview result). */
export interface PreviewData {
  title: string;
  official: boolean;
  header: Array<{ label: string; value: string }>;
  persons: Array<{ personId: string; rows: Array<{ label: string; value: string }>; remarks: string[] }>;
  asOfLine?: string;
  certification: string;
  issuedOnText: string;
  issuerTitle: string;
  issuerName: string;
  items: string[];
  alerts: string[];
  feeYen: number;
  missing: Array<{ field: string; codePoint: string }>;
}

/** The preview: everything that will be printed, the alerts and the fee; Enter issues. */
export function CertificatePreviewPage(p: ConsoleContext & { preview: PreviewData; requestJson: string; csrfToken: string }) {
  const pv = p.preview;
  const blocked = pv.missing.length > 0;
  return (
    <ConsoleLayout {...p} title={`プレビュー: ${pv.title}`} current="certificates">
      <h1 class="text-std-32B-150">プレビュー: {pv.title}{pv.official ? '（公用）' : ''}</h1>
      {pv.alerts.length > 0 ? (
        <div class="banner-error mt-6" role="alert" data-testid="alerts">
          <ul class="list-disc pl-6">{pv.alerts.map((a) => <li>{ALERT_TEXT[a] ?? a}</li>)}</ul>
          {blocked ? <p class="mt-2">{pv.missing.map((m) => `${m.field}: ${m.codePoint}`).join('、')}</p> : null}
        </div>
      ) : null}
      <form method="post" action="/console/certificates/issue" class="mt-6 flex flex-wrap items-center gap-4">
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <input type="hidden" name="request" value={p.requestJson} />
        <button class="button-primary" type="submit" autofocus disabled={blocked}>交付する（手数料 {pv.feeYen}円）</button>
        <a class="link" href="/console/certificates">やり直す</a>
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
        <p class="mt-4">{pv.asOfLine ? `${pv.asOfLine}　` : ''}{pv.certification}</p>
        <p class="mt-1">{pv.issuedOnText}　{pv.issuerTitle}　{pv.issuerName}</p>
        <p class="mt-2 text-std-14N-170">記載事項: {pv.items.map((i) => PRINT_ITEM_LABELS[i as PrintItem] ?? i).join('・')}</p>
      </section>
    </ConsoleLayout>
  );
}

/** After issuing: the PDF to open or print, the issue number and the verification code. */
export function CertificateIssuedPage(p: ConsoleContext & { issueNumber: string; verificationCode: string; feeYen: number; pageCount: number; pdfBase64: string; issuanceId: string }) {
  return (
    <ConsoleLayout {...p} title="交付しました" current="certificates">
      <div class="banner-success" role="status">
        <h1 class="text-std-24B-150">交付しました</h1>
      </div>
      <dl class="mt-6 grid max-w-3xl grid-cols-[10rem_1fr] gap-x-4 gap-y-2">
        <dt class="text-std-16B-170">発行番号</dt><dd data-testid="issue-number">{p.issueNumber}</dd>
        <dt class="text-std-16B-170">照合番号</dt><dd data-testid="verification-code">{p.verificationCode}</dd>
        <dt class="text-std-16B-170">手数料</dt><dd>{p.feeYen}円</dd>
        <dt class="text-std-16B-170">枚数</dt><dd>{p.pageCount}枚</dd>
      </dl>
      <p class="mt-6 flex flex-wrap gap-4">
        <a class="button-primary" href={`data:application/pdf;base64,${p.pdfBase64}`} download={`certificate-${p.issuanceId}.pdf`} autofocus>PDFを開く・印刷する</a>
        <a class="link" href="/console/certificates">続けて交付する</a>
      </p>
    </ConsoleLayout>
  );
}
