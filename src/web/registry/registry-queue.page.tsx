// SPDX-License-Identifier: EUPL-1.2
/**
 * The work queue of the approval step (issue #9): 仮登録一覧 for reviewers and approvers, 「自分の入力」 for the
 * counter clerk (their pending and returned changes). Who entered each change (name), when (和暦 and time), the
 * kind, the persons; filters by kind, clerk and status; each row opens the change's detail page. Approvers may
 * select changes for a bulk 本登録, which goes through the confirmation page.
 */
import type { RegistryService } from '../../domains/registry/index.ts';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import { kindLabel, personName, warekiTime } from './registry-change-detail.page.tsx';
import { reviewText } from './registry-review-i18n.ts';
import { CHANGE_KIND_LABELS, ErrorSummary, RegistryLayout, td, th, wareki } from './registry-ui.tsx';

export type QueueItem = Awaited<ReturnType<RegistryService['listChanges']>>[number];

export interface QueuePageProps extends ConsoleContext {
  mode: 'queue' | 'mine';
  items: QueueItem[];
  staffNames: Record<string, string>;
  operators: string[];
  filter: { status: string; kind: string; operator: string };
  canApprove: boolean;
  canChange: boolean;
  canReview: boolean;
  done?: string;
  /** Result of a 住所一括変更 run (post/redirect/get lands here). */
  batch?: { households: number; skipped: number };
  error?: { message: string; code?: string };
}

/** The queue page. */
export function QueuePage(p: QueuePageProps) {
  const t = reviewText(p.lang);
  const mine = p.mode === 'mine';
  const title = mine ? t.queue.mineTitle : t.queue.title;
  const base = mine ? '/console/registry/mine' : '/console/registry/provisional';
  const who = (id: string) => p.staffNames[id] ?? (id === 'system' ? t.staff.system : t.staff.unknown);
  const bulk = p.canApprove && !mine;
  return (
    <RegistryLayout {...p} title={title} sub={mine ? 'mine' : 'provisional'}>
      <h1 class="text-std-32B-150">{title}</h1>
      {p.error ? <ErrorSummary title={p.error.message} message="" /> : null}
      {p.done && t.detail.done[p.done] ? <div class="banner-success mt-4" role="status" data-testid="done">{t.detail.done[p.done]}</div> : null}
      {p.batch ? <div class="banner-success mt-4" role="status" data-testid="batch-result"><p class="text-std-18B-160">{t.queue.batchDone(p.batch.households, p.batch.skipped)}</p></div> : null}
      <p class="mt-2 max-w-4xl">{mine ? t.queue.mineLead : t.queue.lead}{!mine && !p.canApprove ? t.queue.approverOnly : ''}</p>
      <form method="get" action={base} class="mt-4 flex flex-wrap items-end gap-4" aria-label={t.queue.filters}>
        <div class="form-field">
          <label class="form-label" for="f-status">{t.queue.status}</label>
          <select class="form-control" id="f-status" name="status">
            {['open', 'provisional', 'returned'].map((s) => <option value={s} selected={p.filter.status === s}>{t.queue.statuses[s]}</option>)}
          </select>
        </div>
        <div class="form-field">
          <label class="form-label" for="f-kind">{t.queue.kind}</label>
          <select class="form-control" id="f-kind" name="kind">
            <option value="">{t.queue.anyKind}</option>
            {Object.keys(CHANGE_KIND_LABELS).map((k) => <option value={k} selected={p.filter.kind === k}>{kindLabel(k, p.lang)}</option>)}
          </select>
        </div>
        {mine ? null : (
          <div class="form-field">
            <label class="form-label" for="f-operator">{t.queue.operator}</label>
            <select class="form-control" id="f-operator" name="operator">
              <option value="">{t.queue.anyOperator}</option>
              {p.operators.map((id) => <option value={id} selected={p.filter.operator === id}>{who(id)}</option>)}
            </select>
          </div>
        )}
        <button class="button-secondary" type="submit">{t.queue.apply}</button>
      </form>
      {p.items.length === 0 ? <p class="mt-6" data-testid="no-provisional">{t.queue.none}</p> : (
        <form method="get" action="/console/registry/provisional/approve" class="mt-6" id="bulk-form">
          <p class="mb-2" data-testid="queue-count">{t.queue.count(p.items.length)}</p>
          <div class="overflow-x-auto">
            <table class="w-full border-collapse" data-testid="provisional">
              <thead><tr>
                {bulk ? <th scope="col" class={th}><span class="sr-only">{t.queue.select}</span></th> : null}
                <th scope="col" class={th}>{t.queue.columns.receipt}</th><th scope="col" class={th}>{t.queue.columns.kind}</th><th scope="col" class={th}>{t.queue.columns.persons}</th>
                <th scope="col" class={th}>{t.queue.columns.operator}</th><th scope="col" class={th}>{t.queue.columns.enteredAt}</th><th scope="col" class={th}>{t.queue.columns.occurredOn}</th>
                <th scope="col" class={th}>{t.queue.columns.status}</th><th scope="col" class={th}>{t.queue.columns.alerts}</th>
              </tr></thead>
              <tbody>
                {p.items.map((c) => {
                  const names = c.persons.map(personName);
                  const label = `${c.receiptLabel ?? ''} ${kindLabel(c.kind, p.lang)} ${names.join('、')}`.trim();
                  return (
                    <tr data-testid="provisional-row" data-status={c.status}>
                      {bulk ? <td class={td}>{c.status === 'provisional' && c.operatorId !== p.actor.staffId ? <input type="checkbox" class="size-5" name="changeIds" value={c.changeId} aria-label={t.queue.selectRow(label)} /> : null}</td> : null}
                      <td class={`${td} whitespace-nowrap`}><a class="link" href={`/console/registry/changes/${c.changeId}`} aria-label={t.queue.open(label)}>{c.receiptLabel ?? t.detail.titleNoReceipt}</a></td>
                      <td class={td}>{kindLabel(c.kind, p.lang)}</td>
                      <td class={td}><ul>{names.map((n) => <li>{n}</li>)}</ul></td>
                      <td class={td}>{who(c.operatorId)}</td>
                      <td class={`${td} whitespace-nowrap`}>{warekiTime(c.processedAt)}</td>
                      <td class={`${td} whitespace-nowrap`}>{wareki(c.occurredOn)}</td>
                      <td class={td}>{t.status[c.status] ?? c.status}{c.status === 'returned' && c.returnedReason ? <p class="mt-1 text-std-14N-170" data-testid="row-return-reason">{c.returnedReason}</p> : null}</td>
                      <td class={td}>{c.alerts.length > 0 ? <ul class="list-disc pl-4">{c.alerts.map((a) => <li>{a.message}</li>)}</ul> : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {bulk ? <div class="mt-4"><button class="button-primary" type="submit">{t.queue.approveSelected}</button></div> : null}
        </form>
      )}
    </RegistryLayout>
  );
}
