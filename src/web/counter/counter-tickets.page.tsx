// SPDX-License-Identifier: EUPL-1.2
/** Reception (受付): issue a 受付番号, today's tickets with waiting and service times, call / start / end. */
import { LIFE_EVENTS, LIFE_EVENT_LABELS, type TicketView } from '../../domains/counter/index.ts';
import { FORM_TOKEN_FIELD, newFormToken } from '../../platform/http/idempotency.ts';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import { ConsoleLayout } from '../ui/console-layout.tsx';
import { counterText } from './counter-i18n.ts';

const hhmm = (d: Date | null) => (d ? new Date(d.getTime() + 9 * 3600_000).toISOString().slice(11, 16) : '—');

function Action(p: { csrf: string; number: number; action: string; label: string; primary?: boolean }) {
  return (
    <form method="post" action={`/console/counter/tickets/${p.number}/${p.action}`} class="inline">
      <input type="hidden" name="_csrf" value={p.csrf} />
      <input type="hidden" name={FORM_TOKEN_FIELD} value={newFormToken()} />
      <button type="submit" class={`${p.primary ? 'button-primary' : 'button-secondary'} button-small`}>{p.label}</button>
    </form>
  );
}

export function CounterTicketsPage(p: ConsoleContext & { tickets: TicketView[]; notice?: string; error?: string }) {
  const k = counterText(p.lang);
  const csrf = p.actor.csrfToken;
  // The same count as the lobby display (お待ちの方: not yet called); those called but not yet served are said apart.
  const waiting = p.tickets.filter((x) => x.status === 'waiting').length;
  const called = p.tickets.filter((x) => x.status === 'called').length;
  const waits = p.tickets.map((x) => x.waitMinutes).filter((x): x is number => x !== null);
  const avg = waits.length ? Math.round(waits.reduce((a, b) => a + b, 0) / waits.length) : null;
  return (
    <ConsoleLayout {...p} title={k.title} current="counter">
      <h1 class="text-std-32B-150">{k.title}</h1>
      {p.notice ? <div class="banner-success mt-4" role="status">{p.notice}</div> : null}
      {p.error ? <div class="banner-error mt-4" role="alert"><p class="font-bold">{k.refused}</p><p>{p.error}</p></div> : null}
      <div class="mt-6 grid gap-6 lg:grid-cols-[22rem_1fr]">
        <section class="card" aria-labelledby="issue-title">
          <h2 id="issue-title" class="text-std-20B-150">{k.issue.heading}</h2>
          <form method="post" action="/console/counter/tickets" class="mt-4 flex flex-col gap-4">
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name={FORM_TOKEN_FIELD} value={newFormToken()} />
            <fieldset>
              <legend class="form-label">{k.issue.events}</legend>
              {LIFE_EVENTS.map((e) => <label class="flex min-h-9 items-center gap-2"><input type="checkbox" name="e" value={e} class="size-5" />{LIFE_EVENT_LABELS[e][p.lang]}</label>)}
            </fieldset>
            <fieldset>
              <legend class="form-label">{k.issue.channel}</legend>
              <label class="flex min-h-9 items-center gap-2"><input type="radio" name="channel" value="walk-in" checked class="size-5" />{k.issue.walkIn}</label>
              <label class="flex min-h-9 items-center gap-2"><input type="radio" name="channel" value="reservation" class="size-5" />{k.issue.reservation}</label>
            </fieldset>
            <div><button type="submit" class="button-primary">{k.issue.submit}</button></div>
          </form>
        </section>
        <section aria-labelledby="tickets-title">
          <div class="flex flex-wrap items-baseline justify-between gap-4">
            <h2 id="tickets-title" class="text-std-24B-150">{k.tickets}</h2>
            <span class="flex gap-4"><a class="link" href="/console/counter/visits/new">{k.withoutTicket}</a><a class="link" href="/console/counter/display">{k.display}</a></span>
          </div>
          <p class="mt-2" data-testid="waiting-summary">{k.waitingSummary(waiting, called, avg)}</p>
          {p.tickets.length === 0 ? <p class="mt-4">{k.none}</p> : (
            <table class="mt-4 w-full border-collapse text-left">
              <thead><tr class="border-b border-solid-gray-420">
                {[k.columns.number, k.columns.status, k.columns.events, k.columns.issued, k.columns.wait, k.columns.service, k.columns.actions].map((h) => <th scope="col" class="px-2 py-2">{h}</th>)}
              </tr></thead>
              <tbody>
                {p.tickets.map((x) => (
                  <tr class="border-b border-solid-gray-200 align-top" data-ticket={x.number}>
                    <td class="px-2 py-2 text-std-20B-150">{x.number}</td>
                    <td class="px-2 py-2">{k.status[x.status] ?? x.status}</td>
                    <td class="px-2 py-2">{x.lifeEvents.map((e) => LIFE_EVENT_LABELS[e][p.lang].replace(/（.*）$/, '')).join(p.lang === 'en' ? ', ' : '・') || '—'}</td>
                    <td class="px-2 py-2">{hhmm(x.issuedAt)}</td>
                    <td class="px-2 py-2">{x.waitMinutes === null ? '—' : k.minutes(x.waitMinutes)}</td>
                    <td class="px-2 py-2">{x.serviceMinutes === null ? '—' : k.minutes(x.serviceMinutes)}</td>
                    <td class="px-2 py-2"><div class="flex flex-wrap gap-2">
                      {x.status === 'waiting' || x.status === 'called' ? <Action csrf={csrf} number={x.number} action="call" label={k.actions.call!} /> : null}
                      {x.status === 'waiting' || x.status === 'called' ? <Action csrf={csrf} number={x.number} action="start" label={k.actions.start!} primary /> : null}
                      {x.status === 'serving' ? <a class="button-primary button-small" href={`/console/counter/visits/new?ticket=${x.number}`}>{k.serve}</a> : null}
                      {x.status === 'serving' ? <Action csrf={csrf} number={x.number} action="finish" label={k.actions.finish!} /> : null}
                      {x.status === 'waiting' || x.status === 'called' ? <Action csrf={csrf} number={x.number} action="cancel" label={k.actions.cancel!} /> : null}
                    </div></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </ConsoleLayout>
  );
}
