// SPDX-License-Identifier: EUPL-1.2
/**
 * The resident's procedure pages under /portal: the catalogue, a procedure's overview, the form page by page (saved
 * on every step, resumable), attachments, the check page, the submission (post/redirect/get; a repeat finds the same
 * case), and 申請状況 with 補正 answers. Every page needs a signed-in resident (c.var.resident); every POST checks the
 * resident's CSRF token. A refusal shows the page again with the Japanese message and its status, never a 5xx.
 */
import crypto from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Resident } from '../../platform/auth/resident.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError, NotFoundError } from '../../platform/http/errors.ts';
import { CsrfError } from '../../platform/http/middleware.ts';
import { requireResident } from '../../platform/http/resident-middleware.ts';
import type { Services } from '../../services.ts';
import type { FormBody } from '../../domains/procedures/index.ts';
import { requestLang } from '../ui/i18n.ts';
import { residentPageContext } from '../portal/my-page.routes.tsx';
import { currentPath, renderPage } from '../ui/render.ts';
import { AttachmentsPage, CataloguePage, CheckPage, FormPage, OverviewPage } from './procedures.pages.tsx';
import { proceduresText } from './procedures-i18n.ts';
import { StatusListPage, StatusPage, type Tracked } from './status.pages.tsx';

/** Where a resident signs in (the resident sign-in's page). */
export const RESIDENT_SIGN_IN = '/portal/login';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[a-z-]{1,60}$/;
const ctxOf = (c: Context<AppEnv>) => ({ clientIp: c.var.clientIp, requestId: c.var.requestId });
const notFound = () => new NotFoundError('page', 'ページ');
type Status = 400 | 403 | 404 | 409 | 413 | 422 | 503;

function refusal(err: unknown): { message: string; status: Status; code: string } {
  if (err instanceof DomainError && err.status < 500 && err.status !== 401) return { message: err.title, status: err.status as Status, code: err.code };
  // The virus scanner gave no verdict: the attachment page says to try again (503 with Retry-After).
  if (err instanceof DomainError && err.code === 'virus-scan-unavailable') return { message: err.title, status: 503, code: err.code };
  throw err;
}

function safeEqual(a: string, b: string) {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** Form fields as lists (checkboxes and ranked choices repeat a name); files left out. */
async function formBody(c: Context<AppEnv>): Promise<FormBody> {
  const raw = await c.req.parseBody({ all: true });
  const out: FormBody = {};
  for (const [k, v] of Object.entries(raw)) {
    const list = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    if (list.length) out[k] = list.slice(0, 50);
  }
  return out;
}

/** Mounts the resident's procedure pages. */
export function proceduresWebRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const p = services.procedures;

  const guard = requireResident({ signInPath: RESIDENT_SIGN_IN });
  for (const path of ['/portal/procedures', '/portal/procedures/*', '/portal/applications/*', '/portal/status']) app.use(path, guard);

  const frame = async (c: Context<AppEnv>) => {
    const ctx = await residentPageContext(c, services);
    return { ...ctx, pt: proceduresText(ctx.lang) };
  };
  const checkCsrf = (r: Resident, body: FormBody) => {
    const token = body._csrf?.[0];
    if (!token || !safeEqual(token, r.csrfToken)) throw new CsrfError();
  };
  const appId = (c: Context<AppEnv>) => {
    const id = c.req.param('id') ?? '';
    return UUID.test(id) ? id.toLowerCase() : undefined;
  };

  app.get('/portal/procedures', async (c) => renderPage(c, CataloguePage({ ...(await frame(c)), items: await p.catalogue(c.var.resident) })));

  app.get('/portal/procedures/:code', async (c) => {
    const code = c.req.param('code');
    if (!CODE.test(code)) throw notFound();
    const o = await p.overview(c.var.resident, code, ctxOf(c));
    return renderPage(c, OverviewPage({ ...(await frame(c)), o, matched: o.matched, eligibility: o.eligibility, csrf: c.var.resident.csrfToken, token: crypto.randomUUID() }));
  });

  app.post('/portal/procedures/:code/applications', async (c) => {
    const body = await formBody(c);
    checkCsrf(c.var.resident, body);
    const code = c.req.param('code');
    if (!CODE.test(code)) throw notFound();
    const { applicationId, firstPage } = await p.start(c.var.resident, code, ctxOf(c), body._token?.[0]);
    return c.redirect(`/portal/applications/${applicationId}/pages/${firstPage}`, 303);
  });

  const formPage = async (c: Context<AppEnv>, id: string, pageId: string, override?: { data: Record<string, unknown>; errors: Record<string, string> }, status: Status | 200 = 200) => {
    const a = await p.get(c.var.resident, id, ctxOf(c));
    if (a.app.status !== 'draft') return c.redirect(`/portal/applications/${id}`, 303);
    const page = a.def.pages.find((x) => x.id === pageId);
    if (!page) throw notFound();
    return renderPage(c, FormPage({ ...(await frame(c)), def: a.def, page, applicationId: id, data: override?.data ?? a.data, errors: override?.errors ?? {}, prefilled: a.app.prefilled,
      members: a.members, facilities: a.facilities, csrf: c.var.resident.csrfToken }), status);
  };

  app.get('/portal/applications/:id/pages/:page', async (c) => {
    const id = appId(c);
    if (!id) throw notFound();
    return formPage(c, id, c.req.param('page'));
  });

  app.post('/portal/applications/:id/pages/:page', async (c) => {
    const body = await formBody(c);
    checkCsrf(c.var.resident, body);
    const id = appId(c);
    if (!id) throw notFound();
    const saved = await p.savePage(c.var.resident, id, c.req.param('page'), body);
    if (body._action?.[0] === 'save') return c.redirect('/portal/status?done=saved', 303);
    if (Object.keys(saved.errors).length) return formPage(c, id, c.req.param('page'), saved, 422);
    if (saved.next) return c.redirect(`/portal/applications/${id}/pages/${saved.next}`, 303);
    const a = await p.get(c.var.resident, id, ctxOf(c));
    return c.redirect(`/portal/applications/${id}/${a.def.attachments.length ? 'attachments' : 'check'}`, 303);
  });

  const attachmentsPage = async (c: Context<AppEnv>, id: string, error?: { code: string; message: string }, status: Status | 200 = 200) => {
    const a = await p.get(c.var.resident, id, ctxOf(c));
    if (a.app.status !== 'draft') return c.redirect(`/portal/applications/${id}`, 303);
    return renderPage(c, AttachmentsPage({ ...(await frame(c)), def: a.def, applicationId: id, data: a.data, attachments: a.attachments, csrf: c.var.resident.csrfToken, error }), status);
  };

  app.get('/portal/applications/:id/attachments', async (c) => {
    const id = appId(c);
    if (!id) throw notFound();
    return attachmentsPage(c, id);
  });

  app.post('/portal/applications/:id/attachments', async (c) => {
    const raw = await c.req.parseBody();
    const csrf = typeof raw._csrf === 'string' ? raw._csrf : '';
    checkCsrf(c.var.resident, { _csrf: [csrf] });
    const id = appId(c);
    if (!id) throw notFound();
    const code = typeof raw.code === 'string' ? raw.code.slice(0, 60) : '';
    const file = raw.file;
    try {
      const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
      await p.attach(c.var.resident, id, code, { fileName: file instanceof File ? file.name : '', bytes });
    } catch (err) {
      const r = refusal(err);
      if (r.status === 503) c.header('retry-after', '60');
      return attachmentsPage(c, id, { code, message: r.message }, r.status);
    }
    return c.redirect(`/portal/applications/${id}/attachments`, 303);
  });

  app.post('/portal/applications/:id/attachments/:attachmentId/delete', async (c) => {
    const body = await formBody(c);
    checkCsrf(c.var.resident, body);
    const id = appId(c);
    if (!id) throw notFound();
    try {
      await p.removeAttachment(c.var.resident, id, c.req.param('attachmentId'));
    } catch (err) {
      const r = refusal(err);
      if (r.code !== 'attachment-not-found') return attachmentsPage(c, id, { code: '', message: r.message }, r.status);
    }
    return c.redirect(`/portal/applications/${id}/attachments`, 303);
  });

  const checkPage = async (c: Context<AppEnv>, id: string, refusalMessage?: string, status: Status | 200 = 200) => {
    const a = await p.get(c.var.resident, id, ctxOf(c));
    if (a.app.status !== 'draft') return c.redirect(`/portal/applications/${id}`, 303);
    const fee = (await p.catalogue(c.var.resident)).find((o) => o.def.code === a.def.code)?.feeYen ?? a.def.fee.yen;
    return renderPage(c, CheckPage({ ...(await frame(c)), def: a.def, applicationId: id, data: a.data, errors: a.errors, missing: a.missing.map((m) => m.labelJa), feeYen: fee,
      members: a.members, facilities: a.facilities, attachments: a.attachments, csrf: c.var.resident.csrfToken, refusal: refusalMessage }), status);
  };

  app.get('/portal/applications/:id/check', async (c) => {
    const id = appId(c);
    if (!id) throw notFound();
    return checkPage(c, id);
  });

  app.post('/portal/applications/:id/submission', async (c) => {
    const body = await formBody(c);
    checkCsrf(c.var.resident, body);
    const id = appId(c);
    if (!id) throw notFound();
    try {
      await p.submit(c.var.resident, id, ctxOf(c));
    } catch (err) {
      const r = refusal(err);
      if (r.code === 'application-not-found') throw err;
      return checkPage(c, id, r.message, r.status);
    }
    return c.redirect(`/portal/applications/${id}?done=submitted`, 303);
  });

  app.post('/portal/applications/:id/discard', async (c) => {
    const body = await formBody(c);
    checkCsrf(c.var.resident, body);
    const id = appId(c);
    if (!id) throw notFound();
    try {
      await p.discard(c.var.resident, id);
    } catch (err) {
      if (refusal(err).code !== 'application-not-found') throw err;
    }
    return c.redirect('/portal/status?done=discarded', 303);
  });

  const statusPage = async (c: Context<AppEnv>, id: string, extra: { done?: string; error?: string } = {}, status: Status | 200 = 200) => {
    const x = await p.status(c.var.resident, id, ctxOf(c), requestLang(c) === 'en' ? 'en' : 'ja');
    if (x.app.status === 'draft') return c.redirect(`/portal/applications/${id}/pages/${x.def.pages[0]!.id}`, 303);
    return renderPage(c, StatusPage({ ...(await frame(c)), x: x as Tracked, csrf: c.var.resident.csrfToken, ...extra }), status);
  };

  app.get('/portal/applications/:id', async (c) => {
    const id = appId(c);
    if (!id) throw notFound();
    const pt = proceduresText(requestLang(c));
    const done = c.req.query('done');
    return statusPage(c, id, { done: done === 'submitted' ? pt.status.done : done === 'answered' ? pt.status.answeredDone : undefined });
  });

  app.post('/portal/applications/:id/corrections/:correctionId', async (c) => {
    const body = await formBody(c);
    checkCsrf(c.var.resident, body);
    const id = appId(c);
    const cid = c.req.param('correctionId');
    if (!id || !UUID.test(cid)) throw notFound();
    try {
      await p.answerCorrection(c.var.resident, id, cid, body.message?.[0] ?? '', ctxOf(c));
    } catch (err) {
      const r = refusal(err);
      if (r.code !== 'correction-answered') return statusPage(c, id, { error: r.message }, r.status);
    }
    return c.redirect(`/portal/applications/${id}?done=answered`, 303);
  });

  app.get('/portal/status', async (c) => {
    const pt = proceduresText(requestLang(c));
    const done = c.req.query('done');
    const items = await p.list(c.var.resident, ctxOf(c), requestLang(c) === 'en' ? 'en' : 'ja');
    return renderPage(c, StatusListPage({ ...(await frame(c)), items: items as Tracked[], csrf: c.var.resident.csrfToken,
      done: done === 'saved' ? pt.status.saved : done === 'discarded' ? pt.status.discarded : undefined }));
  });

  return app;
}
