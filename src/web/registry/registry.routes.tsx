// SPDX-License-Identifier: EUPL-1.2
/**
 * Web pages of the resident registry (reads): 住民検索, 個人票, 世帯票 and 人口統計 (the approval step is in
 * registry-review.routes.tsx). They call the registry service, which authorizes and access-logs every read.
 * The change screens are in registry-changes.routes.tsx.
 */
import { Hono, type Context } from 'hono';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError, ForbiddenError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import { InvalidLegalDateError, parseCalendarDate, textOfQuery } from '../../domains/registry/index.ts';
import { GlyphLookupPage } from './registry-glyphs.tsx';
import { eraDatePrefix } from '../../platform/dates/jp-date.ts';
import { HouseholdPage, PersonPage } from './registry-person.page.tsx';
import { StatisticsPage } from './registry-review.page.tsx';
import { RegistrySearchPage, type PersonHit, type SearchForm } from './registry-search.page.tsx';
import { ADVANCED_KEYS, advancedQuery, formFromCriteria, type AdvancedForm } from './registry-search-form.ts';
import { currentPath, renderPage } from '../ui/render.ts';
import { consoleContext } from '../console/console.routes.tsx';
import { registryMemoRoutes } from './registry-memos.routes.tsx';
import { guardianshipErrorMessage, registryGuardianshipRoutes } from './registry-guardianship.tsx';
import { registryImmigrationRoutes } from './registry-immigration.routes.tsx';
import { cardProps, registryCardRoutes } from './registry-cards.routes.tsx';
import { registryToolsText } from './registry-tools-i18n.ts';
import { requestLang } from '../ui/i18n.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The permissions the registry pages show or hide things by. */
export function registryFlags(actor: Actor) {
  return {
    canChange: can(actor, 'registry:change'),
    canReview: can(actor, 'registry:review') || can(actor, 'registry:approve'),
    canApprove: can(actor, 'registry:approve'),
    canUnmask: can(actor, 'registry:unmask-my-number'),
    canIssue: can(actor, 'certificates:issue'),
    canWriteMemo: can(actor, 'registry:memo'),
    canManageMemo: can(actor, 'registry:memo-manage'),
  };
}

/** The memo section's props for a page: its memos, where to come back, and the outcome of the last memo form. */
async function memoProps(c: Context<AppEnv>, services: Services, subjectType: 'person' | 'household', subjectId: string) {
  const actor = c.var.actor;
  const t = registryToolsText(requestLang(c)).memo;
  const items = subjectType === 'person'
    ? (await services.registry.memosOfPerson(actor, subjectId, requestCtx(c))).items
    : (await services.registry.memosOfHousehold(actor, subjectId, requestCtx(c))).items;
  const done = c.req.query('memo');
  const code = c.req.query('memoError');
  return {
    memos: items, subjectType, subjectId, back: `/console/registry/${subjectType === 'person' ? 'persons' : 'households'}/${subjectId}`,
    csrfToken: actor.csrfToken, staffId: actor.staffId, canWrite: can(actor, 'registry:memo'), canManage: can(actor, 'registry:memo-manage'),
    notice: done === 'saved' ? t.saved : done === 'changed' ? t.changed : done === 'removed' ? t.removed : undefined,
    error: code ? (t.errors[code] ?? t.errors.failed!) : undefined,
  };
}

/** Request context for the access log. */
export const requestCtx = (c: Context<AppEnv>) => ({ clientIp: c.var.clientIp, requestId: c.var.requestId });

/** A refusal of the service as a message for the page, or rethrows anything else. */
export function refusal(err: unknown): { message: string; code: string; status: 400 | 403 | 404 | 409 | 422 } {
  if (err instanceof DomainError && err.status < 500 && err.status !== 401) return { message: err.title, code: err.code, status: err.status as 400 };
  throw err;
}

const toAscii = (s: string) => s.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
const DATE_LIKE = { test: (s: string) => eraDatePrefix().test(s) || /^\d{4}([-/.年]|$)|^\d{8}$/.test(s) };

/** The message for a 基準日 that is no calendar day (query parameters of the console pages). */
export const INVALID_QUERY_DAY = '基準日が正しい日付ではありません（例: 令和7年4月1日、2025-04-01）';

/**
 * Reads a day from a query parameter (基準日) with the one parser: 西暦 or 和暦, a real calendar day. Empty → no
 * day; anything else that is no day → `error` (the page answers 400 with the field's error, issue #9).
 */
export function queryDay(raw: string | undefined): { input: string; day?: string; error?: string } {
  const input = (raw ?? '').trim().slice(0, 40);
  if (!input) return { input };
  try {
    return { input, day: parseCalendarDate(input) };
  } catch (err) {
    if (err instanceof InvalidLegalDateError) return { input, error: INVALID_QUERY_DAY };
    throw err;
  }
}

/** Reads the one search box: identifiers, a birth date, a 町字, a name, or a name followed by a birth date. */
export function interpretSearch(q: string, townNames: readonly string[]): { query: { name?: string; birthDate?: string; address?: string; myNumber?: string; residentCode?: string; residenceCardNo?: string }; as: string } {
  const s = toAscii(q.trim());
  const compact = s.replace(/[\s-]/g, '');
  if (/^\d{12}$/.test(compact)) return { query: { myNumber: compact }, as: '個人番号' };
  if (/^\d{11}$/.test(compact)) return { query: { residentCode: compact }, as: '住民票コード' };
  if (/^[A-Z]{2}\d{8}[A-Z]{2}$/i.test(compact)) return { query: { residenceCardNo: compact.toUpperCase() }, as: '在留カード番号' };
  if (DATE_LIKE.test(s)) return { query: { birthDate: s }, as: '生年月日' };
  const tokens = s.split(/[\s\u3000]+/).filter(Boolean);
  if (tokens.length > 1 && DATE_LIKE.test(tokens[tokens.length - 1]!)) {
    return { query: { name: tokens.slice(0, -1).join(' '), birthDate: tokens[tokens.length - 1]! }, as: '氏名と生年月日' };
  }
  const bare = (x: string) => x.replace(/^大字/, '');
  if (townNames.some((t) => bare(s).startsWith(bare(t)) || (bare(s).length >= 2 && bare(t).startsWith(bare(s)) && /[町村丁目大字]/.test(s)))) {
    return { query: { address: s }, as: '住所' };
  }
  return { query: { name: s }, as: /^[\u3041-\u30ff\s\u3000ー・]+$/.test(s) ? '氏名（カナ）' : '氏名' };
}

/** Mounts the registry read and review pages (before the console's 準備中 pages). */
export function registryWebRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const svc = services.registry;

  const guard = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    if (!can(c.var.actor, 'registry:read')) throw new ForbiddenError('registry:read');
    await next();
  };
  app.use('/console/registry', guard);
  app.use('/console/registry/*', guard);
  app.route('/', registryMemoRoutes(services));
  app.route('/', registryGuardianshipRoutes(services));
  app.route('/', registryImmigrationRoutes(services));
  app.route('/', registryCardRoutes(services));

  app.get('/console/registry', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 200);
    const advanced = Object.fromEntries(ADVANCED_KEYS.map((k) => [k, (c.req.query(k) ?? '').trim().slice(0, 40)])) as AdvancedForm;
    const withHistory = async (props: Parameters<typeof RegistrySearchPage>[0]) => ({ ...props, history: await svc.searchHistory(c.var.actor, 10) });
    const form: SearchForm = { q, mode: ['partial', 'exact'].includes(c.req.query('mode') ?? '') ? c.req.query('mode')! : 'prefix', includeRemoved: c.req.query('includeRemoved') === '1', purpose: (c.req.query('purpose') ?? '').slice(0, 200), advanced };
    const base = { ...(await consoleContext(c, services)), ...registryFlags(c.var.actor), form, householdHeads: {} as Record<string, string>, historyDays: svc.searchHistoryRetentionDays(),
      gaiji: await svc.gaijiInUse(c.var.actor) };
    // The 外字 picker without script: the form again with the character in the box, nothing searched.
    if (c.req.query('compose') === '1') return renderPage(c, RegistrySearchPage(await withHistory(base)));
    const headsOf = (hits: PersonHit[]) => {
      // Heads among the hits name their household (the hit itself carries only the 続柄).
      const heads: Record<string, string> = {};
      for (const h of hits) if (h.relationship === '世帯主' && h.status !== 'removed') heads[h.householdId] = h.name;
      return heads;
    };
    // 検索履歴の再実行 (spec §2.1.1): one's own entry, run now; the form shows its criteria.
    const rerun = c.req.query('rerun');
    if (rerun) {
      if (!UUID.test(rerun)) return c.notFound();
      try {
        const r = await svc.rerunSearch(c.var.actor, rerun, requestCtx(c));
        const rerunForm = formFromCriteria(r.criteria);
        return renderPage(c, RegistrySearchPage(await withHistory({ ...base, form: rerunForm, hits: r.hits, interpretedAs: '検索履歴', householdHeads: headsOf(r.hits) })));
      } catch (err) {
        const e = refusal(err);
        return renderPage(c, RegistrySearchPage(await withHistory({ ...base, error: e })), e.status);
      }
    }
    const adv = advancedQuery(advanced);
    const hasAdvanced = Object.keys(adv).length > 0;
    // A submitted search without a criterion lists nobody and says why (issue #9); the first visit shows the form.
    if (!q.trim() && !hasAdvanced) {
      if (c.req.query('q') === undefined) return renderPage(c, RegistrySearchPage(await withHistory(base)));
      try {
        await svc.search(c.var.actor, { mode: 'prefix', includeRemoved: form.includeRemoved }, requestCtx(c));
      } catch (err) {
        const r = refusal(err);
        return renderPage(c, RegistrySearchPage(await withHistory({ ...base, error: r })), r.status);
      }
      return renderPage(c, RegistrySearchPage(await withHistory(base)));
    }
    const read = q.trim() ? interpretSearch(q, (await services.registry.listTowns(c.var.actor)).items.map((t) => t.name)) : { query: {}, as: '詳細条件' };
    // 過去の住所・転入前住所 (spec §2.1.3): the box is read as an address (a former address may be in another municipality).
    const { query, as } = adv.pastAddress && (read.query.address || (read.query.name && !read.query.birthDate))
      ? { query: { address: read.query.address ?? read.query.name }, as: '過去の住所' } : read;
    let hits: PersonHit[];
    try {
      hits = await svc.search(c.var.actor, { ...query, ...adv, mode: form.mode as 'prefix', includeRemoved: form.includeRemoved, purpose: form.purpose || undefined, limit: 100 }, requestCtx(c));
    } catch (err) {
      const r = refusal(err);
      // A date of the more conditions that cannot be read: the message names its field.
      const field = err instanceof DomainError ? err.extra?.field : undefined;
      const label = typeof field === 'string' ? (registryToolsText(requestLang(c)).advanced as Record<string, unknown>)[field] : undefined;
      if (typeof label === 'string') r.message = `${label}: ${r.message}`;
      return renderPage(c, RegistrySearchPage(await withHistory({ ...base, interpretedAs: as, error: r })), r.status);
    }
    return renderPage(c, RegistrySearchPage(await withHistory({ ...base, hits, interpretedAs: as, householdHeads: headsOf(hits) })));
  });

  app.get('/console/registry/persons/:id', async (c) => {
    const id = c.req.param('id');
    if (!UUID.test(id)) return c.notFound();
    // 基準日 in 和暦 or 西暦, read by the one parser; an invalid one is a 400 with the page and the field's error (issue #9).
    const asOfQuery = queryDay(c.req.query('asOf'));
    const asOf = asOfQuery.day ?? '';
    const unmask = c.req.query('unmask') === 'my-number';
    const purpose = (c.req.query('purpose') ?? '').slice(0, 200);
    const flags = registryFlags(c.var.actor);
    const ctx = await consoleContext(c, services);
    let error: { message: string; code: string } | undefined;
    let person;
    try {
      person = await svc.getPerson(c.var.actor, id, { asOf: asOf || undefined, unmask, purpose: purpose || undefined }, requestCtx(c));
    } catch (err) {
      const r = refusal(err);
      if (!unmask) throw err;
      // A refused unmasking (no purpose) shows the masked record with the reason.
      error = r;
      person = await svc.getPerson(c.var.actor, id, { asOf: asOf || undefined }, requestCtx(c));
    }
    const history = await svc.getHistory(c.var.actor, id, requestCtx(c));
    const supportMeasures = await svc.supportMeasureNoticesOf(c.var.actor, [id], requestCtx(c));
    const suppressions = (await svc.suppressionsOfPerson(c.var.actor, id, requestCtx(c))).items.filter((s) => s.active);
    const memo = asOf ? undefined : await memoProps(c, services, 'person', id);
    const eligibility = asOf ? undefined : await svc.eligibilityOfPerson(c.var.actor, id, requestCtx(c));
    const guardianship = asOf || !can(c.var.actor, 'registry:guardianship') ? undefined : { ...(await svc.guardianshipOfPerson(c.var.actor, id, requestCtx(c))), personId: id,
      csrfToken: c.var.actor.csrfToken, notice: c.req.query('guardianship'), error: guardianshipErrorMessage(c.req.query('guardianshipError')) };
    const records = asOf ? undefined : await svc.recordsOfPerson(c.var.actor, id, requestCtx(c));
    const card = asOf ? undefined : await cardProps(c, services, id);
    return renderPage(c, PersonPage({ ...ctx, ...flags, person, history, asOf, asOfInput: asOfQuery.input, asOfError: asOfQuery.error, purpose, error, supportMeasures, suppressions, memo, eligibility, guardianship, records, card }),
      asOfQuery.error ? 400 : error ? 422 : 200);
  });

  app.get('/console/registry/households/:id', async (c) => {
    const id = c.req.param('id');
    if (!UUID.test(id)) return c.notFound();
    const household = await svc.getHousehold(c.var.actor, id, { includeRemoved: c.req.query('includeRemoved') === 'true' }, requestCtx(c));
    const supportMeasures = await svc.supportMeasureNoticesOf(c.var.actor, household.members.map((m) => m.personId), requestCtx(c));
    const pendingReceipt = household.pendingChangeId ? (await svc.getChange(c.var.actor, household.pendingChangeId)).receiptLabel : null;
    const memo = await memoProps(c, services, 'household', id);
    return renderPage(c, HouseholdPage({ ...(await consoleContext(c, services)), ...registryFlags(c.var.actor), household, supportMeasures, pendingReceipt, memo }));
  });


  // 文字コード参照 (spec §2.2.3): no personal data is read; the characters or code come from the clerk.
  app.get('/console/registry/glyphs', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 100);
    const text = q.trim() ? textOfQuery(q) : undefined;
    const notFound = !!q.trim() && !text;
    return renderPage(c, GlyphLookupPage({ ...(await consoleContext(c, services)), ...registryFlags(c.var.actor), q, text, notFound }), notFound ? 404 : 200);
  });

  app.get('/console/registry/statistics', async (c) => {
    const d = queryDay(c.req.query('asOf'));
    const stats = await svc.statistics(c.var.actor, d.day, 'json');
    if (typeof stats === 'string') throw new Error('unexpected CSV');
    return renderPage(c, StatisticsPage({
      ...(await consoleContext(c, services)), ...registryFlags(c.var.actor), stats, asOfInput: d.input,
      error: d.error ? { message: d.error } : undefined,
    }), d.error ? 400 : 200);
  });

  app.get('/console/registry/statistics.csv', async (c) => {
    const d = queryDay(c.req.query('asOf'));
    if (d.error) throw new DomainError('invalid-date', d.error, 400);
    const csv = await svc.statistics(c.var.actor, d.day, 'csv');
    return c.body(String(csv), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="registry-statistics-${d.day ?? 'today'}.csv"` });
  });

  return app;
}
