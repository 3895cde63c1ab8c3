// SPDX-License-Identifier: EUPL-1.2
/**
 * オンライン手続の設定 (/console/procedures): every shared procedure with this municipality's setting — offered to
 * residents or not, the fee (the standard one unless the municipality sets its own), the note residents read, and
 * the applications submitted this month — and, for administrators, the form that changes one (/console/procedures/:code).
 * The definitions are shared and never forked: only these settings are the municipality's.
 */
import type { ProceduresService } from '../../domains/procedures/index.ts';
import { toWarekiDateTime } from '../../platform/dates/jp-date.ts';
import { ConsoleLayout, type ConsoleContext } from '../ui/console-layout.tsx';

type Row = Awaited<ReturnType<ProceduresService['staffSettings']>>[number];
type Refusal = Awaited<ReturnType<ProceduresService['intakeRefusals']>>[number];

const TEXT = {
  ja: {
    title: 'オンライン手続の設定',
    lead: '住民ポータルで受け付ける手続です。手続の内容（入力項目・添付書類・審査）は全国共通の定義で、市区町村が変えられるのは受付の有無、手数料、住民への案内文です。',
    readOnly: '設定の変更は管理者が行います。',
    cols: { procedure: '手続', state: '受付', fee: '手数料', submitted: '今月の申請', updated: '最終更新', action: '操作' },
    on: '受付中', off: '停止中', standard: '（標準）', free: '無料', yen: (n: number) => `${n.toLocaleString('ja-JP')}円`,
    edit: (name: string) => `「${name}」の設定を変更`, editShort: '設定を変更', none: '—', count: (n: number) => `${n}件`,
    saved: (name: string) => `「${name}」の設定を保存しました。`,
    back: 'オンライン手続の設定へ戻る',
    refusals: {
      title: '受付できていないオンライン申請',
      lead: '住民が送信した申請のうち、案件にできなかったものです。受付の処理は毎分やり直します。理由を解消すると案件になります（住民には「受付処理中」と表示されています）。',
      cols: { procedure: '手続', submitted: '送信日時', reason: '理由', attempts: '試行回数', first: '最初の試行', last: '最後の試行' },
      attempts: (n: number) => `${n}回`,
    },
    form: {
      state: '住民ポータルでの受付', stateOn: '受け付ける', stateOff: '受け付けない（ポータルに表示しません）',
      fee: '手数料（円）', feeHint: (n: number) => `空欄にすると標準の手数料（${n.toLocaleString('ja-JP')}円）になります。0円は無料です。`,
      note: '住民への案内文', noteHint: '手続の説明ページに表示します（1,000文字以内）。例: 窓口での受取は本庁舎1階市民課です。',
      submit: '保存する', errorTitle: '保存できません',
    },
  },
  en: {
    title: 'Online procedure settings',
    lead: 'The procedures residents can apply for on the resident portal. What a procedure asks and how it is reviewed is a shared national definition; a municipality chooses whether it offers it, its fee and the note shown to residents.',
    readOnly: 'Administrators change these settings.',
    cols: { procedure: 'Procedure', state: 'Accepting', fee: 'Fee', submitted: 'Applications this month', updated: 'Last changed', action: 'Action' },
    on: 'Accepting', off: 'Stopped', standard: ' (standard)', free: 'Free', yen: (n: number) => `¥${n.toLocaleString('en-US')}`,
    edit: (name: string) => `Change the settings of “${name}”`, editShort: 'Change', none: '—', count: (n: number) => String(n),
    saved: (name: string) => `The settings of “${name}” were saved.`,
    back: 'Back to online procedure settings',
    refusals: {
      title: 'Online applications not yet received',
      lead: 'Applications residents sent that could not become a case. Reception is retried every minute; once the reason is resolved the case opens (residents see “being received”).',
      cols: { procedure: 'Procedure', submitted: 'Sent', reason: 'Reason', attempts: 'Attempts', first: 'First attempt', last: 'Last attempt' },
      attempts: (n: number) => String(n),
    },
    form: {
      state: 'On the resident portal', stateOn: 'Accept applications', stateOff: 'Do not accept (not shown on the portal)',
      fee: 'Fee (yen)', feeHint: (n: number) => `Leave empty for the standard fee (¥${n.toLocaleString('en-US')}). 0 means free.`,
      note: 'Note to residents', noteHint: 'Shown on the procedure’s page (up to 1,000 characters).',
      submit: 'Save', errorTitle: 'Not saved',
    },
  },
} as const;

const th = 'border-b border-solid-gray-420 p-2 text-left align-bottom';
const td = 'border-b border-solid-gray-420 p-2 align-top';

function fee(r: Row, t: (typeof TEXT)['ja'] | (typeof TEXT)['en']): string {
  const yen = r.feeYen ?? r.def.fee.yen;
  return `${yen === 0 ? t.free : t.yen(yen)}${r.feeYen === null ? t.standard : ''}`;
}

/** The list. */
export function ProcedureSettingsPage(p: ConsoleContext & { rows: Row[]; refusals: Refusal[]; canEdit: boolean; savedCode?: string }) {
  const t = TEXT[p.lang === 'en' ? 'en' : 'ja'];
  const name = (r: Row) => (p.lang === 'en' ? r.def.titleEn : r.def.titleJa);
  const saved = p.savedCode ? p.rows.find((r) => r.def.code === p.savedCode) : undefined;
  return (
    <ConsoleLayout {...p} title={t.title} current="procedures">
      <h1 class="text-std-32B-150">{t.title}</h1>
      {saved ? <div class="banner-success mt-4" role="status" data-testid="saved">{t.saved(name(saved))}</div> : null}
      <p class="mt-2 max-w-3xl">{t.lead}</p>
      {!p.canEdit && <p class="mt-2" data-testid="read-only">{t.readOnly}</p>}
      {p.refusals.length > 0 ? <IntakeRefusals refusals={p.refusals} rows={p.rows} lang={p.lang} /> : null}
      <div class="mt-4 overflow-x-auto">
        <table class="w-full border-collapse" data-testid="procedure-settings">
          <caption class="sr-only">{t.title}</caption>
          <thead><tr>
            <th scope="col" class={th}>{t.cols.procedure}</th><th scope="col" class={th}>{t.cols.state}</th><th scope="col" class={th}>{t.cols.fee}</th>
            <th scope="col" class={th}>{t.cols.submitted}</th><th scope="col" class={th}>{t.cols.updated}</th>
            {p.canEdit ? <th scope="col" class={th}>{t.cols.action}</th> : null}
          </tr></thead>
          <tbody>
            {p.rows.map((r) => (
              <tr data-testid="procedure-row">
                <td class={td}><span class="font-bold">{name(r)}</span>{r.noteJa ? <p class="mt-1 text-dns-16N-130 text-solid-gray-700">{r.noteJa}</p> : null}</td>
                <td class={`${td} whitespace-nowrap`}>{r.enabled ? t.on : <strong>{t.off}</strong>}</td>
                <td class={`${td} whitespace-nowrap`}>{fee(r, t)}</td>
                <td class={`${td} whitespace-nowrap`}>{t.count(r.submittedThisMonth)}</td>
                <td class={`${td} whitespace-nowrap`}>{r.updatedAt ? toWarekiDateTime(r.updatedAt) : t.none}</td>
                {p.canEdit ? <td class={`${td} whitespace-nowrap`}><a class="link" href={`/console/procedures/${r.def.code}`} aria-label={t.edit(name(r))}>{t.editShort}</a></td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ConsoleLayout>
  );
}

/** Applications waiting in the inbox after the intake refused them (procedures-intake.ts), named by procedure and time. */
function IntakeRefusals(p: { refusals: Refusal[]; rows: Row[]; lang: string }) {
  const t = TEXT[p.lang === 'en' ? 'en' : 'ja'];
  const k = t.refusals;
  const procedure = (code: string) => {
    const def = p.rows.find((r) => r.def.code === code)?.def;
    return def ? (p.lang === 'en' ? def.titleEn : def.titleJa) : t.none;
  };
  return (
    <section class="banner-warning mt-6 max-w-6xl" aria-labelledby="refusals-title" data-testid="intake-refusals">
      <h2 id="refusals-title" class="text-std-20B-150">{k.title}</h2>
      <p class="mt-2">{k.lead}</p>
      <div class="mt-2 overflow-x-auto">
        <table class="w-full border-collapse">
          <thead><tr>
            <th scope="col" class={th}>{k.cols.procedure}</th><th scope="col" class={th}>{k.cols.submitted}</th><th scope="col" class={th}>{k.cols.reason}</th>
            <th scope="col" class={th}>{k.cols.attempts}</th><th scope="col" class={th}>{k.cols.first}</th><th scope="col" class={th}>{k.cols.last}</th>
          </tr></thead>
          <tbody>
            {p.refusals.map((r) => (
              <tr data-testid="intake-refusal">
                <td class={td}>{procedure(r.procedureCode)}</td>
                <td class={`${td} whitespace-nowrap`}>{r.submittedAt ? toWarekiDateTime(r.submittedAt) : t.none}</td>
                <td class={td}>{p.lang === 'en' && r.detail ? r.detail : r.title}</td>
                <td class={`${td} whitespace-nowrap`}>{k.attempts(r.attempts)}</td>
                <td class={`${td} whitespace-nowrap`}>{toWarekiDateTime(r.firstAt)}</td>
                <td class={`${td} whitespace-nowrap`}>{toWarekiDateTime(r.lastAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** What was typed, shown again after a refusal. */
export interface SettingForm { enabled: string; feeYen: string; noteJa: string }

/** One procedure's settings form (administrators). */
export function ProcedureSettingPage(p: ConsoleContext & { row: Row; form?: SettingForm; error?: { field: 'feeYen' | 'noteJa'; message: string } }) {
  const t = TEXT[p.lang === 'en' ? 'en' : 'ja'];
  const title = p.lang === 'en' ? p.row.def.titleEn : p.row.def.titleJa;
  const v: SettingForm = p.form ?? { enabled: p.row.enabled ? 'yes' : 'no', feeYen: p.row.feeYen === null ? '' : String(p.row.feeYen), noteJa: p.row.noteJa };
  const err = (f: 'feeYen' | 'noteJa') => (p.error?.field === f ? p.error.message : undefined);
  return (
    <ConsoleLayout {...p} title={`${title} — ${t.title}`} current="procedures">
      <p><a class="link" href="/console/procedures">{t.back}</a></p>
      <h1 class="text-std-32B-150 mt-2">{title}</h1>
      {p.error ? (
        <div class="banner-error mt-4" role="alert" tabindex={-1} data-testid="error-summary">
          <p class="font-bold">{t.form.errorTitle}</p>
          <p><a class="link" href={`#${p.error.field}`}>{p.error.message}</a></p>
        </div>
      ) : null}
      <form method="post" action={`/console/procedures/${p.row.def.code}`} class="mt-4 max-w-3xl" data-testid="setting-form">
        <input type="hidden" name="_csrf" value={p.actor.csrfToken} />
        <fieldset class="form-field">
          <legend class="form-label">{t.form.state}</legend>
          <div class="mt-2 flex flex-col gap-2">
            <label><input type="radio" name="enabled" value="yes" checked={v.enabled !== 'no'} /> {t.form.stateOn}</label>
            <label><input type="radio" name="enabled" value="no" checked={v.enabled === 'no'} /> {t.form.stateOff}</label>
          </div>
        </fieldset>
        <div class="form-field mt-6">
          <label class="form-label" for="feeYen">{t.form.fee}</label>
          <p class="form-hint" id="feeYen-hint">{t.form.feeHint(p.row.def.fee.yen)}</p>
          {err('feeYen') ? <p class="form-error" id="feeYen-error">{err('feeYen')}</p> : null}
          <input class="form-control w-48" type="text" inputmode="numeric" id="feeYen" name="feeYen" value={v.feeYen} autocomplete="off"
            aria-describedby={err('feeYen') ? 'feeYen-hint feeYen-error' : 'feeYen-hint'} aria-invalid={err('feeYen') ? 'true' : undefined} />
        </div>
        <div class="form-field mt-6">
          <label class="form-label" for="noteJa">{t.form.note}</label>
          <p class="form-hint" id="noteJa-hint">{t.form.noteHint}</p>
          {err('noteJa') ? <p class="form-error" id="noteJa-error">{err('noteJa')}</p> : null}
          <textarea class="form-control w-full" rows={4} id="noteJa" name="noteJa" aria-describedby={err('noteJa') ? 'noteJa-hint noteJa-error' : 'noteJa-hint'}
            aria-invalid={err('noteJa') ? 'true' : undefined}>{v.noteJa}</textarea>
        </div>
        <button class="button-primary mt-6" type="submit">{t.form.submit}</button>
      </form>
    </ConsoleLayout>
  );
}
