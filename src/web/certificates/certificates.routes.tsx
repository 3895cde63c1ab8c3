// SPDX-License-Identifier: EUPL-1.2
/**
 * Web pages of certificates: issuance at the counter under /console/certificates and the public verification page
 * /verify. The flow (issue #9): `GET /console/certificates` (search, or `?personId=…` / `?householdId=…` from the
 * 個人票/世帯票) → `GET /console/certificates/preview` (reads only) → `POST /console/certificates/issuances` with the
 * one-time `_idem` token (a repeat returns the first answer) → 303 → `GET /console/certificates/issuances/<通番>`,
 * which never issues; `…/pdf` opens the certificate inline (the first time the original, later a recorded 再交付).
 */
import { Hono, type Context } from 'hono';
import { assertCsrf } from '../../platform/http/middleware.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError, ForbiddenError } from '../../platform/http/errors.ts';
import { newFormToken } from '../../platform/http/idempotency.ts';
import { can } from '../../platform/auth/permissions.ts';
import { createRateLimiter } from '../../platform/auth/rate-limit.ts';
import { parseCalendarDate } from '../../platform/dates/jp-date.ts';
import type { Services } from '../../services.ts';
import { CertificateRequestInput, DEFAULT_ITEMS, IDENTITY_DOCUMENT_LABELS, MAX_COPIES, REQUESTER_LABELS, type IdentityDocument, type RequesterType } from '../../domains/certificates/index.ts';
import { dictionary, requestLang } from '../ui/i18n.ts';
import {
  CertificateFormPage, CertificateIssuancePage, CertificatePreviewPage, CertificateStartPage, type CertificateFormValues, type FormError, type FormSubject,
} from './certificates.page.tsx';
import { CertificateVerifyPage, type VerifyOutcome } from './certificate-verify.page.tsx';
import { CertificatePostalPage } from './certificate-postal.page.tsx';
import { currentPath, renderPage } from '../ui/render.ts';
import { consoleContext } from '../console/console.routes.tsx';
import { toAsciiDigits } from '../../platform/text/ascii-digits.ts';

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : Array.isArray(v) && typeof v[0] === 'string' ? v[0].trim() : '');
const list = (v: unknown) => (Array.isArray(v) ? v.map(str).filter(Boolean) : typeof v === 'string' && v ? [v.trim()] : []);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Full-width digits are accepted in number fields. */
const halfWidth = toAsciiDigits;

/** Reads the form from the query; `_form` marks a submitted form (unchecked boxes then mean "none"). */
function formValues(q: Record<string, string[]>, subject?: FormSubject): CertificateFormValues {
  const submitted = q._form !== undefined;
  const personId = str(q.personId);
  const persons = submitted ? list(q.persons)
    : personId ? [personId] : (subject?.members ?? []).filter((m) => !m.removed).map((m) => m.personId);
  const requesterType = str(q.requesterType) || (personId ? 'self' : 'household');
  return {
    kind: str(q.kind) || 'residence-copy', householdId: str(q.householdId), personId, persons, requesterType,
    requesterPersonId: submitted ? str(q.requesterPersonId) : personId, identityDocument: str(q.identityDocument), copies: str(q.copies) || '1',
    powerOfAttorneyChecked: str(q.powerOfAttorneyChecked) === '1', ground: str(q.ground), officialBody: str(q.officialBody), legalBasis: str(q.legalBasis),
    purpose: str(q.purpose), items: submitted ? list(q.items) : [...DEFAULT_ITEMS], layout: ['household', 'individual'].includes(str(q.layout)) ? str(q.layout) : '', asOf: str(q.asOf),
    issueToken: /^[A-Za-z0-9._:-]{8,255}$/.test(str(q.issueToken)) ? str(q.issueToken) : newFormToken(),
  };
}

/** The API request from the form, or the first field error (naming the field). */
function toRequest(v: CertificateFormValues): { ok: true; data: CertificateRequestInput } | { ok: false; error: FormError } {
  const fail = (title: string, field: string) => ({ ok: false as const, error: { title, field } });
  if (v.persons.length === 0) return fail('証明する方を選択してください', 'persons');
  const member = v.requesterType === 'self' || v.requesterType === 'household';
  if (member && !v.requesterPersonId) return fail('請求者（本人・同一世帯員）を選択してください', 'requesterPersonId');
  if (v.requesterType !== 'official' && !v.identityDocument) return fail('本人確認書類を選択してください', 'identityDocument');
  const copies = Number(halfWidth(v.copies));
  if (!Number.isInteger(copies) || copies < 1 || copies > MAX_COPIES) return fail(`通数は1から${MAX_COPIES}までの数字で入力してください`, 'copies');
  let asOf: string | undefined;
  if (v.asOf) {
    try { asOf = parseCalendarDate(v.asOf); } catch { return fail('基準日の日付が正しくありません（例: 令和7年4月1日）', 'asOf'); }
  }
  const parsed = CertificateRequestInput.safeParse({
    kind: v.kind, householdId: v.householdId || undefined, personIds: v.persons,
    requester: {
      type: v.requesterType, personId: member ? v.requesterPersonId : undefined,
      powerOfAttorneyChecked: v.requesterType === 'agent' ? v.powerOfAttorneyChecked || undefined : undefined,
      ground: v.requesterType === 'third-party' ? v.ground || undefined : undefined,
      officialBody: v.requesterType === 'official' ? v.officialBody || undefined : undefined,
      legalBasis: v.requesterType === 'official' ? v.legalBasis || undefined : undefined,
      identityDocument: v.requesterType !== 'official' ? v.identityDocument || undefined : 'staff-id',
    },
    purpose: v.purpose || undefined, items: v.items, layout: v.layout || undefined, asOf, copies,
  });
  if (!parsed.success) return fail('入力内容に誤りがあります。証明書の種類・請求者の区分・記載事項を確認してください', 'kind');
  return { ok: true, data: parsed.data };
}

/** The field a refusal of the certificates domain is about. */
const REFUSAL_FIELDS: Record<string, string> = {
  'requester-person-required': 'requesterPersonId', 'requester-not-subject': 'requesterPersonId', 'requester-not-in-household': 'requesterPersonId',
  'power-of-attorney-required': 'powerOfAttorneyChecked', 'ground-required': 'ground', 'purpose-required': 'purpose', 'official-basis-required': 'officialBody',
  'as-of-not-allowed': 'asOf', 'as-of-in-future': 'asOf', 'no-persons': 'persons', 'mixed-households': 'persons', 'person-removed': 'persons',
  'person-not-removed': 'persons', 'not-resident-on-date': 'persons', 'no-move-out': 'persons', 'support-measure-restricted': 'persons',
  'kind-not-allowed-for-requester': 'kind', 'item-not-allowed': 'persons',
};

/** A refusal as the form shows it: the Japanese title, naming the person when the refusal is about one. */
function refusalError(err: DomainError, subject?: FormSubject): FormError {
  const details = err.extra ?? {};
  const ids = [details.personId, ...(Array.isArray(details.personIds) ? details.personIds : [])].filter((x): x is string => typeof x === 'string');
  const names = ids.map((id) => subject?.members.find((m) => m.personId === id)?.name).filter(Boolean);
  return { title: names.length > 0 ? `${names.join('、')}：${err.title}` : err.title, field: REFUSAL_FIELDS[err.code] };
}

/** Mounts the certificate pages (before the console's 準備中 pages). */
export function certificateWebRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const verifyLimiter = createRateLimiter(60, 60_000);
  const ctx = (c: Context<AppEnv>) => ({ clientIp: c.var.clientIp, requestId: c.var.requestId });

  const guard = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    // One issuance's record is readable by the reviewers and approvers who decide certificate cases (linked from the
    // case page); everything else here (issuing, printing, the postal queue) is the counter's.
    const action = c.req.method === 'GET' && /^\/console\/certificates\/issuances\/\d+$/.test(c.req.path) ? 'certificates:read' : 'certificates:issue';
    if (!can(c.var.actor, action)) throw new ForbiddenError(action);
    await next();
  };
  app.use('/console/certificates', guard);
  app.use('/console/certificates/*', guard);

  /** The household of the request, from the person or household the clerk started from. */
  async function subjectOf(c: Context<AppEnv>, q: Record<string, string[]>): Promise<FormSubject | undefined> {
    const personId = str(q.personId);
    const householdId = str(q.householdId);
    if (personId && UUID.test(personId)) return services.certificates.subjectForForm(c.var.actor, { personId }, ctx(c));
    if (householdId && UUID.test(householdId)) return services.certificates.subjectForForm(c.var.actor, { householdId }, ctx(c));
    return undefined;
  }

  const notFound = () => new DomainError('not-found', '対象の世帯または住民が見つかりません', 404, 'Certificate subject not found');

  const formPage = async (c: Context<AppEnv>, subject: FormSubject, values: CertificateFormValues, error?: FormError, status: 200 | 400 | 403 | 404 | 409 | 422 = 200) =>
    renderPage(c, CertificateFormPage({ ...(await consoleContext(c, services)), subject, values, error }), status);

  app.get('/console/certificates', async (c) => {
    const q = c.req.queries();
    if (!str(q.personId) && !str(q.householdId)) {
      const name = str(q.q).slice(0, 100);
      const birthDate = str(q.birthDate).slice(0, 40);
      const base = { ...(await consoleContext(c, services)), q: name, birthDate };
      if (!name && !birthDate) return renderPage(c, CertificateStartPage(base));
      try {
        const hits = await services.registry.search(c.var.actor, { name: name || undefined, birthDate: birthDate || undefined, limit: 50, purpose: '証明書の交付' }, ctx(c));
        return renderPage(c, CertificateStartPage({ ...base, hits }));
      } catch (err) {
        if (err instanceof DomainError && err.status < 500) return renderPage(c, CertificateStartPage({ ...base, error: { title: err.title, field: birthDate ? 'birthDate' : 'q' } }), err.status as 400);
        throw err;
      }
    }
    const subject = await subjectOf(c, q);
    if (!subject) throw notFound();
    return formPage(c, subject, formValues(q, subject));
  });

  /** The request as the preview and the issue steps describe the requester. */
  const requesterText = (req: CertificateRequestInput, subject: FormSubject) => {
    const who = req.requester.personId ? subject.members.find((m) => m.personId === req.requester.personId)?.name : undefined;
    const doc = req.requester.identityDocument ? IDENTITY_DOCUMENT_LABELS[req.requester.identityDocument as IdentityDocument] : '';
    return `${REQUESTER_LABELS[req.requester.type as RequesterType]}${who ? `（${who}）` : ''}${doc && req.requester.type !== 'official' ? `・本人確認: ${doc}` : ''}`;
  };

  const previewPage = async (c: Context<AppEnv>, req: CertificateRequestInput, subject: FormSubject, issueToken: string, backHref: string, error?: FormError, status: 200 | 400 | 403 | 404 | 409 | 422 = 200) => {
    const preview = await services.certificates.preview(c.var.actor, req, ctx(c));
    return renderPage(c, CertificatePreviewPage({
      ...(await consoleContext(c, services)), preview, requestJson: JSON.stringify(req), csrfToken: c.var.actor.csrfToken, issueToken, backHref,
      requesterText: requesterText(req, subject), error,
    }), status);
  };

  app.get('/console/certificates/preview', async (c) => {
    const q = c.req.queries();
    const subject = await subjectOf(c, q);
    if (!subject) throw notFound();
    const values = formValues(q, subject);
    const request = toRequest(values);
    if (!request.ok) return formPage(c, subject, values, request.error, 400);
    const back = new URL(c.req.url);
    back.pathname = '/console/certificates';
    try {
      return await previewPage(c, request.data, subject, values.issueToken, `${back.pathname}${back.search}`);
    } catch (err) {
      if (err instanceof DomainError && err.status < 500 && err.status !== 401) return formPage(c, subject, values, refusalError(err, subject), err.status as 400);
      throw err;
    }
  });

  app.post('/console/certificates/issuances', async (c) => {
    const body = await c.req.parseBody();
    assertCsrf(c.var.actor, str(body._csrf) || undefined);
    let json: unknown;
    try { json = JSON.parse(str(body.request)); } catch { json = undefined; }
    const parsed = CertificateRequestInput.safeParse(json);
    if (!parsed.success) throw new DomainError('invalid-params', '交付の内容を読み取れませんでした。最初からやり直してください', 400, 'Unreadable certificate request');
    const req = { ...parsed.data, acknowledgePendingChanges: str(body.acknowledgePendingChanges) === '1' };
    try {
      const issued = await services.certificates.issue(c.var.actor, req, ctx(c));
      // Post/redirect/get: the result page is a GET that never issues; a repeat of this POST replays this answer.
      return c.redirect(`/console/certificates/issuances/${issued.issueNo}`, 303);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500 || err.status === 401) throw err;
      const subject = await services.certificates.subjectForForm(c.var.actor, req.personIds ? { personId: req.personIds[0]! } : { householdId: req.householdId! }, ctx(c));
      if (!subject) throw err;
      const token = str(body._idem) || newFormToken();
      const error = refusalError(err, subject);
      try {
        return await previewPage(c, { ...parsed.data }, subject, token, `/console/certificates?${subject.householdId ? `householdId=${subject.householdId}` : ''}`,
          err.code === 'pending-change-unacknowledged' ? { title: err.title, field: 'acknowledgePendingChanges' } : error, err.status as 400);
      } catch (again) {
        if (again instanceof DomainError && again.status < 500) return formPage(c, subject, formValues({ householdId: [subject.householdId] }, subject), refusalError(again, subject), again.status as 400);
        throw again;
      }
    }
  });

  const issueNoOf = (c: Context<AppEnv>) => {
    const n = Number(c.req.param('no'));
    if (!Number.isInteger(n) || n < 1 || n > 2_000_000_000) throw new DomainError('not-found', '交付記録が見つかりません', 404, 'Issuance not found');
    return n;
  };

  app.get('/console/certificates/issuances/:no', async (c) => {
    const issuance = await services.certificates.getIssuance(c.var.actor, issueNoOf(c), ctx(c));
    const { places, terminals } = await services.terminals.list(c.var.actor);
    const terminalName = (code: string | undefined) => {
      if (!code) return '—';
      if (code === 'unregistered') return '未登録の端末';
      const t = terminals.find((x) => x.terminalCode === code);
      return t ? `${t.name}（${places.find((x) => x.placeCode === t.placeCode)?.name ?? t.placeCode}）` : code;
    };
    return renderPage(c, CertificateIssuancePage({ ...(await consoleContext(c, services)), issuance, canIssue: can(c.var.actor, 'certificates:issue'),
      canVoid: can(c.var.actor, 'certificates:void'), csrfToken: c.var.actor.csrfToken, terminalName }));
  });

  // 交付履歴 (spec §1.3.8): 無効 with its reason, 廃棄 of a print; both safe to repeat; post/redirect/get.
  app.post('/console/certificates/issuances/:no/voids', async (c) => {
    const body = await c.req.parseBody();
    assertCsrf(c.var.actor, str(body._csrf) || undefined);
    const no = issueNoOf(c);
    await services.certificates.voidIssuance(c.var.actor, { issueNo: no }, str(body.reason).slice(0, 600), ctx(c));
    return c.redirect(`/console/certificates/issuances/${no}`, 303);
  });
  app.post('/console/certificates/issuances/:no/prints/:printNo/disposals', async (c) => {
    const body = await c.req.parseBody();
    assertCsrf(c.var.actor, str(body._csrf) || undefined);
    const no = issueNoOf(c);
    const printNo = Number(c.req.param('printNo'));
    if (!Number.isInteger(printNo) || printNo < 1 || printNo > 10_000) throw new DomainError('print-not-found', 'この印刷の記録はありません', 404, 'No such print');
    await services.certificates.disposePrint(c.var.actor, { issueNo: no }, printNo, str(body.reason).slice(0, 600), ctx(c));
    return c.redirect(`/console/certificates/issuances/${no}`, 303);
  });

  // 郵送待ち (issue #10): certificates issued by approved cases, printed and mailed by a clerk.
  app.get('/console/certificates/postal', async (c) => {
    const waiting = await services.certificates.listPostal(c.var.actor, { sent: false, limit: 200 }, ctx(c));
    const sent = await services.certificates.listPostal(c.var.actor, { sent: true, limit: 20 }, ctx(c));
    const justSent = Number(c.req.query('sent'));
    return renderPage(c, CertificatePostalPage({ ...(await consoleContext(c, services)), waiting, sent, csrfToken: c.var.actor.csrfToken,
      justSent: Number.isInteger(justSent) && justSent > 0 ? justSent : undefined }));
  });

  // Marking as sent is idempotent (a repeat changes nothing); post/redirect/get.
  app.post('/console/certificates/postal/:no/sent', async (c) => {
    const body = await c.req.parseBody();
    assertCsrf(c.var.actor, str(body._csrf) || undefined);
    const r = await services.certificates.markPostalSent(c.var.actor, issueNoOf(c), ctx(c));
    return c.redirect(`/console/certificates/postal?sent=${r.issueNo}`, 303);
  });

  app.get('/console/certificates/issuances/:no/pdf', async (c) => {
    const printed = await services.certificates.printPdf(c.var.actor, { issueNo: issueNoOf(c) }, ctx(c));
    // Opened in the browser's viewer to print (not downloaded), never cached (it carries personal data).
    return c.body(printed.pdf as unknown as ArrayBuffer, 200, {
      'content-type': 'application/pdf', 'content-disposition': `inline; filename="${printed.filename}"`, 'cache-control': 'no-store',
    });
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
          outcome = { kind: 'genuine', municipalityName: v.municipalityName, issuedAt: v.issuedAt, certificateTitle: v.certificateTitle, issueNumber: v.issueNumber, voided: v.voided };
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
  // The printed URL is `…/verify/<code>`; `…/verify/` alone is the form (it was a 404 on 84be6ac).
  app.get('/verify/', (c) => verify(c, (c.req.query('code') ?? '').trim()));
  app.get('/verify/:code', (c) => verify(c, c.req.param('code')));

  return app;
}
