// SPDX-License-Identifier: EUPL-1.2
/**
 * The 個人票's マイナンバーカード section (spec §2.2.2, §7.1.1.3): its props (card view and issuance history, both
 * access-logged by their services) and the form recording the card's status. Post/redirect/get back to `#card` with
 * the outcome or the refusal's code; the `_idem` token makes a repeated POST answer the first result.
 */
import { Hono, type Context } from 'hono';
import { can } from '../../platform/auth/permissions.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { assertCsrf } from '../../platform/http/middleware.ts';
import { cardRefusalMessage } from '../../domains/registry/index.ts';
import type { Services } from '../../services.ts';
import { requestLang } from '../ui/i18n.ts';
import { cardText } from './registry-card-i18n.ts';
import { requestCtx } from './registry.routes.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUSES = new Set(['applied', 'issued', 'suspended', 'expired', 'abolished', 'returned']);

/** The card section's props for the 個人票. */
export async function cardProps(c: Context<AppEnv>, services: Services, personId: string) {
  const actor = c.var.actor;
  const card = await services.registry.cardOfPerson(actor, personId, requestCtx(c));
  const issuances = (await services.certificates.issuancesOfPerson(actor, personId, requestCtx(c))).items;
  const code = c.req.query('cardError');
  return {
    personId, csrfToken: actor.csrfToken, canRecord: can(actor, 'registry:card'), card, issuances,
    notice: c.req.query('card') === 'saved' ? cardText(requestLang(c)).form.saved : undefined,
    error: code ? (cardRefusalMessage(code) ?? '記録できませんでした。入力を確認してください') : undefined,
  };
}

/** Mounts the card POST route (behind the registry pages' guard). */
export function registryCardRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  app.post('/console/registry/persons/:id/card-statuses', async (c) => {
    const id = c.req.param('id');
    if (!UUID.test(id)) return c.notFound();
    const raw = await c.req.parseBody();
    const b = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    assertCsrf(c.var.actor, b._csrf);
    const back = `/console/registry/persons/${id}`;
    if (!STATUSES.has(b.status ?? '')) return c.redirect(`${back}?cardError=invalid-status#card`, 303);
    try {
      await services.registry.recordCardStatus(c.var.actor, id, { status: b.status as 'applied', statusOn: (b.statusOn ?? '').slice(0, 40),
        issuedOn: b.issuedOn?.trim() ? b.issuedOn.slice(0, 40) : undefined, expiresOn: b.expiresOn?.trim() ? b.expiresOn.slice(0, 40) : undefined, note: (b.note ?? '').slice(0, 500) }, requestCtx(c));
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500 || err.status === 401 || err.status === 403) throw err;
      return c.redirect(`${back}?cardError=${encodeURIComponent(err.code)}#card`, 303);
    }
    return c.redirect(`${back}?card=saved#card`, 303);
  });
  return app;
}
