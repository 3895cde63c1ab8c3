// SPDX-License-Identifier: EUPL-1.2
/** The frame of the resident's procedure pages: the resident frame (portal/resident-layout.tsx) with the procedures' own links. */
import type { Child } from 'hono/jsx';
import { ResidentLayout, type ResidentPageContext } from '../portal/resident-layout.tsx';
import type { ProceduresDictionary } from './procedures-i18n.ts';

export interface PortalFrame extends ResidentPageContext { pt: ProceduresDictionary }

/** A resident page of the procedures. */
export function PortalLayout(p: PortalFrame & { title: string; current?: 'catalogue' | 'status'; children?: Child }) {
  return (
    <ResidentLayout {...p} title={p.title}>
      <nav aria-label={p.pt.nav.label} class="mb-6">
        <ul class="flex flex-wrap gap-x-6 gap-y-1">
          <li><a class="link" href="/portal/procedures" aria-current={p.current === 'catalogue' ? 'page' : undefined}>{p.pt.nav.catalogue}</a></li>
          <li><a class="link" href="/portal/status" aria-current={p.current === 'status' ? 'page' : undefined}>{p.pt.nav.status}</a></li>
        </ul>
      </nav>
      {p.children}
    </ResidentLayout>
  );
}
