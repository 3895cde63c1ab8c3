// SPDX-License-Identifier: EUPL-1.2
/** The staff console: /console (home) and a 準備中 page for each capability that is not built yet. */
import { Hono, type Context } from 'hono';
import { can } from '../../platform/auth/permissions.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import type { Services } from '../../services.ts';
import { dictionary, requestLang } from '../ui/i18n.ts';
import type { ConsoleContext } from '../ui/console-layout.tsx';
import { ConsoleLayout } from '../ui/console-layout.tsx';
import { canSee, NAV_ITEMS } from '../ui/console-nav.ts';
import { ComingSoonPage } from '../ui/coming-soon.page.tsx';
import { ConsoleHomePage } from './console-home.page.tsx';
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

  app.get('/console', async (c) => renderPage(c, ConsoleHomePage(await consoleContext(c, services))));

  for (const item of NAV_ITEMS.filter((i) => !i.ready)) {
    app.get(item.path, async (c) => {
      const ctx = await consoleContext(c, services);
      if (!canSee(ctx.actor, item)) return renderPage(c, ConsoleMessagePage({ ...ctx, title: ctx.t.errors.forbiddenTitle }), 403);
      return renderPage(c, ComingSoonPage({ ...ctx, capability: item.key }));
    });
  }

  return app;
}

/** The console's own not-found page, for /console/* paths no capability answers (mount last). */
export function consoleNotFound(services: Services) {
  const app = new Hono<AppEnv>();
  app.get('/console/*', async (c) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    const ctx = await consoleContext(c, services);
    return renderPage(c, ConsoleMessagePage({ ...ctx, title: ctx.t.errors.notFoundTitle, body: ctx.t.errors.notFoundBody }), 404);
  });
  return app;
}
