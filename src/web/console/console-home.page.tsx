// SPDX-License-Identifier: EUPL-1.2
/** The console home: a welcome and the capabilities the staff member's roles allow. */
import { ConsoleLayout, roleLabels, type ConsoleContext } from '../ui/console-layout.tsx';
import { visibleNavItems } from '../ui/console-nav.ts';

/** The console home page. */
export function ConsoleHomePage(ctx: ConsoleContext) {
  const { t } = ctx;
  const items = visibleNavItems(ctx.actor);
  return (
    <ConsoleLayout {...ctx} title={t.console.heading} current="home">
      <h1 class="text-std-32B-150">{t.console.welcome(ctx.actor.displayName)}</h1>
      <dl class="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-std-16N-170">
        <dt class="text-std-16B-170">{t.console.municipality}</dt>
        <dd>{ctx.municipalityName}（{ctx.actor.municipalityCode}）</dd>
        <dt class="text-std-16B-170">{t.console.role}</dt>
        <dd>{roleLabels(ctx.actor, ctx.lang)}</dd>
      </dl>
      <p class="mt-6 max-w-3xl">{t.console.lead}</p>
      <h2 class="mt-10 text-std-24B-150">{t.console.capabilities}</h2>
      {items.length === 0 ? <p class="mt-4">{t.console.noCapabilities}</p> : (
        <ul class="mt-4 grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {items.map((item) => (
            <li class="card flex flex-col gap-2">
              <h3 class="text-std-20B-150">
                <a class="link" href={item.path}>{t.nav[item.key].label}</a>
              </h3>
              <p>{t.nav[item.key].description}</p>
              {item.ready ? null : <p><span class="badge">{t.console.comingSoon}</span></p>}
            </li>
          ))}
        </ul>
      )}
    </ConsoleLayout>
  );
}
