// SPDX-License-Identifier: EUPL-1.2
/**
 * The console home, a place to start work (issue #9): a resident search box (roles that read the registry), the
 * counts of changes waiting for the staff member (仮登録 to review for reviewers and approvers; their own pending
 * and returned changes for counter clerks), their latest changes and certificates (names and 和暦), help, and the
 * capabilities their roles allow. Each block appears only for the roles that may use it.
 */
import { ConsoleLayout, roleLabels, type ConsoleContext } from '../ui/console-layout.tsx';
import { visibleNavItems } from '../ui/console-nav.ts';
import { homeText } from './console-home-i18n.ts';

/** The registry's part of the home (null for roles without the registry). */
export interface HomeWork {
  canSearch: boolean;
  awaitingReview: number | null;
  returnedToOthers: number | null;
  minePending: number | null;
  mineReturned: number | null;
  recentChanges: Array<{ href: string; receipt: string; kind: string; names: string; status: string; at: string }>;
  recentCertificates: Array<{ issueNo: string; kind: string; names: string; at: string }> | null;
}

/** The console home page. */
export function ConsoleHomePage(ctx: ConsoleContext & { work?: HomeWork }) {
  const { t } = ctx;
  const h = homeText(ctx.lang);
  const items = visibleNavItems(ctx.actor);
  const w = ctx.work;
  const counts: Array<[string, number, string, string]> = [];
  if (w?.awaitingReview !== null && w?.awaitingReview !== undefined) counts.push(['awaiting', w.awaitingReview, h.awaitingReview, '/console/registry/provisional?status=provisional']);
  if (w?.returnedToOthers !== null && w?.returnedToOthers !== undefined) counts.push(['returned-all', w.returnedToOthers, h.returnedToOthers, '/console/registry/provisional?status=returned']);
  if (w?.minePending !== null && w?.minePending !== undefined) counts.push(['mine-pending', w.minePending, h.minePending, '/console/registry/mine?status=provisional']);
  if (w?.mineReturned !== null && w?.mineReturned !== undefined) counts.push(['mine-returned', w.mineReturned, h.mineReturned, '/console/registry/mine?status=returned']);
  return (
    <ConsoleLayout {...ctx} title={t.console.heading} current="home">
      <h1 class="text-std-32B-150">{t.console.welcome(ctx.actor.displayName)}</h1>
      <dl class="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-std-16N-170">
        <dt class="text-std-16B-170">{t.console.municipality}</dt>
        <dd>{ctx.municipalityName}（{ctx.actor.municipalityCode}）</dd>
        <dt class="text-std-16B-170">{t.console.role}</dt>
        <dd>{roleLabels(ctx.actor, ctx.lang)}</dd>
      </dl>
      {w?.canSearch ? (
        <form method="get" action="/console/registry" class="mt-8 flex max-w-3xl flex-wrap items-end gap-4" role="search" aria-label={h.searchLabel}>
          <div class="form-field">
            <label class="form-label" for="home-q">{h.searchLabel}</label>
            <p class="form-hint" id="home-q-hint">{h.searchHint}</p>
            <input class="form-control w-full" id="home-q" name="q" type="search" autocomplete="off" aria-describedby="home-q-hint" autofocus />
          </div>
          <button class="button-primary" type="submit">{h.search}</button>
        </form>
      ) : null}
      {counts.length > 0 ? (
        <section class="mt-10" aria-labelledby="work-heading">
          <h2 id="work-heading" class="text-std-24B-150">{h.work}</h2>
          <ul class="mt-4 grid gap-4 sm:grid-cols-2 xl:grid-cols-4" data-testid="work-counts">
            {counts.map(([key, n, label, href]) => (
              <li class="card" data-count={key}>
                <a class="link text-std-18B-160" href={href}>{label}</a>
                <p class="mt-1 text-std-32B-150" aria-label={h.countAria(label, n)}>{h.count(n)}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {w && (w.recentChanges.length > 0 || (w.recentCertificates?.length ?? 0) > 0) ? (
        <section class="mt-10" aria-labelledby="recent-heading">
          <h2 id="recent-heading" class="text-std-24B-150">{h.recent}</h2>
          {w.recentChanges.length > 0 ? (
            <>
              <h3 class="mt-4 text-std-20B-150">{h.recentChanges}</h3>
              <ul class="mt-2 flex flex-col gap-1" data-testid="recent-changes">
                {w.recentChanges.map((c) => <li><a class="link" href={c.href}>{c.receipt} {c.kind} {c.names}</a>（{c.status}・{c.at}）</li>)}
              </ul>
            </>
          ) : null}
          {w.recentCertificates && w.recentCertificates.length > 0 ? (
            <>
              <h3 class="mt-4 text-std-20B-150">{h.recentCertificates}</h3>
              <ul class="mt-2 flex flex-col gap-1" data-testid="recent-certificates">
                {w.recentCertificates.map((c) => <li>{h.issueNo(c.issueNo)} {c.kind} {c.names}（{c.at}）</li>)}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
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
      <section class="mt-10" aria-labelledby="help-heading">
        <h2 id="help-heading" class="text-std-24B-150">{h.help}</h2>
        <p class="mt-2 max-w-3xl">{t.console.lead}</p>
        <ul class="mt-2 list-disc pl-6" data-testid="help-links">
          <li><a class="link" href="/console/help">{h.helpGuide}</a></li>
          {w?.canSearch ? <li><a class="link" href="/console/help#search">{h.helpSearch}</a></li> : null}
          {w && (w.minePending !== null || w.awaitingReview !== null) ? <li><a class="link" href="/console/help#approval">{h.helpApproval}</a></li> : null}
        </ul>
      </section>
    </ConsoleLayout>
  );
}

/** The help page: how the console's main tasks go, per role. */
export function ConsoleHelpPage(ctx: ConsoleContext) {
  const h = homeText(ctx.lang).guide;
  return (
    <ConsoleLayout {...ctx} title={h.title} current={undefined}>
      <h1 class="text-std-32B-150">{h.title}</h1>
      {h.sections.map((s) => (
        <section class="mt-8 max-w-3xl" id={s.id} aria-labelledby={`${s.id}-heading`}>
          <h2 id={`${s.id}-heading`} class="text-std-24B-150">{s.title}</h2>
          <ol class="mt-2 list-decimal pl-6">{s.steps.map((x) => <li class="mt-1">{x}</li>)}</ol>
        </section>
      ))}
      <p class="mt-8"><a class="link" href="/console">{ctx.t.console.backHome}</a></p>
    </ConsoleLayout>
  );
}
