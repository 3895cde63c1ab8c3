// SPDX-License-Identifier: EUPL-1.2
/** An error page for browsers (the API answers with problem+json instead). */
import type { Dictionary, Lang } from './i18n.ts';
import { PageShell, PublicHeader } from './page-shell.tsx';

/** A page that explains an error in words, with the request id for support. */
export function ErrorPage(p: { lang: Lang; t: Dictionary; currentPath: string; title: string; body: string; requestId?: string; homeHref: string }) {
  const { t } = p;
  return (
    <PageShell lang={p.lang} t={t} title={p.title} header={<PublicHeader lang={p.lang} t={t} currentPath={p.currentPath} />}>
      <main id="main" tabindex={-1} class="mx-auto w-full max-w-3xl flex-1 px-4 py-8 md:py-12">
        <h1 class="text-std-32B-150">{p.title}</h1>
        <p class="mt-4">{p.body}</p>
        {p.requestId ? <p class="mt-4 text-dns-14N-130 text-solid-gray-700">{t.errors.requestId}: <code>{p.requestId}</code></p> : null}
        <p class="mt-8"><a class="link" href={p.homeHref}>{t.errors.backHome}</a></p>
      </main>
    </PageShell>
  );
}
