// SPDX-License-Identifier: EUPL-1.2
/**
 * マイページ (GET /portal/my). To add an entry to its menu, add it to `myPageItems` (one line per feature of the
 * resident side: 申請, 申請状況, 閲覧履歴 …).
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { requireResident } from '../../platform/http/resident-middleware.ts';
import type { Services } from '../../services.ts';
import { dictionary, requestLang, type Lang } from '../ui/i18n.ts';
import { currentPath, renderPage } from '../ui/render.ts';
import { MyPage, type MyPageItem } from './my-page.page.tsx';
import type { ResidentPageContext } from './resident-layout.tsx';
import { residentText } from './resident-i18n.ts';
import { proceduresText } from '../procedures/procedures-i18n.ts';

/** The マイページ menu, in order. */
export function myPageItems(lang: Lang): MyPageItem[] {
  const rt = residentText(lang);
  const pt = proceduresText(lang);
  return [
    { href: '/portal/procedures', title: pt.nav.catalogue, body: pt.catalogue.lead },
    { href: '/portal/status', title: pt.nav.status, body: pt.status.lead },
    { href: '/portal/my/access-history', ...rt.links.accessHistory },
    { href: '/portal/my/notifications', ...rt.links.notifications },
  ];
}

/** The context every signed-in resident page renders with. */
export async function residentPageContext(c: Context<AppEnv>, services: Pick<Services, 'tenants'>): Promise<ResidentPageContext> {
  const lang = requestLang(c);
  const tenant = await services.tenants.get(c.var.resident.municipalityCode);
  return { lang, t: dictionary(lang), currentPath: currentPath(c), resident: c.var.resident, municipalityName: tenant?.name ?? '' };
}

/** Mounts /portal/my. */
export function myPageRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  app.get('/portal/my', requireResident({ signInPath: '/portal/login' }), async (c) => {
    const ctx = await residentPageContext(c, services);
    return renderPage(c, MyPage({ ...ctx, items: myPageItems(ctx.lang), idleMinutes: Math.round(services.residentSessions.idleSeconds / 60) }));
  });
  return app;
}
