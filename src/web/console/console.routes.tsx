// SPDX-License-Identifier: EUPL-1.2
/** The staff console: /console (home) and a 準備中 page for each capability that is not built yet. */
import { toWarekiDateTime } from '../../platform/dates/jp-date.ts';
import { Hono, type Context } from 'hono';
import { can } from '../../platform/auth/permissions.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import type { Services } from '../../services.ts';
import { dictionary, requestLang } from '../ui/i18n.ts';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import { ConsoleLayout } from '../ui/console-layout.tsx';
import { canSee, NAV_ITEMS } from '../ui/console-nav.ts';
import { ComingSoonPage } from '../ui/coming-soon.page.tsx';
import { ConsoleHelpPage, ConsoleHomePage, type HomeWork } from './console-home.page.tsx';
import { KIND_TITLES } from '../../domains/certificates/index.ts';
import { CHANGE_KIND_LABELS } from '../registry/registry-ui.tsx';
import { reviewText } from '../registry/registry-review-i18n.ts';
import { currentPath, renderPage } from '../ui/render.ts';

/** Everything a console page needs about the request: language, actor, municipality name. */
export async function consoleContext(c: Context<AppEnv>, services: Pick<Services, 'tenants'>): Promise<ConsoleContext> {
  const lang = requestLang(c);
  const actor = c.var.actor;
  const tenant = await services.tenants.get(actor.municipalityCode);
  return { lang, t: dictionary(lang), actor, municipalityName: tenant?.name ?? actor.municipalityCode, currentPath: currentPath(c) };
}

/** A page inside the console frame that explains a refusal or a missing page. */
function ConsoleMessagePage(props: ConsoleContext & { title: string; body?: string }) {
  return (
    <ConsoleLayout {...props} title={props.title} current={undefined}>
      <h1 class="text-std-32B-150">{props.title}</h1>
      {props.body ? <p class="mt-4 max-w-3xl">{props.body}</p> : null}
      <p class="mt-8"><a class="link" href="/console">{props.t.console.backHome}</a></p>
    </ConsoleLayout>
  );
}

/** Mounts the console routes; anonymous visitors are sent to /login and come back afterwards. */
export function consoleRoutes(services: Services) {
  const app = new Hono<AppEnv>();

  const guard = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    const actor = c.get('actor');
    if (!actor) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    if (!can(actor, 'console:use')) {
      const t = dictionary(requestLang(c));
      return renderPage(c, ConsoleMessagePage({ ...(await consoleContext(c, services)), title: t.errors.forbiddenTitle }), 403);
    }
    await next();
  };
  app.use('/console', guard);
  app.use('/console/*', guard);

  app.get('/console', async (c) => renderPage(c, ConsoleHomePage({ ...(await consoleContext(c, services)), work: await homeWork(c, services) })));
  app.get('/console/help', async (c) => renderPage(c, ConsoleHelpPage(await consoleContext(c, services))));

  for (const item of NAV_ITEMS.filter((i) => !i.ready)) {
    app.get(item.path, async (c) => {
      const ctx = await consoleContext(c, services);
      if (!canSee(ctx.actor, item)) return renderPage(c, ConsoleMessagePage({ ...ctx, title: ctx.t.errors.forbiddenTitle }), 403);
      return renderPage(c, ComingSoonPage({ ...ctx, capability: item.key }));
    });
  }

  return app;
}

const warekiTime = toWarekiDateTime;

/** What the home shows of the staff member's work, by role (nothing for roles without the registry or certificates). */
async function homeWork(c: Context<AppEnv>, services: Services): Promise<HomeWork | undefined> {
  const actor = c.var.actor;
  const ctx = { clientIp: c.var.clientIp, requestId: c.var.requestId };
  const summary = await services.registry.workSummary(actor, ctx);
  const canIssue = can(actor, 'certificates:issue');
  if (!summary && !canIssue) return undefined;
  const status = reviewText(requestLang(c)).status;
  const name = (p: { familyName: string; givenName: string; romanName: string | null }) => `${p.familyName}　${p.givenName}`.trim() || p.romanName || '';
  let recentCertificates: HomeWork['recentCertificates'] = null;
  if (canIssue) {
    recentCertificates = (await services.certificates.recentIssuancesOf(actor, 5, ctx)).map((r) => ({
      issueNo: String(r.issueNo), kind: KIND_TITLES[r.kind] ?? '',
      names: r.names.slice(0, 3).join('、') + (r.names.length > 3 ? ' ほか' : ''), at: warekiTime(r.issuedAt),
    }));
  }
  return {
    canSearch: can(actor, 'registry:read'),
    awaitingReview: summary?.awaitingReview ?? null, returnedToOthers: summary?.returnedToOthers ?? null,
    minePending: summary?.minePending ?? null, mineReturned: summary?.mineReturned ?? null,
    recentChanges: (summary?.recent ?? []).map((r) => ({
      href: `/console/registry/changes/${r.changeId}`, receipt: r.receiptLabel ?? '', kind: (CHANGE_KIND_LABELS as Record<string, string>)[r.kind] ?? '',
      names: r.persons.map(name).join('、'), status: status[r.status] ?? '', at: warekiTime(r.processedAt),
    })),
    recentCertificates,
  };
}

/** The console's own not-found page, for /console/* paths no capability answers (mount last). */
export function consoleNotFound(errorPage: (c: Context<AppEnv>, status: 404, title: string, body: string) => Promise<Response>) {
  const app = new Hono<AppEnv>();
  app.all('/console/*', async (c) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    const t = dictionary(requestLang(c));
    return errorPage(c, 404, t.errors.notFoundTitle, t.errors.notFoundBody);
  });
  return app;
}
