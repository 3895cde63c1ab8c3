// SPDX-License-Identifier: EUPL-1.2
/**
 * 案件一覧 (/console/cases: queues with filters) and 案件 (/console/cases/{受付番号}: data, automatic-review checks,
 * history, notes, 補正 and the actions). Dates in 和暦; no ids, codes or raw data on screen.
 */
import { toWarekiDateTime } from '../../platform/dates/jp-date.ts';
import type { CasesService, CaseTypeService } from '../../domains/cases/index.ts';
import { toWareki } from '../../domains/registry/index.ts';
import { FORM_TOKEN_FIELD, newFormToken } from '../../platform/http/idempotency.ts';
import { ConsoleLayout, type ConsoleContext } from '../ui/console-layout.tsx';
import { DateInput } from '../ui/date-input.tsx';
import { casesText, type CasesDictionary } from './cases-i18n.ts';

type Summary = Awaited<ReturnType<CasesService['list']>>[number];
type CaseDetail = Awaited<ReturnType<CasesService['get']>>;
type CaseTypeItem = Awaited<ReturnType<CaseTypeService['listCaseTypes']>>[number];
type Staff = Awaited<ReturnType<CasesService['staffDirectory']>>[number];

const th = 'border-b border-solid-gray-420 px-3 py-2 text-left text-std-16B-170';
const td = 'border-b border-solid-gray-420 px-3 py-2 align-top';

/** An ISO day in 和暦 (empty for none). */
const wareki = (iso: string | null | undefined) => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? toWareki(iso) : iso ?? '');
const warekiTime = toWarekiDateTime;

/** Filters of the queue as entered. */
export interface QueueFilters { view: string; caseTypeCode: string; status: string; assigneeStaffId: string; dueBefore: string }

/** Props of the queue page. */
export interface QueuePageProps extends ConsoleContext {
  items: Summary[];
  filters: QueueFilters;
  /** The deadline filter could not be read as a date. */
  dueBeforeError?: string;
  caseTypes: CaseTypeItem[];
  staff: Staff[];
  error?: { message: string };
  csrfToken?: string;
  /** The result of a bulk action (after its redirect). */
  bulk?: { kind: 'assigned' | 'approved' | 'none'; count: number; already: number; skipped: string[] };
}

function Badge(p: { state: string; t: CasesDictionary }) {
  const cls = p.state === 'overdue' || p.state === 'due-soon' ? 'badge font-bold' : 'badge';
  return <span class={cls} data-deadline={p.state}>{p.t.deadline[p.state] ?? p.state}</span>;
}

/** The queue with its filters. */
export function QueuePage(p: QueuePageProps) {
  const t = casesText(p.lang);
  const latest = new Map<string, CaseTypeItem>();
  for (const ct of p.caseTypes) if (ct.status === 'published') latest.set(ct.code, ct);
  const statuses = [...latest.values()][0]?.statuses ?? [];
  // Bulk actions on open cases only (never on the closed list).
  const bulkable = p.filters.view !== 'closed' && p.items.some((c) => !c.closedAt);
  const sel = (name: keyof QueueFilters, label: string, options: Array<[string, string]>) => (
    <div class="form-field">
      <label class="form-label" for={name}>{label}</label>
      <select class="form-control" id={name} name={name}>
        {options.map(([v, l]) => <option value={v} selected={p.filters[name] === v}>{l}</option>)}
      </select>
    </div>
  );
  return (
    <ConsoleLayout {...p} title={t.queueTitle} current="cases">
      <h1 class="text-std-32B-150">{t.queueTitle}</h1>
      {p.error ? <div class="banner-error mt-4" role="alert">{p.error.message}</div> : null}
      <form method="get" action="/console/cases" class="mt-4 grid gap-4 md:grid-cols-3 lg:grid-cols-7 items-end" aria-label={t.filters.label}>
        {sel('view', t.filters.view, Object.entries(t.views))}
        {sel('caseTypeCode', t.filters.type, [['', t.filters.any], ...[...latest.values()].map((ct) => [ct.code, p.lang === 'en' ? ct.titleEn : ct.titleJa] as [string, string])])}
        {sel('status', t.filters.status, [['', t.filters.any], ...statuses.filter((s) => !s.isFinal).map((s) => [s.code, p.lang === 'en' ? s.labelEn : s.labelJa] as [string, string])])}
        {sel('assigneeStaffId', t.filters.assignee, [['', t.filters.any], ...p.staff.map((s) => [s.staffId, s.displayName] as [string, string])])}
        <DateInput name="dueBefore" label={t.filters.dueBefore} value={p.filters.dueBefore} error={p.dueBeforeError} lang={p.lang} class="lg:col-span-2" hint={p.lang === 'en' ? 'e.g. 令和8年12月10日, R8.12.10' : '例: 令和8年12月10日、R8.12.10'} />
        <div><button class="button-primary" type="submit">{t.filters.submit}</button></div>
      </form>
      {p.bulk ? (
        <div class={p.bulk.kind === 'none' || p.bulk.skipped.length > 0 ? 'banner-warning mt-4' : 'banner-success mt-4'} role="status" data-testid="bulk-result">
          <p>{p.bulk.kind === 'assigned' ? t.bulk.assigned(p.bulk.count) : p.bulk.kind === 'approved' ? t.bulk.approved(p.bulk.count, p.bulk.already) : t.bulk.none}</p>
          {p.bulk.skipped.length > 0 ? <p class="mt-1" data-testid="bulk-skipped">{t.bulk.skipped(p.bulk.skipped.join('、'))}</p> : null}
        </div>
      ) : null}
      <p class="mt-6" role="status" data-testid="case-count">{t.count(p.items.length)}</p>
      {p.items.length === 0 ? <p class="mt-2" data-testid="no-cases">{t.none}</p> : (
        <form method="post" action="/console/cases/bulk" class="mt-2" aria-label={t.bulk.label} data-once>
          <input type="hidden" name="_csrf" value={p.csrfToken ?? ''} />
          {(['view', 'caseTypeCode', 'status', 'assigneeStaffId', 'dueBefore'] as const).map((k) => <input type="hidden" name={`f_${k}`} value={p.filters[k]} />)}
        <div class="overflow-x-auto">
          <table class="w-full border-collapse" data-testid="cases">
            <caption class="sr-only">{t.views[p.filters.view] ?? t.queueTitle}</caption>
            <thead><tr>
              {bulkable ? <th scope="col" class={th}><span class="sr-only">{t.bulk.selectColumn}</span></th> : null}
              <th scope="col" class={th}>{t.columns.caseNo}</th><th scope="col" class={th}>{t.columns.type}</th><th scope="col" class={th}>{t.columns.applicant}</th>
              <th scope="col" class={th}>{t.columns.received}</th><th scope="col" class={th}>{t.columns.due}</th><th scope="col" class={th}>{t.columns.status}</th>
              <th scope="col" class={th}>{t.columns.review}</th><th scope="col" class={`${th} whitespace-nowrap`}>{t.columns.assignee}</th>
            </tr></thead>
            <tbody>
              {p.items.map((c) => (
                <tr data-testid="case-row">
                  {bulkable ? <td class={td}>{c.closedAt ? null : <input type="checkbox" class="size-6" name="caseNo" value={c.caseNo} aria-label={t.bulk.select(c.caseNo)} />}</td> : null}
                  <td class={`${td} whitespace-nowrap`}><a class="link" href={`/console/cases/${c.caseNo}`}>{c.caseNo}</a></td>
                  <td class={td}>{c.caseTypeTitle}</td>
                  <td class={td}>{c.applicantName}</td>
                  <td class={`${td} whitespace-nowrap`}>{wareki(c.receivedOn)}</td>
                  <td class={`${td} whitespace-nowrap`}>{wareki(c.legalDueOn) || '—'} <Badge state={c.deadlineState} t={t} /></td>
                  <td class={`${td} whitespace-nowrap`}>{c.closedAt ? (t.result[c.resultCode ?? ''] ?? c.statusLabel) : c.statusLabel}</td>
                  <td class={`${td} whitespace-nowrap`}>{c.reviewOutcome === null ? t.review.pending : c.failedChecks > 0 ? t.review.failed(c.failedChecks) : t.review.clean}</td>
                  <td class={`${td} whitespace-nowrap`}>{c.assigneeName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
          {bulkable ? (
            <fieldset class="mt-4">
              <legend class="text-std-16B-170">{t.bulk.label}</legend>
              <p class="mt-1 text-std-16N-170" id="bulk-hint">{t.bulk.approveHint}</p>
              <div class="mt-2 flex flex-wrap gap-4">
                <button class="button-secondary" type="submit" name="bulk" value="assign">{t.bulk.assign}</button>
                <button class="button-primary" type="submit" name="bulk" value="approve" aria-describedby="bulk-hint">{t.bulk.approve}</button>
              </div>
            </fieldset>
          ) : null}
        </form>
      )}
    </ConsoleLayout>
  );
}

/** Props of the case page. */
export interface CasePageProps extends ConsoleContext {
  kase: CaseDetail;
  staff: Staff[];
  canDecide: boolean;
  /** Documents the resident attached to the online application (images shown, PDFs downloaded). */
  onlineAttachments?: Array<{ attachmentId: string; labelJa: string; labelEn: string; fileName: string; mediaType: string; byteSize: number; virusScan: string }>;
  done?: string;
  error?: { message: string };
}

/** 氏 名 as stated, or the ローマ字氏名 of a foreign resident registered under it only. */
function personName(p: Record<string, unknown>): string {
  const family = typeof p.familyName === 'string' ? p.familyName : '';
  const given = typeof p.givenName === 'string' ? p.givenName : '';
  return family ? `${family} ${given}`.trim() : typeof p.romanName === 'string' ? p.romanName : '';
}

function formatValue(v: unknown, t: CasesDictionary): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? wareki(v) : (t.values[v] ?? v);
  if (typeof v === 'boolean') return t.values[String(v)]!;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map((x) => formatValue(x, t)).join('、');
  const o = v as Record<string, unknown>;
  if ('banchi' in o) return `${o.townName ?? ''}${o.banchi ?? ''}${o.katagaki ? ` ${o.katagaki}` : ''}`;
  return Object.values(o).map((x) => formatValue(x, t)).join(' ');
}

/** A POST form with the CSRF and one-time tokens (post/redirect/get). */
function ActionForm(p: { action: string; csrf: string; children?: unknown; class?: string }) {
  return (
    <form method="post" action={p.action} class={p.class ?? 'mt-4'} data-once>
      <input type="hidden" name="_csrf" value={p.csrf} />
      <input type="hidden" name={FORM_TOKEN_FIELD} value={newFormToken()} />
      {p.children as never}
    </form>
  );
}

/** One case with its checks, history and actions. */
export function CasePage(p: CasePageProps) {
  const t = casesText(p.lang);
  const k = p.kase;
  const names = new Map(p.staff.map((s) => [s.staffId, s.displayName]));
  const who = (type: string, id: string) => (type === 'staff' ? names.get(id) ?? '—' : t.page.who[type] ?? '—');
  const open = k.closedAt === null;
  const base = `/console/cases/${k.caseNo}`;
  const csrf = p.actor.csrfToken;
  const effect = k.decision?.effect as { kind?: string; registryStatus?: string; issueNo?: number; delivery?: string; roundName?: string; facilityNames?: string[] } | undefined;
  return (
    <ConsoleLayout {...p} title={`${k.caseTypeTitle} ${k.caseNo}`} current="cases">
      <p><a class="link" href="/console/cases">{t.queueTitle}</a></p>
      <h1 class="mt-2 text-std-32B-150">{k.caseTypeTitle}<span class="ml-3 text-std-20N-150">{k.caseNo}</span></h1>
      {p.error ? <div class="banner-error mt-4" role="alert" tabindex={-1} data-error-summary data-testid="error-summary"><h2 class="text-std-18B-160">{t.failed}</h2><p class="mt-2">{p.error.message}</p></div> : null}
      {p.done ? <div class="banner-success mt-4" role="status" data-testid="done">{t.done[p.done] ?? ''}</div> : null}

      <h2 class="mt-6 text-std-24B-150">{t.page.summary}</h2>
      <dl class="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1" data-testid="case-summary">
        <dt class="font-bold">{t.page.status}</dt><dd data-testid="case-status">{k.closedAt ? (t.result[k.resultCode ?? ''] ?? k.statusLabel) : k.statusLabel}</dd>
        <dt class="font-bold">{t.page.received}</dt><dd>{wareki(k.receivedOn)}（{t.channel[k.channel] ?? ''}）</dd>
        <dt class="font-bold">{t.page.legalDue}</dt><dd>{wareki(k.legalDueOn) || '—'} <Badge state={k.deadlineState} t={t} /></dd>
        <dt class="font-bold">{t.page.targetDue}</dt><dd>{wareki(k.targetDueOn) || '—'}</dd>
        <dt class="font-bold">{t.page.assignee}</dt><dd data-testid="case-assignee">{k.assigneeName ?? t.page.unassigned}</dd>
        {k.suspensions.length > 0 ? <><dt class="font-bold">{t.page.suspensions}</dt><dd>{k.suspensions.map((s) => `${wareki(s.from)}〜${s.to ? wareki(s.to) : ''}`).join('、')}</dd></> : null}
      </dl>

      <h2 class="mt-8 text-std-24B-150">{t.page.applicant}・{t.page.subjects}</h2>
      <table class="mt-2 border-collapse">
        <thead><tr><th scope="col" class={th}>{t.page.name}</th><th scope="col" class={th}>{t.page.birthDate}</th></tr></thead>
        <tbody>
          <tr><td class={td}>{personName(k.applicant)}（{t.page.applicant}）</td><td class={td}>{formatValue(k.applicant.birthSort ?? k.applicant.birthDate, t)}</td></tr>
          {k.subjects.map((s) => <tr><td class={td}>{personName(s)}</td><td class={td}>{formatValue(s.birthSort ?? s.birthDate, t)}</td></tr>)}
        </tbody>
      </table>

      <h2 class="mt-8 text-std-24B-150">{t.page.data}</h2>
      <dl class="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1" data-testid="case-data">
        {Object.entries(k.data).map(([key, v]) => <><dt class="font-bold">{t.dataLabels[key] ?? key}</dt><dd>{formatValue(v, t)}</dd></>)}
      </dl>

      {p.onlineAttachments?.length ? <OnlineAttachments base={base} lang={p.lang} items={p.onlineAttachments} /> : null}

      <h2 class="mt-8 text-std-24B-150">{t.page.checks}</h2>
      {k.review ? (
        <>
          <p class="mt-1 text-std-16N-170">{t.page.reviewedAt(warekiTime(k.review.reviewedAt))}</p>
          <table class="mt-2 w-full border-collapse" data-testid="checks">
            <thead><tr><th scope="col" class={th}>{t.page.checkColumns.item}</th><th scope="col" class={th}>{t.page.checkColumns.result}</th><th scope="col" class={th}>{t.page.checkColumns.explanation}</th></tr></thead>
            <tbody>
              {k.review.checks.map((x) => (
                <tr data-testid={x.passed ? 'check-passed' : 'check-failed'}>
                  <td class={td}>{x.label}</td>
                  <td class={td}><span class={x.passed ? 'badge' : 'badge font-bold'}>{x.passed ? t.page.passed : t.page.failed}</span></td>
                  <td class={td}>{x.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : <p class="mt-2">{t.page.noReview}</p>}

      {k.decision ? (
        <section class="mt-8" data-testid="decision">
          <h2 class="text-std-24B-150">{t.page.decision}</h2>
          <p class="mt-2">{t.result[k.decision.outcome] ?? ''}（{who(k.decision.decidedByType, k.decision.decidedBy)}・{warekiTime(k.decision.decidedAt)}）</p>
          {k.decision.reasons ? <p class="mt-1">{k.decision.reasons}</p> : null}
          {effect?.kind === 'registry-change' ? (effect.registryStatus === 'final' ? <p class="mt-1" data-testid="effect">{t.page.effectRegistryFinal}</p>
            : <p class="mt-1" data-testid="effect">{t.page.effectRegistry} <a class="link" href="/console/registry/provisional">{t.page.provisionalLink}</a></p>) : null}
          {effect?.kind === 'certificate' ? (typeof effect.issueNo === 'number'
            ? <p class="mt-1" data-testid="effect">{t.page.effectCertificateIssued(effect.issueNo, effect.delivery === 'post')} <a class="link" href={`/console/certificates/issuances/${effect.issueNo}`}>{t.page.certificateLink}</a>
              {effect.delivery === 'post' ? <>{' '}<a class="link" href="/console/certificates/postal">{t.page.postalLink}</a></> : null}</p>
            : <p class="mt-1">{t.page.effectCertificate}</p>) : null}
          {effect?.kind === 'daycare-application' ? (effect.roundName
            ? <p class="mt-1" data-testid="effect">{t.page.effectDaycareEntered(effect.roundName, (effect.facilityNames ?? []).join('、'))} <a class="link" href="/console/daycare">{t.page.daycareLink}</a></p>
            : <p class="mt-1">{t.page.effectDaycare}</p>) : null}
        </section>
      ) : null}

      {open ? (
        <section class="mt-8 rounded-8 border border-solid-gray-420 p-4" aria-labelledby="actions-heading">
          <h2 id="actions-heading" class="text-std-24B-150">{t.actions.heading}</h2>
          <div class="flex flex-wrap gap-4">
            <ActionForm action={`${base}/assignment`} csrf={csrf}>
              <input type="hidden" name="to" value={k.assigneeStaffId === p.actor.staffId ? 'none' : 'me'} />
              <button class="button-secondary" type="submit">{k.assigneeStaffId === p.actor.staffId ? t.actions.release : t.actions.assignMe}</button>
            </ActionForm>
            <ActionForm action={`${base}/review`} csrf={csrf}>
              <button class="button-secondary" type="submit">{t.actions.rerun}</button>
            </ActionForm>
          </div>
          {p.canDecide ? (
            <ActionForm action={`${base}/decision`} csrf={csrf}>
              <div class="form-field">
                <label class="form-label" for="reasons">{t.actions.reasons}</label>
                <textarea class="form-control" id="reasons" name="reasons" rows={2} maxlength={4000}></textarea>
              </div>
              <div class="mt-2 flex flex-wrap gap-4">
                <button class="button-primary" type="submit" name="outcome" value="approved">{t.actions.approve}</button>
                <button class="button-secondary" type="submit" name="outcome" value="rejected">{t.actions.reject}</button>
              </div>
            </ActionForm>
          ) : null}
          {k.statusCode !== 'awaiting-correction' ? (
            <ActionForm action={`${base}/correction`} csrf={csrf}>
              <div class="form-field">
                <label class="form-label" for="correction-message">{t.actions.correctionMessage}</label>
                <textarea class="form-control" id="correction-message" name="message" rows={2} maxlength={4000}></textarea>
              </div>
              <button class="button-secondary mt-2" type="submit">{t.actions.correction}</button>
            </ActionForm>
          ) : null}
        </section>
      ) : null}

      <h2 class="mt-8 text-std-24B-150">{t.page.corrections}</h2>
      {k.corrections.length === 0 ? <p class="mt-2">{t.page.noCorrections}</p> : (
        <ul class="mt-2 list-disc pl-6">{k.corrections.map((x) => <li>{warekiTime(x.requestedAt)}: {x.message}（{x.answeredAt ? `${t.page.answered} ${warekiTime(x.answeredAt)}` : t.page.unanswered}）</li>)}</ul>
      )}

      <h2 class="mt-8 text-std-24B-150">{t.page.notes}</h2>
      {k.notes.length === 0 ? <p class="mt-2">{t.page.noNotes}</p> : (
        <ul class="mt-2 list-disc pl-6" data-testid="notes">{k.notes.map((n) => <li>{warekiTime(n.createdAt)} {n.authorName}: {n.body}</li>)}</ul>
      )}
      <ActionForm action={`${base}/notes`} csrf={csrf}>
        <div class="form-field">
          <label class="form-label" for="note-body">{t.actions.noteBody}</label>
          <textarea class="form-control" id="note-body" name="body" rows={2} maxlength={4000}></textarea>
        </div>
        <button class="button-secondary mt-2" type="submit">{t.actions.note}</button>
      </ActionForm>

      <h2 class="mt-8 text-std-24B-150">{t.page.history}</h2>
      <table class="mt-2 w-full border-collapse" data-testid="history">
        <thead><tr><th scope="col" class={th}>{t.page.historyColumns.when}</th><th scope="col" class={th}>{t.page.historyColumns.status}</th>
          <th scope="col" class={th}>{t.page.historyColumns.who}</th><th scope="col" class={th}>{t.page.historyColumns.reason}</th></tr></thead>
        <tbody>
          {k.history.map((h) => <tr><td class={`${td} whitespace-nowrap`}>{warekiTime(h.setAt)}</td><td class={td}>{h.statusLabel}</td><td class={td}>{who(h.actorType, h.actorId)}</td><td class={td}>{h.reason || '—'}</td></tr>)}
        </tbody>
      </table>
    </ConsoleLayout>
  );
}

/** 添付書類（電子申請）: each document with its label; an image is shown (opens full size), a PDF is a download. */
function OnlineAttachments(p: { base: string; lang: string; items: NonNullable<CasePageProps['onlineAttachments']> }) {
  const en = p.lang === 'en';
  return (
    <section class="mt-8" aria-labelledby="online-attachments" data-testid="online-attachments">
      <h2 id="online-attachments" class="text-std-24B-150">{en ? 'Attached documents (online application)' : '添付書類（電子申請）'}</h2>
      <ul class="mt-2 flex flex-wrap gap-4">
        {p.items.map((a) => {
          const href = `${p.base}/online-attachments/${a.attachmentId}`;
          const label = en ? a.labelEn : a.labelJa;
          const size = `${Math.ceil(a.byteSize / 1024).toLocaleString('ja-JP')}KB`;
          return (
            <li class="rounded-8 border border-solid-gray-420 p-3">
              <p class="font-bold">{label}</p>
              {a.mediaType.startsWith('image/') ? (
                <a class="link mt-2 block" href={href} target="_blank" rel="noopener">
                  <img src={href} alt={`${label}（${a.fileName}）`} class="mt-1 max-h-64 max-w-xs border border-solid-gray-420" loading="lazy" />
                  <span class="mt-1 block">{en ? 'Open full size' : '原寸で開く'}（{size}）</span>
                </a>
              ) : (
                <a class="link mt-2 block" href={href} download>{en ? 'Download PDF' : 'PDFをダウンロード'}: {a.fileName}（{size}）</a>
              )}
              <p class="mt-1 text-dns-14N-130 text-solid-gray-700" data-testid="virus-scan">
                {a.virusScan === 'clean' ? (en ? 'Virus scan: nothing found' : 'ウイルス検査: 検出なし') : (en ? 'Not virus-scanned (no scanner configured)' : 'ウイルス検査: 未実施（検査の設定なし）')}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
