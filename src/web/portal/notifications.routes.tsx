// SPDX-License-Identifier: EUPL-1.2
/** GET/POST /portal/my/notifications: メールでのお知らせ (address and consent; stop). */
import crypto from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { CsrfError } from '../../platform/http/middleware.ts';
import { requireResident } from '../../platform/http/resident-middleware.ts';
import type { Services } from '../../services.ts';
import { renderPage } from '../ui/render.ts';
import { residentPageContext } from './my-page.routes.tsx';
import { consentRequired, NotificationsPage } from './notifications.page.tsx';

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
};

/** Mounts /portal/my/notifications. */
export function notificationsRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const guard = requireResident({ signInPath: '/portal/login' });
  const n = services.notifications;

  app.get('/portal/my/notifications', guard, async (c) => {
    const ctx = await residentPageContext(c, services);
    const done = c.req.query('done');
    return renderPage(c, NotificationsPage({ ...ctx, email: (await n.contact(c.var.resident))?.email ?? null, csrf: c.var.resident.csrfToken,
      done: done === 'saved' || done === 'stopped' ? done : undefined }));
  });

  app.post('/portal/my/notifications', guard, async (c) => {
    const r = c.var.resident;
    const body = await c.req.parseBody();
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    if (!safeEqual(str('_csrf'), r.csrfToken)) throw new CsrfError();
    if (str('stop') === 'yes') {
      await n.setContact(r, null);
      return c.redirect('/portal/my/notifications?done=stopped', 303);
    }
    const ctx = await residentPageContext(c, services);
    const email = str('email').slice(0, 300);
    const again = async (error: string, errorField: 'email' | 'consent') =>
      renderPage(c, NotificationsPage({ ...ctx, email: (await n.contact(r))?.email ?? null, value: email, error, errorField, csrf: r.csrfToken }), 422);
    if (str('consent') !== 'yes') return again(consentRequired(ctx.lang), 'consent');
    try {
      await n.setContact(r, email);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'email-invalid') return again(ctx.lang === 'en' ? 'Enter an e-mail address such as taro@example.jp' : err.title, 'email');
      throw err;
    }
    return c.redirect('/portal/my/notifications?done=saved', 303);
  });
  return app;
}
