// SPDX-License-Identifier: EUPL-1.2
/**
 * One change (異動) in detail (issue #9): 受付番号, who entered it and when, before → after of every person it
 * touches, its alerts, and what the viewer may do with it: 本登録 (through a confirmation page), 差戻し with a
 * reason, 再提出 or 取下げ of one's own returned change. Also the result page of recording and of every decision
 * (post/redirect/get lands here). No ids, versions or codes on screen: names, 世帯番号 and 和暦.
 */
import { toWarekiDateTime } from '../../platform/dates/jp-date.ts';
import type { RegistryService } from '../../domains/registry/index.ts';
import { newFormToken } from '../../platform/http/idempotency.ts';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import { registryText } from './registry-i18n.ts';
import { reviewText } from './registry-review-i18n.ts';
import { CHANGE_KIND_LABELS, ErrorSummary, Facts, RegistryLayout, td, th, wareki } from './registry-ui.tsx';

export type ChangeDetail = Awaited<ReturnType<RegistryService['getChangeDetail']>>;

/** A timestamp in Japan time, in 和暦 with the time (the one formatter of the dates module). */
export const warekiTime = toWarekiDateTime;

export const kindLabel = (k: string, lang: ConsoleContext['lang']) => registryText(lang).kinds[k] ?? (CHANGE_KIND_LABELS as Record<string, string>)[k] ?? k;

/** A person's name as shown (氏名, or the alphabet name of a foreign resident). */
export const personName = (p: { familyName: string; givenName: string; romanName: string | null }) => `${p.familyName}　${p.givenName}`.trim() || p.romanName || '';

export interface ChangeDetailProps extends ConsoleContext {
  change: ChangeDetail;
  /** The 帳票 of the change that may be printed, with their print counts. */
  forms?: Array<{ form: string; title: string; personId: string | null; personName: string | null; prints: number }>;
  staffNames: Record<string, string>;
  csrfToken: string;
  canApprove: boolean;
  canReview: boolean;
  canChange: boolean;
  done?: string;
  error?: { message: string; code?: string };
  returnReason?: string;
}

/** The change detail page. */
export function ChangeDetailPage(p: ChangeDetailProps) {
  const t = reviewText(p.lang);
  const c = p.change;
  const own = c.operatorId === p.actor.staffId;
  const title = c.receiptLabel ? t.detail.title(c.receiptLabel) : t.detail.titleNoReceipt;
  const who = (id: string | null) => (id ? p.staffNames[id] ?? (id === 'system' ? t.staff.system : t.staff.unknown) : '');
  const open = c.status === 'provisional' || c.status === 'returned';
  const mayDecide = c.status === 'provisional' && !own;
  const hidden = (<><input type="hidden" name="_csrf" value={p.csrfToken} /><input type="hidden" name="_idem" value={newFormToken()} /></>);
  const firstHousehold = c.persons[0]?.after;
  return (
    <RegistryLayout {...p} title={title} sub={own && open ? 'mine' : 'provisional'}>
      <h1 class="text-std-32B-150">{title}</h1>
      {p.error ? <ErrorSummary title={p.error.message} message="" errors={p.error.code === 'return-reason-required' ? { returnReason: p.error.message } : undefined} labels={{ returnReason: t.detail.returnReason }} /> : null}
      {p.done === 'recorded' ? <div class="banner-success mt-4" role="status" data-testid="done"><p class="text-std-18B-160">{t.detail.recorded(c.receiptLabel ?? '')}</p></div> : null}
      {p.done && p.done !== 'recorded' && t.detail.done[p.done] ? <div class="banner-success mt-4" role="status" data-testid="done">{t.detail.done[p.done]}</div> : null}
      {c.status === 'returned' && c.returnedReason ? (
        <div class="banner-warning mt-4 max-w-4xl" role="region" aria-labelledby="returned-heading" data-testid="returned-reason">
          <h2 id="returned-heading" class="text-std-18B-160">{t.detail.returned}</h2>
          <p class="mt-2 whitespace-pre-wrap">{c.returnedReason}</p>
          <p class="mt-2 text-std-14N-170">{t.detail.returnedBy(who(c.returnedBy), warekiTime(c.returnedAt))}</p>
        </div>
      ) : null}
      <section class="card mt-6 max-w-4xl" aria-labelledby="facts-heading">
        <h2 id="facts-heading" class="text-std-20B-150">{t.detail.facts}</h2>
        <div class="mt-4">
          <Facts testid="change-facts" rows={[
            [t.detail.receipt, c.receiptLabel ?? ''], [t.detail.kind, `${kindLabel(c.kind, p.lang)}${c.exOfficio ? `（${t.detail.exOfficio}）` : ''}`],
            [t.detail.status, t.status[c.status] ?? c.status], [t.detail.operator, who(c.operatorId)], [t.detail.enteredAt, warekiTime(c.processedAt)],
            [t.detail.occurredOn, wareki(c.occurredOn)], [t.detail.notifiedOn, wareki(c.notifiedOn)], [t.detail.notifier, c.notifier],
            ...(c.decidedBy ? [[t.detail.decidedBy, who(c.decidedBy)], [t.detail.decidedAt, warekiTime(c.decidedAt)]] as Array<[string, string]> : []),
            ...(c.note ? [[t.detail.note, c.note]] as Array<[string, string]> : []),
          ]} />
        </div>
      </section>
      {c.alerts.length > 0 ? (
        <div class="banner-warning mt-6 max-w-4xl" role="region" aria-labelledby="alerts-heading" data-testid="alerts">
          <h2 id="alerts-heading" class="text-std-18B-160">{t.detail.alerts}</h2>
          <ul class="mt-2 list-disc pl-6">{c.alerts.map((a) => <li>{a.message}</li>)}</ul>
        </div>
      ) : null}
      {p.forms && p.forms.length > 0 ? (
        <section class="card mt-6 max-w-4xl" aria-labelledby="forms-heading" data-testid="change-forms">
          <h2 id="forms-heading" class="text-std-20B-150">{t.forms.heading}</h2>
          <p class="mt-1 text-std-16N-170">{t.forms.lead}</p>
          <ul class="mt-3 flex flex-col gap-2">
            {p.forms.map((f) => (
              <li data-form={f.form}>
                <a class="link" href={`/console/registry/changes/${c.changeId}/forms/${f.form}.pdf${f.personId ? `?person=${f.personId}` : ''}`} target="_blank" rel="noopener">
                  {f.title}{f.personName ? `（${f.personName}）` : ''}
                </a>
                <span class="ml-3 text-std-16N-170">{f.prints > 0 ? t.forms.printed(f.prints) : t.forms.notPrinted}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section class="mt-8" aria-labelledby="persons-heading">
        <h2 id="persons-heading" class="text-std-24B-150">{t.detail.persons}</h2>
        {c.persons.map((x, i) => {
          const name = personName(x.after);
          return (
            <section class="mt-6 max-w-5xl" aria-labelledby={`person-${i}`} data-testid="change-person">
              <h3 id={`person-${i}`} class="text-std-20B-150">{name}{x.isNewPerson ? <span class="badge ml-3">{t.detail.newPerson}</span> : null}</h3>
              <p class="mt-1">
                {x.exists ? <a class="link" href={`/console/registry/persons/${x.personId}`}>{t.detail.personLink(name)}</a> : <span>{t.detail.notYet}</span>}
              </p>
              {x.changes.length === 0 ? <p class="mt-2">{t.detail.noChange}</p> : (
                <div class="overflow-x-auto">
                  <table class="mt-2 w-full border-collapse" data-testid="change-diff">
                    <thead><tr><th scope="col" class={th}>{t.detail.item}</th>{x.isNewPerson ? null : <th scope="col" class={th}>{t.detail.before}</th>}<th scope="col" class={th}>{t.detail.after}</th></tr></thead>
                    <tbody>
                      {x.changes.map((d) => (
                        <tr data-item={d.item}>
                          <th scope="row" class={`${td} text-left font-normal whitespace-nowrap`}>{t.items[d.item] ?? d.item}</th>
                          {x.isNewPerson ? null : <td class={td}>{d.before || '—'}</td>}
                          <td class={`${td} font-bold`}>{d.after || '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          );
        })}
      </section>
      <section class="mt-10 max-w-4xl" aria-labelledby="actions-heading">
        <h2 id="actions-heading" class="text-std-24B-150">{t.detail.actions}</h2>
        {open && own && (p.canApprove || p.canReview) ? <p class="mt-2">{t.detail.ownChange}</p> : null}
        {mayDecide && p.canApprove ? <p class="mt-4"><a class="button-primary inline-block" href={`/console/registry/changes/${c.changeId}/approve`} data-testid="to-approve">{t.detail.toApprove}</a></p> : null}
        {mayDecide && (p.canReview || p.canApprove) ? (
          <form method="post" action={`/console/registry/changes/${c.changeId}/returns`} class="card mt-6" data-once>
            <h3 class="text-std-20B-150">{t.detail.returnHeading}</h3>
            {hidden}
            <div class="form-field mt-2">
              <label class="form-label" for="returnReason">{t.detail.returnReason}<span class="ml-1 text-error-1">{registryText(p.lang).required}</span></label>
              <p class="form-hint" id="returnReason-hint">{t.detail.returnHint}</p>
              <textarea class="form-control" id="returnReason" name="reason" rows={4} maxlength={1000} required aria-describedby="returnReason-hint"
                aria-invalid={p.error?.code === 'return-reason-required' ? 'true' : undefined}>{p.returnReason ?? ''}</textarea>
            </div>
            <button class="button-secondary mt-4" type="submit">{t.detail.returnSubmit}</button>
          </form>
        ) : null}
        {c.status === 'returned' && own && p.canChange ? (
          <div class="mt-4">
            <p>{t.detail.resubmitLead}</p>
            <form method="post" action={`/console/registry/changes/${c.changeId}/resubmissions`} class="mt-4" data-once>
              {hidden}
              <button class="button-primary" type="submit">{t.detail.resubmit}</button>
            </form>
          </div>
        ) : null}
        {open && (own || p.canReview || p.canApprove) ? (
          <form method="post" action={`/console/registry/changes/${c.changeId}/withdraw`} class="mt-4 flex flex-wrap gap-4" data-once>
            {hidden}
            <button class="button-secondary" type="submit">{t.detail.withdraw}</button>
            {own && c.status === 'returned' && firstHousehold ? <button class="button-tertiary" type="submit" name="reenter" value="1">{t.detail.withdrawAndReenter}</button> : null}
          </form>
        ) : null}
        <p class="mt-8 flex flex-wrap gap-6">
          {p.canReview || p.canApprove ? <a class="link" href="/console/registry/provisional">{t.detail.toQueue}</a> : null}
          {p.canChange ? <a class="link" href="/console/registry/mine">{t.detail.toMine}</a> : null}
          {firstHousehold ? <a class="link" href={`/console/registry/households/${firstHousehold.householdId}`}>{t.detail.householdLink(firstHousehold.householdNo)}</a> : null}
          <a class="link" href="/console/registry">{t.detail.toSearch}</a>
        </p>
      </section>
    </RegistryLayout>
  );
}

export interface ApproveConfirmProps extends ConsoleContext {
  changes: Array<{ changeId: string; receiptLabel: string | null; kind: string; persons: Array<{ familyName: string; givenName: string; romanName: string | null }>; occurredOn: string; alerts: Array<{ message: string }> }>;
  csrfToken: string;
  canReview: boolean;
  canChange: boolean;
  back: string;
}

/** 本登録の確認: what will be approved, one button to approve (one-time token), one link back. */
export function ApproveConfirmPage(p: ApproveConfirmProps) {
  const t = reviewText(p.lang);
  const single = p.changes.length === 1;
  const action = single ? `/console/registry/changes/${p.changes[0]!.changeId}/approve` : '/console/registry/provisional/approvals';
  return (
    <RegistryLayout {...p} title={t.confirm.title} sub="provisional">
      <h1 class="text-std-32B-150">{t.confirm.title}</h1>
      <p class="mt-4 max-w-4xl">{single ? '' : t.confirm.bulkLead(p.changes.length)}{t.confirm.lead}</p>
      <div class="overflow-x-auto">
        <table class="mt-6 border-collapse" data-testid="approve-confirm">
          <thead><tr><th scope="col" class={th}>{t.queue.columns.receipt}</th><th scope="col" class={th}>{t.queue.columns.kind}</th><th scope="col" class={th}>{t.queue.columns.persons}</th><th scope="col" class={th}>{t.queue.columns.occurredOn}</th><th scope="col" class={th}>{t.queue.columns.alerts}</th></tr></thead>
          <tbody>
            {p.changes.map((c) => (
              <tr>
                <td class={`${td} whitespace-nowrap`}>{c.receiptLabel ?? '—'}</td><td class={td}>{kindLabel(c.kind, p.lang)}</td>
                <td class={td}>{c.persons.map(personName).join('、')}</td><td class={`${td} whitespace-nowrap`}>{wareki(c.occurredOn)}</td>
                <td class={td}>{c.alerts.length > 0 ? <ul class="list-disc pl-4">{c.alerts.map((a) => <li>{a.message}</li>)}</ul> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="post" action={action} class="mt-6 flex flex-wrap items-center gap-6" data-once>
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <input type="hidden" name="_idem" value={newFormToken()} />
        {single ? null : p.changes.map((c) => <input type="hidden" name="changeIds" value={c.changeId} />)}
        <button class="button-primary" type="submit" autofocus>{t.confirm.submit}</button>
        <a class="link" href={p.back}>{t.confirm.back}</a>
      </form>
    </RegistryLayout>
  );
}
