// SPDX-License-Identifier: EUPL-1.2
/**
 * 管理 → エラー・アラート一覧 (/console/admin/messages; 標準仕様書 §11). Readable by the staff who meet the messages
 * (the registry's 窓口・審査・決裁) and the administrator; it holds no personal data, so nothing is access-logged.
 */
import { Hono } from 'hono';
import { can } from '../../platform/auth/permissions.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { ForbiddenError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import { REGISTRY_MESSAGES } from '../../domains/registry/messages/registry-messages.ts';
import { currentPath, renderPage } from '../ui/render.ts';
import { consoleContext } from '../console/console.routes.tsx';
import { MessagesPage } from './admin-messages.page.tsx';

/** Mounts the catalogue page. */
export function adminMessagesRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  app.get('/console/admin/messages', async (c) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    if (!can(c.var.actor, 'registry:read') && !can(c.var.actor, 'tenant:configure')) throw new ForbiddenError('registry:read');
    const q = c.req.query('level');
    const level = q === 'error' || q === 'alert' ? q : '';
    return renderPage(c, MessagesPage({ ...(await consoleContext(c, services)), messages: REGISTRY_MESSAGES, level }));
  });
  return app;
}
