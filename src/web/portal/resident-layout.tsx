// SPDX-License-Identifier: EUPL-1.2
/**
 * The frame of a signed-in resident's pages (phone first): header with the resident's name, マイページ and sign-out,
 * then the page. Every page of the resident side that needs a session uses it (procedures, 申請状況, 閲覧履歴).
 */
import type { Child } from 'hono/jsx';
import type { Resident } from '../../platform/auth/resident.ts';
import type { Dictionary, Lang } from '../ui/i18n.ts';
import { Brand, LanguageSwitch, PageShell } from '../ui/page-shell.tsx';
import { residentText } from './resident-i18n.ts';

/** What a resident page needs. */
export interface ResidentPageContext {
  lang: Lang;
  t: Dictionary;
  currentPath: string;
  resident: Resident;
  municipalityName: string;
}

/** The resident frame around `children` (which start with the page's h1). */
export function ResidentLayout(p: ResidentPageContext & { title: string; children?: Child }) {
  const rt = residentText(p.lang);
  return (
    <PageShell lang={p.lang} t={p.t} title={p.title} municipalityName={p.municipalityName} header={
      <header class="border-b border-solid-gray-420 bg-white">
        <div class="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
          <Brand t={p.t} href="/portal/my" subtitle={p.municipalityName} />
          <LanguageSwitch lang={p.lang} t={p.t} currentPath={p.currentPath} />
        </div>
        <nav aria-label={rt.myPage} class="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 pb-3">
          <a class="link text-dns-16N-130" href="/portal/my" aria-current={p.currentPath === '/portal/my' ? 'page' : undefined}>{rt.myPage}</a>
          <span class="flex flex-wrap items-center gap-x-4 gap-y-2">
            <span class="text-dns-16N-130">{rt.greeting(p.resident.displayName)}</span>
            <form method="post" action="/portal/logout">
              <input type="hidden" name="_csrf" value={p.resident.csrfToken} />
              <button type="submit" class="button-secondary button-small">{rt.signOut}</button>
            </form>
          </span>
        </nav>
      </header>
    }>
      <main id="main" tabindex={-1} class="mx-auto w-full max-w-3xl flex-1 px-4 py-6 md:py-10">
        {p.children}
      </main>
    </PageShell>
  );
}
