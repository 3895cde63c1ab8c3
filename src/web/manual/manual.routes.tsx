// SPDX-License-Identifier: EUPL-1.2
/**
 * The operation manual on the console (/console/manual, /console/manual/<slug>; 標準仕様書 §10.5): the page of a screen,
 * rendered from docs/manual/<lang>/<slug>.md in the console language, or in the language of `?lang=` (a link switches
 * between Japanese and English). Any signed-in staff member may read it.
 */
import { Hono, type Context } from 'hono';
import { raw } from 'hono/html';
import type { AppEnv } from '../../platform/http/app-env.ts';
import type { Services } from '../../services.ts';
import { consoleContext } from '../console/console.routes.tsx';
import { ConsoleLayout, type ConsoleContext } from '../ui/console-layout.tsx';
import type { Lang } from '../ui/i18n.ts';
import { currentPath, renderPage } from '../ui/render.ts';
import { renderManual } from './markdown.ts';
import { MANUAL_TEXT, manualSource } from './manual-index.ts';

/** A manual page in the console frame. */
function ManualPage(p: ConsoleContext & { slug: string; title: string; html: string; pageLang: Lang }) {
  const t = MANUAL_TEXT[p.pageLang];
  return (
    <ConsoleLayout {...p} title={`${p.title} — ${t.manual}`} current={undefined}>
      <article class="max-w-3xl" lang={p.pageLang} data-testid="manual-page">
        <p class="text-dns-16N-130 text-solid-gray-700">{t.manual}</p>
        <h1 class="text-std-32B-150">{p.title}</h1>
        <p class="mt-2"><a class="link" href={`/console/manual/${p.slug}?lang=${t.otherLang}`} hreflang={t.otherLang} lang={t.otherLang} data-testid="manual-other-lang">{t.other}</a>
          {p.slug !== 'index' ? <>{'　'}<a class="link" href={`/console/manual?lang=${p.pageLang}`}>{t.index}</a></> : null}</p>
        <div class="manual mt-4">{raw(p.html)}</div>
      </article>
    </ConsoleLayout>
  );
}

/** Mounts the manual pages. */
export function manualRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const show = async (c: Context<AppEnv>, slug: string) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    const ctx = await consoleContext(c, services);
    const q = c.req.query('lang');
    const pageLang: Lang = q === 'en' || q === 'ja' ? q : ctx.lang;
    const source = /^[a-z-]{1,40}$/.test(slug) ? manualSource(slug, pageLang) : undefined;
    if (!source) return renderPage(c, ManualPage({ ...ctx, slug: 'index', pageLang, title: MANUAL_TEXT[pageLang].notFound, html: '' }), 404);
    const { title, html } = renderManual(source);
    return renderPage(c, ManualPage({ ...ctx, slug, pageLang, title, html }));
  };
  app.get('/console/manual', (c) => show(c, 'index'));
  app.get('/console/manual/:slug', (c) => show(c, c.req.param('slug')));
  return app;
}
