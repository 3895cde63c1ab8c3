// SPDX-License-Identifier: EUPL-1.2
/**
 * 二要素認証 on the console (spec §10.3): GET shows the state and, during an enrolment, the QR code; POST starts an
 * enrolment (post/redirect/get); POST …/confirmations confirms it with a first code (a wrong code: 400 at the field,
 * nothing enrolled). The identity service access-logs each step.
 */
import { Hono, type Context } from 'hono';
import QRCode from 'qrcode';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { assertCsrf } from '../../platform/http/middleware.ts';
import { toAsciiDigits } from '../../platform/text/ascii-digits.ts';
import type { Services } from '../../services.ts';
import { consoleContext } from '../console/console.routes.tsx';
import { currentPath, renderPage } from '../ui/render.ts';
import { TwoFactorPage } from './account-totp.page.tsx';

const PATH = '/console/account/two-factor';

/** Mounts the page. */
export function accountTotpRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const ctxOf = (c: Context<AppEnv>) => ({ clientIp: c.var.clientIp, requestId: c.var.requestId });
  app.use(`${PATH}`, async (c, next) => { if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303); await next(); });
  app.use(`${PATH}/*`, async (c, next) => { if (!c.get('actor')) return c.redirect('/login', 303); await next(); });

  const page = async (c: Context<AppEnv>, extra: { done?: boolean; error?: string } = {}, status: 200 | 400 = 200) => {
    const s = await services.identity.totpStatus(c.var.actor);
    const pending = s.pending ? { secret: s.pending.secret, qrSvg: await QRCode.toString(s.pending.otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }) } : undefined;
    return renderPage(c, TwoFactorPage({ ...(await consoleContext(c, services)), enrolled: s.enrolled, pending, ...extra }), status);
  };
  const csrf = async (c: Context<AppEnv>) => {
    const body = await c.req.parseBody();
    assertCsrf(c.var.actor, typeof body._csrf === 'string' ? body._csrf : undefined);
    return body;
  };

  app.get(PATH, (c) => page(c, { done: c.req.query('done') === 'enrolled' }));
  app.post(PATH, async (c) => {
    await csrf(c);
    // Starting again while an enrolment is under way keeps its secret (a double submit does not change the QR code).
    if (!(await services.identity.totpStatus(c.var.actor)).pending) await services.identity.startTotp(c.var.actor, ctxOf(c));
    return c.redirect(PATH, 303);
  });
  app.post(`${PATH}/confirmations`, async (c) => {
    const body = await csrf(c);
    const code = typeof body.code === 'string' ? toAsciiDigits(body.code).replace(/\s/g, '').slice(0, 8) : '';
    try {
      await services.identity.confirmTotp(c.var.actor, code, ctxOf(c));
    } catch (err) {
      if (err instanceof DomainError && err.status === 401) return page(c, { error: err.title }, 400);
      throw err;
    }
    return c.redirect(`${PATH}?done=enrolled`, 303);
  });
  return app;
}
