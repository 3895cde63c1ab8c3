// SPDX-License-Identifier: EUPL-1.2
/** The frame of the resident's pages: the public header, the portal navigation, a narrow column (phone first). */
import type { Child } from 'hono/jsx';
import type { Dictionary, Lang } from '../ui/i18n.ts';
import { PageShell, PublicHeader } from '../ui/page-shell.tsx';
import type { ProceduresDictionary } from './procedures-i18n.ts';

export interface PortalFrame { lang: Lang; t: Dictionary; pt: ProceduresDictionary; currentPath: string; residentName: string }

/** A resident page. */
export function PortalLayout(p: PortalFrame & { title: string; current?: 'catalogue' | 'status'; children?: Child }) {
  return (
    <PageShell lang={p.lang} t={p.t} title={p.title} header={<PublicHeader lang={p.lang} t={p.t} currentPath={p.currentPath} subtitle={p.pt.nav.label} />}>
      <nav aria-label={p.pt.nav.label} class="border-b border-solid-gray-420 bg-solid-gray-50">
        <ul class="mx-auto flex max-w-3xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2">
          <li><a class="link" href="/portal/procedures" aria-current={p.current === 'catalogue' ? 'page' : undefined}>{p.pt.nav.catalogue}</a></li>
          <li><a class="link" href="/portal/status" aria-current={p.current === 'status' ? 'page' : undefined}>{p.pt.nav.status}</a></li>
          <li class="ml-auto text-dns-14N-130 text-solid-gray-700">{p.residentName}</li>
        </ul>
      </nav>
      <main id="main" tabindex={-1} class="mx-auto w-full max-w-3xl flex-1 px-4 py-6 md:py-10">
        {p.children}
      </main>
    </PageShell>
  );
}
