// SPDX-License-Identifier: EUPL-1.2
/**
 * Administration screens: the landing page (/console/admin), 端末・場所 (/console/admin/terminals, spec §1.3.1) and the
 * access log (/console/admin/access-log, spec §10.2) with the terminal and place of every entry.
 */
import { toWarekiDateTime } from '../../platform/dates/jp-date.ts';
import { newFormToken } from '../../platform/http/idempotency.ts';
import type { AccessLogRow } from '../../platform/audit/access-log.repository.ts';
import { AccessLogAnalysisForm } from './access-log-analysis-form.tsx';
import { ConsoleLayout, type ConsoleContext } from '../ui/console-layout.tsx';
import { actionLabel, adminText } from './admin-i18n.ts';
import { messagesText } from './admin-messages.page.tsx';

const th = 'border-b-2 border-solid-gray-536 px-3 py-2 text-left text-std-16B-170 whitespace-nowrap';
const td = 'border-b border-solid-gray-420 px-3 py-2 align-top';

/** Places and terminals as listed by the terminal service. */
export interface TerminalList {
  places: Array<{ placeCode: string; name: string }>;
  terminals: Array<{ terminalCode: string; name: string; placeCode: string; active: boolean; issuedAt: Date | string | null }>;
}

/** The administration landing page: links to what the actor may do. */
export function AdminHomePage(p: ConsoleContext & { canTerminals: boolean; canLog: boolean }) {
  const t = adminText(p.lang).home;
  return (
    <ConsoleLayout {...p} title={t.title} current="admin">
      <h1 class="text-std-32B-150">{t.title}</h1>
      <p class="mt-2">{t.lead}</p>
      <ul class="mt-6 flex flex-col gap-4">
        {p.canTerminals ? <li><a class="link text-std-18B-160" href="/console/admin/terminals">{t.terminals}</a><p>{t.terminalsHint}</p></li> : null}
        {p.canLog ? <li><a class="link text-std-18B-160" href="/console/admin/access-log">{t.log}</a><p>{t.logHint}</p></li> : null}
        <li><a class="link text-std-18B-160" href="/console/admin/messages">{messagesText(p.lang).title}</a><p>{messagesText(p.lang).hint}</p></li>
      </ul>
    </ConsoleLayout>
  );
}

/** A place's name with its code, or the code alone when unknown. */
const placeName = (list: TerminalList, code: string) => list.places.find((x) => x.placeCode === code)?.name ?? code;

/** 端末・場所. */
export function TerminalsPage(p: ConsoleContext & { list: TerminalList; csrfToken: string; done?: string; error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> }) {
  const t = adminText(p.lang).terminals;
  const v = p.values ?? {};
  const fe = p.fieldErrors ?? {};
  const here = p.actor.terminalCode && p.actor.terminalCode !== 'unregistered'
    ? `${p.list.terminals.find((x) => x.terminalCode === p.actor.terminalCode)?.name ?? p.actor.terminalCode}（${placeName(p.list, p.actor.placeCode ?? '')}）` : t.unregistered;
  const Hidden = () => [<input type="hidden" name="_csrf" value={p.csrfToken} />, <input type="hidden" name="_idem" value={newFormToken()} />];
  const Field = (f: { name: string; label: string; hint?: string; value?: string }) => (
    <div class="form-field">
      <label class="form-label" for={f.name}>{f.label}</label>
      {f.hint ? <p class="form-hint" id={`${f.name}-hint`}>{f.hint}</p> : null}
      {fe[f.name] ? <p class="form-error" id={`${f.name}-error`}>{fe[f.name]}</p> : null}
      <input class="form-control" id={f.name} name={f.name} value={f.value ?? ''} maxlength={100} aria-invalid={fe[f.name] ? 'true' : undefined}
        aria-describedby={[f.hint ? `${f.name}-hint` : '', fe[f.name] ? `${f.name}-error` : ''].filter(Boolean).join(' ') || undefined} />
    </div>
  );
  return (
    <ConsoleLayout {...p} title={t.title} current="admin">
      <h1 class="text-std-32B-150">{t.title}</h1>
      <p class="mt-2 max-w-4xl">{t.lead}</p>
      <p class="mt-4"><span class="badge" data-testid="current-terminal">{t.current(here)}</span></p>
      {p.done && t.done[p.done] ? <div class="banner-success mt-4" role="status" data-testid="done">{t.done[p.done]}</div> : null}
      {p.error ? <div class="banner-error mt-4" role="alert" data-testid="error">{p.error}</div> : null}

      <h2 class="mt-8 text-std-20B-150">{t.terminals}</h2>
      {p.list.terminals.length === 0 ? <p class="mt-2">{t.noTerminals}</p> : (
        <div class="mt-2 overflow-x-auto">
          <table class="w-full border-collapse" data-testid="terminals">
            <thead><tr><th scope="col" class={th}>{t.code}</th><th scope="col" class={th}>{t.name}</th><th scope="col" class={th}>{t.place}</th>
              <th scope="col" class={th}>{t.status}</th><th scope="col" class={th}>{t.issued}</th><th scope="col" class={th}>{t.actions}</th></tr></thead>
            <tbody>
              {p.list.terminals.map((x) => (
                <tr>
                  <td class={td}>{x.terminalCode}</td><td class={td}>{x.name}</td><td class={td}>{placeName(p.list, x.placeCode)}</td>
                  <td class={td}>{x.active ? t.active : t.retired}</td>
                  <td class={td}>{x.issuedAt ? t.issuedAt(toWarekiDateTime(x.issuedAt)) : t.notIssued}</td>
                  <td class={td}>{x.active ? (
                    <div class="flex flex-wrap gap-2">
                      <form method="post" action={`/console/admin/terminals/${x.terminalCode}/cookies`}><Hidden /><button type="submit" class="button-secondary button-small">{t.bind}</button></form>
                      <form method="post" action={`/console/admin/terminals/${x.terminalCode}/retirements`}><Hidden /><button type="submit" class="button-secondary button-small">{t.retire}</button></form>
                    </div>) : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 class="mt-8 text-std-20B-150">{t.places}</h2>
      {p.list.places.length === 0 ? <p class="mt-2">{t.noPlaces}</p> : (
        <table class="mt-2 border-collapse" data-testid="places">
          <thead><tr><th scope="col" class={th}>{t.code}</th><th scope="col" class={th}>{t.name}</th></tr></thead>
          <tbody>{p.list.places.map((x) => <tr><td class={td}>{x.placeCode}</td><td class={td}>{x.name}</td></tr>)}</tbody>
        </table>
      )}

      <div class="mt-10 grid gap-10 lg:grid-cols-2">
        <section aria-labelledby="add-terminal">
          <h2 id="add-terminal" class="text-std-20B-150">{t.addTerminal}</h2>
          <form method="post" action="/console/admin/terminals" class="mt-2 flex flex-col gap-4">
            <Hidden />
            <Field name="terminalCode" label={t.code} hint={t.codeHint} value={v.terminalCode} />
            <Field name="terminalName" label={t.name} hint={t.terminalNameHint} value={v.terminalName} />
            <div class="form-field">
              <label class="form-label" for="placeCode">{t.place}</label>
              {fe.placeCode ? <p class="form-error" id="placeCode-error">{fe.placeCode}</p> : null}
              <select class="form-control" id="placeCode" name="placeCode">
                <option value="">{t.choosePlace}</option>
                {p.list.places.map((x) => <option value={x.placeCode} selected={v.placeCode === x.placeCode}>{x.name}</option>)}
              </select>
            </div>
            <p><button type="submit" class="button-primary">{t.submitTerminal}</button></p>
          </form>
        </section>
        <section aria-labelledby="add-place">
          <h2 id="add-place" class="text-std-20B-150">{t.addPlace}</h2>
          <form method="post" action="/console/admin/places" class="mt-2 flex flex-col gap-4">
            <Hidden />
            <Field name="placeCode" label={t.code} hint={t.codeHint} value={v.newPlaceCode} />
            <Field name="placeName" label={t.name} hint={t.placeNameHint} value={v.placeName} />
            <p><button type="submit" class="button-primary">{t.submitPlace}</button></p>
          </form>
        </section>
      </div>
    </ConsoleLayout>
  );
}

/** The access log, newest first, with the terminal and place of each entry. */
export function AccessLogPage(p: ConsoleContext & { rows: AccessLogRow[]; list: TerminalList; staffNames: Map<string, string>; terminal: string; nextBefore?: number }) {
  const t = adminText(p.lang).log;
  const terminalName = (code: string) => (code === 'unregistered' ? adminText(p.lang).terminals.unregistered : code ? p.list.terminals.find((x) => x.terminalCode === code)?.name ?? code : '—');
  const who = (r: AccessLogRow) => (r.actorType === 'staff' || r.actorType === 'contractor'
    ? `${p.staffNames.get(r.actorId) ?? t.actorTypes[r.actorType]}${r.actorType === 'contractor' ? `（${t.actorTypes.contractor}）` : ''}` : t.actorTypes[r.actorType] ?? r.actorType);
  return (
    <ConsoleLayout {...p} title={t.title} current="admin">
      <h1 class="text-std-32B-150">{t.title}</h1>
      <p class="mt-2">{t.lead}</p>
      <form method="get" action="/console/admin/access-log" class="mt-4 flex flex-wrap items-end gap-4" aria-label={t.filter}>
        <div class="form-field">
          <label class="form-label" for="terminal">{t.terminal}</label>
          <select class="form-control" id="terminal" name="terminal">
            <option value="">{t.all}</option>
            <option value="unregistered" selected={p.terminal === 'unregistered'}>{adminText(p.lang).terminals.unregistered}</option>
            {p.list.terminals.map((x) => <option value={x.terminalCode} selected={p.terminal === x.terminalCode}>{x.name}</option>)}
          </select>
        </div>
        <button type="submit" class="button-secondary">{t.apply}</button>
      </form>
      <AccessLogAnalysisForm lang={p.lang} today={new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10)} />
      {p.rows.length === 0 ? <p class="mt-6">{t.none}</p> : (
        <div class="mt-4 overflow-x-auto">
          <table class="w-full border-collapse" data-testid="access-log">
            <thead><tr>
              {(['at', 'who', 'action', 'subject', 'terminal', 'place', 'screen', 'outcome', 'myNumber', 'disclosed'] as const).map((k) => <th scope="col" class={th}>{t.columns[k]}</th>)}
            </tr></thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <td class={`${td} whitespace-nowrap`}>{toWarekiDateTime(r.occurredAt)}</td>
                  <td class={`${td} whitespace-nowrap`}>{who(r)}</td>
                  <td class={td}>{actionLabel(t, r.action)}</td>
                  <td class={td}>{r.subjectType ? t.subjects[r.subjectType] ?? '—' : '—'}{(r.subjectType === 'terminal' || r.subjectType === 'place') ? `（${r.subjectId}）` : ''}</td>
                  <td class={`${td} whitespace-nowrap`} data-testid="log-terminal">{terminalName(r.terminalCode)}</td>
                  <td class={`${td} whitespace-nowrap`}>{r.placeCode ? placeName(p.list, r.placeCode) : '—'}</td>
                  <td class={td} data-testid="log-screen">{r.screenName || '—'}</td>
                  <td class={td}>{t.outcomes[r.outcome] ?? r.outcome}</td>
                  <td class={td}>{r.myNumberAccessed ? t.yes : t.no}</td>
                  <td class={td}>{r.disclosedItems ? r.disclosedItems.split(',').map((i) => t.disclosed[i] ?? i).join('・') : t.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.nextBefore ? <p class="mt-4"><a class="link" href={`/console/admin/access-log?beforeSeq=${p.nextBefore}${p.terminal ? `&terminal=${encodeURIComponent(p.terminal)}` : ''}`}>{t.more}</a></p> : null}
    </ConsoleLayout>
  );
}
