// SPDX-License-Identifier: EUPL-1.2
/** わたしの記録の閲覧履歴: a list (phone first: one card per use, no wide table), 和暦 dates, no identifiers. */
import type { AccessHistoryEntry } from '../../domains/audit/resident-access-history.ts';
import { KIND_TITLES, REQUESTER_LABELS } from '../../domains/certificates/index.ts';
import { toWarekiDateTime } from '../../platform/dates/jp-date.ts';
import { residentText } from './resident-i18n.ts';
import { ResidentLayout, type ResidentPageContext } from './resident-layout.tsx';

/**
 * A purpose as the resident reads it. Services record some purposes as codes for programs (a certificate's
 * `kind/requester/number`, e.g. `residence-copy/self/12`): those become words; any other code-like text is not shown.
 */
export function purposeText(purpose: string, lang: 'ja' | 'en', noPurpose: string): string {
  const m = /^([a-z-]+)\/([a-z-]+)(?:\/[0-9A-Za-z-]+)*$/.exec(purpose);
  if (m && m[1]! in KIND_TITLES) {
    const kind = KIND_TITLES[m[1] as keyof typeof KIND_TITLES];
    const requester = REQUESTER_LABELS[m[2] as keyof typeof REQUESTER_LABELS];
    if (lang === 'en') return 'Issuing a certificate';
    return requester ? `${kind}の交付（${requester}からの請求）` : `${kind}の交付`;
  }
  if (/^[a-z0-9./_-]+$/.test(purpose)) return noPurpose;
  return purpose || noPurpose;
}

/** The page. */
export function AccessHistoryPage(p: ResidentPageContext & { entries: AccessHistoryEntry[]; limit: number }) {
  const h = residentText(p.lang).history;
  const who = (e: AccessHistoryEntry) => {
    if (e.who !== 'staff' && e.who !== 'contractor') return h.who[e.who] ?? h.who.staff!;
    const roles = e.roles.map((r) => h.roles[r] ?? h.who.staff!).join('・') || h.who.staff!;
    return e.who === 'contractor' ? `${h.who.contractor}（${roles}）` : roles;
  };
  const when = (d: Date) => (p.lang === 'en' ? new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') + ' JST' : toWarekiDateTime(d));
  return (
    <ResidentLayout {...p} title={h.title}>
      <h1 class="text-std-32B-150">{h.title}</h1>
      <p class="mt-4">{h.lead}</p>
      {!p.resident.match ? <p class="mt-6 banner-warning">{h.unmatched}</p> : p.entries.length === 0 ? <p class="mt-6">{h.none}</p> : (
        <>
          <p class="mt-4 text-dns-14N-130 text-solid-gray-700">{h.latest(p.limit)}</p>
          <ol class="mt-4 grid gap-3" data-testid="access-history">
            {p.entries.map((e) => (
              <li class="card">
                <p class="text-dns-16N-130 text-solid-gray-700"><time datetime={e.occurredAt.toISOString()}>{when(e.occurredAt)}</time></p>
                <dl class="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                  <dt class="font-bold">{h.columns.who}</dt><dd>{who(e)}</dd>
                  <dt class="font-bold">{h.columns.what}</dt><dd>{h.actions[e.action] ?? h.actionFallback(e.action)}</dd>
                  <dt class="font-bold">{h.columns.purpose}</dt><dd>{purposeText(e.purpose, p.lang, h.noPurpose)}</dd>
                </dl>
              </li>
            ))}
          </ol>
        </>
      )}
      <p class="mt-6 text-dns-14N-130">{h.withheld}</p>
      <p class="mt-2 text-dns-14N-130">{h.household}</p>
      <p class="mt-6"><a class="link" href="/portal/my">{residentText(p.lang).myPage}</a></p>
    </ResidentLayout>
  );
}
