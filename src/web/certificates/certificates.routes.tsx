// SPDX-License-Identifier: EUPL-1.2
/**
 * Web pages of certificates: issuance at the counter under /console/certificates (form → preview → issue)
 * and the public verification page /verify. Deep links from person or household views:
 * `/console/certificates?householdId=…` or `?personId=…` prefill the form with the subject.
 */
import { Hono, type Context } from 'hono';
import { assertCsrf } from '../../platform/http/middleware.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError, ForbiddenError } from '../../platform/http/errors.ts';
import { can } from '../../platform/auth/permissions.ts';
import { createRateLimiter } from '../../platform/auth/rate-limit.ts';
import type { Services } from '../../services.ts';
import { CertificateRequestInput } from '../../domains/certificates/index.ts';
import { dictionary, requestLang } from '../ui/i18n.ts';
import { CertificateIssuedPage, CertificateFormPage, CertificatePreviewPage, emptyCertificateForm, type CertificateFormValues } from './certificates.page.tsx';
import { CertificateVerifyPage, type VerifyOutcome } from './certificate-verify.page.tsx';
import { currentPath, renderPage } from '../ui/render.ts';
import { consoleContext } from '../console/console.routes.tsx';

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Reads the posted form. */
function formValues(body: Record<string, unknown>): CertificateFormValues {
  const items = body.items;
  return emptyCertificateForm({
    kind: str(body.kind) || 'residence-copy', householdId: str(body.householdId), personIds: str(body.personIds), requesterType: str(body.requesterType) || 'self',
    requesterPersonId: str(body.requesterPersonId), powerOfAttorneyChecked: body.powerOfAttorneyChecked === '1', ground: str(body.ground),
    officialBody: str(body.officialBody), legalBasis: str(body.legalBasis), purpose: str(body.purpose),
    items: Array.isArray(items) ? items.map(str) : typeof items === 'string' ? [items] : [], asOf: str(body.asOf),
  });
}

/** The API request from the form values (validated by the same schema as the API). */
function toRequest(v: CertificateFormValues) {
  const personIds = v.personIds.split(/[,、\s]+/).filter(Boolean);
  return CertificateRequestInput.safeParse({
    kind: v.kind, householdId: v.householdId || undefined, personIds: personIds.length > 0 ? personIds : undefined,
    requester: {
      type: v.requesterType, personId: v.requesterPersonId || undefined, powerOfAttorneyChecked: v.powerOfAttorneyChecked || undefined,
      ground: v.ground || undefined, officialBody: v.officialBody || undefined, legalBasis: v.legalBasis || undefined,
    },
    purpose: v.purpose || undefined, items: v.items, asOf: v.asOf || undefined,
  });
}

/** Mounts the certificate pages (before the console's 準備中 pages). */
export function certificateWebRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const verifyLimiter = createRateLimiter(60, 60_000);
  const ctx = (c: Context<AppEnv>) => ({ clientIp: c.var.clientIp, requestId: c.var.requestId });

  const guard = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    if (!can(c.var.actor, 'certificates:issue')) throw new ForbiddenError('certificates:issue');
    await next();
  };
  app.use('/console/certificates', guard);
  app.use('/console/certificates/*', guard);

  const form = async (c: Context<AppEnv>, values: CertificateFormValues, error?: { title: string; code: string }, status: 200 | 400 | 403 | 404 | 409 | 422 = 200) =>
    renderPage(c, CertificateFormPage({ ...(await consoleContext(c, services)), values, csrfToken: c.var.actor.csrfToken, error }), status);

  app.get('/console/certificates', async (c) => {
    const personId = c.req.query('personId') ?? '';
    return form(c, emptyCertificateForm({
      householdId: c.req.query('householdId') ?? '', personIds: personId, requesterPersonId: personId,
      requesterType: personId ? 'self' : c.req.query('householdId') ? 'household' : 'self',
    }));
  });

  app.post('/console/certificates/preview', async (c) => {
    const body = await c.req.parseBody({ all: true });
    assertCsrf(c.var.actor, str(body._csrf) || undefined);
    const values = formValues(body as Record<string, unknown>);
    const parsed = toRequest(values);
    if (!parsed.success) return form(c, values, { title: '入力内容に誤りがあります（世帯または住民を指定してください）', code: 'invalid-params' }, 400);
    try {
      const preview = await services.certificates.preview(c.var.actor, parsed.data, ctx(c));
      return renderPage(c, CertificatePreviewPage({ ...(await consoleContext(c, services)), preview, requestJson: JSON.stringify(parsed.data), csrfToken: c.var.actor.csrfToken }));
    } catch (err) {
      if (err instanceof DomainError && err.status < 500 && err.status !== 401) return form(c, values, { title: err.title, code: err.code }, err.status as 400);
      throw err;
    }
  });

  app.post('/console/certificates/issue', async (c) => {
    const body = await c.req.parseBody();
    assertCsrf(c.var.actor, str(body._csrf) || undefined);
    let json: unknown;
    try { json = JSON.parse(str(body.request)); } catch { json = undefined; }
    const parsed = CertificateRequestInput.safeParse(json);
    if (!parsed.success) return form(c, emptyCertificateForm(), { title: '入力内容に誤りがあります', code: 'invalid-params' }, 400);
    try {
      const issued = await services.certificates.issue(c.var.actor, parsed.data, ctx(c));
      return renderPage(c, CertificateIssuedPage({
        ...(await consoleContext(c, services)), issueNumber: issued.issueNumber, verificationCode: issued.verificationCode, feeYen: issued.feeYen,
        pageCount: issued.pageCount, pdfBase64: Buffer.from(issued.pdf).toString('base64'), issuanceId: issued.issuanceId,
      }), 201);
    } catch (err) {
      if (err instanceof DomainError && err.status < 500 && err.status !== 401) return form(c, emptyCertificateForm(), { title: err.title, code: err.code }, err.status as 400);
      throw err;
    }
  });

  const verify = async (c: Context<AppEnv>, code: string) => {
    const lang = requestLang(c);
    let outcome: VerifyOutcome = { kind: 'none' };
    let status: 200 | 400 | 404 | 429 = 200;
    if (code) {
      if (!verifyLimiter.take(c.var.clientIp)) { outcome = { kind: 'limited' }; status = 429; }
      else {
        try {
          const v = await services.certificates.verify(code);
          outcome = { kind: 'genuine', municipalityName: v.municipalityName, issuedAt: v.issuedAt, certificateTitle: v.certificateTitle, pdfSha256: v.pdfSha256 };
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          outcome = { kind: err.code === 'verification-code-malformed' ? 'malformed' : 'unknown' };
          status = err.code === 'verification-code-malformed' ? 400 : 404;
        }
      }
    }
    return renderPage(c, CertificateVerifyPage({ lang, t: dictionary(lang), currentPath: currentPath(c), code, outcome }), status);
  };
  app.get('/verify', (c) => verify(c, (c.req.query('code') ?? '').trim()));
  app.get('/verify/:code', (c) => verify(c, c.req.param('code')));

  return app;
}
