// SPDX-License-Identifier: EUPL-1.2
/** An error page for browsers (the API answers with problem+json instead). */
import type { Dictionary, Lang } from './i18n.ts';
import { ConsoleLayout, type ConsoleContext } from './console-layout.tsx';
import { PageShell, PublicHeader } from './page-shell.tsx';

/**
 * The short reference shown to people for support (問い合わせ番号): the first 8 characters of the request
 * id, which the logs carry in full. Never the whole UUID on a screen (issue #9).
 */
export function referenceNumber(requestId: string): string {
  return requestId.replace(/[^A-Za-z0-9]/g, '').slice(0, 8).toUpperCase();
}

/** A page that explains an error in words, with a short reference number for support. */
export function ErrorPage(p: { lang: Lang; t: Dictionary; currentPath: string; title: string; body: string; requestId?: string; homeHref: string }) {
  const { t } = p;
  return (
    <PageShell lang={p.lang} t={t} title={p.title} header={<PublicHeader lang={p.lang} t={t} currentPath={p.currentPath} />}>
      <main id="main" tabindex={-1} class="mx-auto w-full max-w-3xl flex-1 px-4 py-8 md:py-12">
        <h1 class="text-std-32B-150">{p.title}</h1>
        <p class="mt-4">{p.body}</p>
        {p.requestId ? <p class="mt-4 text-dns-14N-130 text-solid-gray-700">{t.errors.requestId}: <span class="font-mono">{referenceNumber(p.requestId)}</span></p> : null}
        <p class="mt-8"><a class="link" href={p.homeHref}>{t.errors.backHome}</a></p>
      </main>
    </PageShell>
  );
}

/**
 * An error inside the console frame (header, navigation): unknown ids and routes, refusals and failures of
 * console pages, with a way on: back to the page before (when it was a console page), the list of the
 * area (住民検索, 利用調整の回, …) and the console home.
 */
export function ConsoleErrorPage(p: ConsoleContext & { title: string; body?: string; requestId?: string; backHref?: string; area?: { href: string; label: string } }) {
  const { t } = p;
  return (
    <ConsoleLayout {...p} title={p.title} current={undefined}>
      <h1 class="text-std-32B-150">{p.title}</h1>
      {p.body ? <p class="mt-4 max-w-3xl">{p.body}</p> : null}
      {p.requestId ? <p class="mt-4 text-dns-14N-130 text-solid-gray-700">{t.errors.requestId}: <span class="font-mono">{referenceNumber(p.requestId)}</span></p> : null}
      <ul class="mt-8 flex flex-wrap gap-x-8 gap-y-2" data-testid="error-links">
        {p.backHref ? <li><a class="link" href={p.backHref}>{t.errors.back}</a></li> : null}
        {p.area ? <li><a class="link" href={p.area.href}>{p.area.label}</a></li> : null}
        <li><a class="link" href="/console">{t.errors.backHome}</a></li>
      </ul>
    </ConsoleLayout>
  );
}
