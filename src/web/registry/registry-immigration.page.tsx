// SPDX-License-Identifier: EUPL-1.2
/**
 * 入管通知 (/console/registry/immigration-notices): the 法務大臣's notices (住基法30条の50) — pending ones with the
 * person's current 在留資格等 beside the notified items, unmatched ones with the reason — and the 処理 button, which
 * enters the 職権 change as 仮登録 and opens it. Dates in 和暦, except a 在留期間の満了日 (西暦, spec §1.1.9).
 */
import type { RegistryService } from '../../domains/registry/index.ts';
import { formatLegalDate } from '../../platform/dates/jp-date.ts';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import { immigrationText } from './registry-immigration-i18n.ts';
import { ErrorSummary, RegistryLayout, td, th, wareki } from './registry-ui.tsx';

export type ImmigrationNoticeItem = Awaited<ReturnType<RegistryService['listImmigrationNotices']>>['items'][number];

export interface ImmigrationPageProps extends ConsoleContext {
  canChange: boolean;
  canReview: boolean;
  csrfToken: string;
  items: ImmigrationNoticeItem[];
  all: boolean;
  received?: { added: number; rejected: number };
  error?: { message: string; code?: string };
}

const seireki = (iso: string) => (iso ? formatLegalDate({ sortKey: iso, precision: 'day' }, 'seireki') : '');

/** The 入管通知 page. */
export function ImmigrationPage(p: ImmigrationPageProps) {
  const t = immigrationText(p.lang);
  const c = t.columns;
  const itemText = (k: string, v: unknown) => `${t.items[k] ?? k}: ${k === 'residenceExpiry' ? seireki(String(v)) : k === 'birthDate' ? seireki(String(v)) : String(v)}`;
  return (
    <RegistryLayout {...p} title={t.title} sub="immigration">
      <h1 class="text-std-32B-150">{t.title}</h1>
      {p.error ? <ErrorSummary title={t.failed} message={p.error.message} code={p.error.code} /> : null}
      {p.received ? <div class="banner-success mt-4" role="status" data-testid="received">{t.received(p.received.added, p.received.rejected)}</div> : null}
      <p class="mt-2 max-w-4xl">{t.lead}</p>
      <div class="mt-4 flex flex-wrap items-center gap-6">
        <form method="post" action="/console/registry/immigration-notices/receipts">
          <input type="hidden" name="_csrf" value={p.csrfToken} />
          <button class="button-secondary" type="submit">{t.receive}</button>
        </form>
        <a class="link" href={p.all ? '/console/registry/immigration-notices' : '/console/registry/immigration-notices?which=all'}>{p.all ? t.showOpen : t.showAll}</a>
      </div>
      {p.items.length === 0 ? <p class="mt-6">{t.none}</p> : (
        <div class="mt-6 overflow-x-auto">
          <table class="w-full border-collapse text-left" data-testid="immigration-notices">
            <thead><tr>{[c.noticeNo, c.event, c.person, c.current, c.notice, c.status, c.action].map((h) => <th class={th} scope="col">{h}</th>)}</tr></thead>
            <tbody>
              {p.items.map((n) => (
                <tr data-testid="immigration-notice" data-status={n.status}>
                  <td class={td}>{n.noticeNo}<br /><span class="text-std-16N-170 text-solid-gray-536">{wareki(n.noticedOn)}</span></td>
                  <td class={td}>{t.events[n.event] ?? n.eventLabel}<br /><span class="text-std-16N-170">{c.occurredOn} {wareki(n.occurredOn)}</span></td>
                  <td class={td}>
                    {n.person ? <><a class="link" href={`/console/registry/persons/${n.personId}`}>{n.person.romanName || n.person.name}</a><br /><span class="text-std-16N-170">{n.person.atenaNo}</span></> : null}
                    <div class="text-std-16N-170">{t.card} {n.residenceCardNo}</div>
                  </td>
                  <td class={td}>
                    {n.unmatchedReason ? <p data-testid="unmatched-reason">{t.reasons[n.unmatchedReason] ?? ''}</p> : null}
                    {n.person ? (
                      <ul>
                        {n.person.residenceStatus ? <li>{itemText('residenceStatus', n.person.residenceStatus)}</li> : null}
                        {n.person.residencePeriod ? <li>{itemText('residencePeriod', n.person.residencePeriod)}</li> : null}
                        {n.person.residenceExpiry ? <li>{itemText('residenceExpiry', n.person.residenceExpiry)}</li> : null}
                      </ul>
                    ) : null}
                  </td>
                  <td class={td}>
                    {Object.keys(n.noticeItems).length > 0
                      ? <ul>{Object.entries(n.noticeItems).map(([k, v]) => <li>{itemText(k, v)}</li>)}</ul>
                      : <span>{n.event === 'death' ? t.deathEntry : t.removalOf(t.events[n.event] ?? '')}</span>}
                  </td>
                  <td class={td}>
                    <span class="badge whitespace-nowrap">{t.statuses[n.status] ?? n.status}</span>
                  </td>
                  <td class={td}>
                    {n.status === 'pending' && p.canChange ? (
                      <form method="post" action={`/console/registry/immigration-notices/${n.noticeId}/applications`}>
                        <input type="hidden" name="_csrf" value={p.csrfToken} />
                        <button class="button-primary" type="submit" data-testid="apply">{t.apply}</button>
                      </form>
                    ) : n.changeId ? <a class="link" href={`/console/registry/changes/${n.changeId}`}>{t.openChange}</a> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </RegistryLayout>
  );
}
