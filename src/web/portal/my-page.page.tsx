// SPDX-License-Identifier: EUPL-1.2
/**
 * マイページ: the signed-in resident's home. Says whether they were matched to the registry (and why not), and links
 * to what they can do. Other parts of the portal add their entries to `items` (see my-page.routes.tsx).
 */
import { residentText } from './resident-i18n.ts';
import { ResidentLayout, type ResidentPageContext } from './resident-layout.tsx';

/** One entry of the マイページ menu. */
export interface MyPageItem {
  href: string;
  title: string;
  body: string;
}

/** The マイページ. */
export function MyPage(p: ResidentPageContext & { items: MyPageItem[]; idleMinutes: number }) {
  const rt = residentText(p.lang);
  const m = p.resident.match;
  return (
    <ResidentLayout {...p} title={rt.myPage}>
      <h1 class="text-std-32B-150">{rt.myPage}</h1>
      <p class="mt-2 text-std-18N-160">{rt.greeting(p.resident.displayName)}</p>
      <div class={`mt-6 ${m ? 'banner-success' : 'banner-warning'}`} data-testid="match-status">
        <p>{m ? rt.matched : rt.unmatched[p.resident.unmatchedReason ?? 'not-found']}</p>
        {m ? <p class="mt-2">{m.isHouseholdHead ? rt.householdHead : rt.householdMember}</p> : null}
      </div>
      <dl class="mt-4 text-dns-16N-130">
        <dt class="inline font-bold">{rt.assurance}: </dt>
        <dd class="inline">{rt.assuranceLabel(p.resident.assurance)}</dd>
      </dl>
      <h2 class="mt-8 text-std-24B-150">{rt.menu}</h2>
      <ul class="mt-4 grid gap-4">
        {p.items.map((item) => (
          <li class="card">
            <h3 class="text-std-20B-150"><a class="link" href={item.href}>{item.title}</a></h3>
            <p class="mt-2">{item.body}</p>
          </li>
        ))}
      </ul>
      <p class="mt-8 text-dns-14N-130 text-solid-gray-700">{rt.sessionNote(p.idleMinutes)}</p>
    </ResidentLayout>
  );
}
