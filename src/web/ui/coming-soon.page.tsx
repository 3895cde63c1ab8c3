// SPDX-License-Identifier: EUPL-1.2
/** The 準備中 page of a console capability that is not built yet. */
import { ConsoleLayout, type ConsoleContext } from './console-layout.tsx';
import type { CapabilityKey } from './console-nav.ts';

/** Tells staff that the capability is coming, inside the console frame. */
export function ComingSoonPage(props: ConsoleContext & { capability: CapabilityKey }) {
  const { t } = props;
  const nav = t.nav[props.capability];
  return (
    <ConsoleLayout {...props} title={t.console.comingSoonTitle(nav.label)} current={props.capability}>
      <h1 class="text-std-32B-150">{nav.label}</h1>
      <p class="mt-2"><span class="badge">{t.console.comingSoon}</span></p>
      <p class="mt-6 max-w-3xl">{nav.description}</p>
      <p class="mt-4 max-w-3xl">{t.console.comingSoonBody}</p>
      <p class="mt-8"><a class="link" href="/console">{t.console.backHome}</a></p>
    </ConsoleLayout>
  );
}
