// SPDX-License-Identifier: EUPL-1.2
/**
 * Web pages of the insights (見える化): the dashboard and the survey form in the console (insights:read; answering
 * needs insights:answer-survey), and the public open data of the surveys (/open-data/surveys, its CSV), no login.
 * The survey POST stores this year's answers (repeating it stores the same) and redirects (post/redirect/get).
 */
import { Hono, type Context } from 'hono';
import { can } from '../../platform/auth/permissions.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError, ForbiddenError } from '../../platform/http/errors.ts';
import { assertCsrf } from '../../platform/http/middleware.ts';
import type { Services } from '../../services.ts';
import { consoleContext } from '../console/console.routes.tsx';
import { dictionary, requestLang } from '../ui/i18n.ts';
import { currentPath, renderPage } from '../ui/render.ts';
import { InsightsPage } from './insights.page.tsx';
import { OpenDataPage, SurveysPage } from './insights-surveys.page.tsx';
import { ProcessPage } from './insights-process.page.tsx';
import { KPI_FIELDS, SettingsPage, type SettingsForm } from './insights-settings.page.tsx';
import { activityLabel } from './process-i18n.ts';
import { lastTwelveMonths, type ProcessQuery, type ProcessSource } from '../../domains/insights/index.ts';
import { japanDay } from '../../platform/dates/jp-date.ts';

const MONTH = /^\d{4}-\d{2}$/;

/** Mounts the insights pages. */
export function insightsWebRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const guard = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    if (!can(c.var.actor, 'insights:read')) throw new ForbiddenError('insights:read');
    await next();
  };
  app.use('/console/insights', guard);
  app.use('/console/insights/*', guard);

  app.get('/console/insights', async (c) => {
    const month = c.req.query('month') ?? '';
    const d = await services.insights.dashboard(c.var.actor, MONTH.test(month) ? month : undefined);
    return renderPage(c, InsightsPage({ ...(await consoleContext(c, services)), d, canAnswer: can(c.var.actor, 'insights:answer-survey') }));
  });

  // プロセスマイニング: the process map of one procedure; ?p=source|procedure&from=YYYY-MM&to=YYYY-MM.
  const processQuery = (c: Context<AppEnv>, fallback?: { source: ProcessSource; procedure: string }): ProcessQuery | null => {
    const [source, procedure] = (c.req.query('p') ?? '').split('|');
    const from = c.req.query('from');
    const to = c.req.query('to');
    const picked = source && procedure ? { source: source as ProcessSource, procedure } : c.req.query('source') ? { source: c.req.query('source') as ProcessSource, procedure: c.req.query('procedure') ?? '' } : fallback;
    if (!picked) return null;
    return { ...picked, ...(from && MONTH.test(from) ? { from } : {}), ...(to && MONTH.test(to) ? { to } : {}) };
  };
  const monthsBack = (today: string, n: number) => {
    const [y, mo] = today.split('-').map(Number) as [number, number];
    return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, mo - 1 - i, 1)).toISOString().slice(0, 7));
  };
  app.get('/console/insights/process', async (c) => {
    const procedures = await services.insightsProcess.procedures(c.var.actor);
    // Default: 転入 from the registry's access log, else the procedure with the most traces.
    const first = procedures.find((o) => o.source === 'access-log' && o.procedure === 'move-in') ?? [...procedures].sort((a, b) => b.traces - a.traces)[0];
    const q = processQuery(c, first);
    let result = null;
    let error: string | undefined;
    if (q) {
      try {
        result = await services.insightsProcess.processMap(c.var.actor, q);
      } catch (err) {
        if (!(err instanceof DomainError) || err.status >= 500) throw err;
        error = err.title;
      }
    }
    const months = monthsBack(japanDay(services.clock.now()), 24);
    return renderPage(c, ProcessPage({ ...(await consoleContext(c, services)), procedures, months, result, error }), error ? 400 : 200);
  });
  app.get('/console/insights/process.xes', async (c) => {
    const q = processQuery(c);
    if (!q) throw new DomainError('invalid-process-query', '手続と期間を正しく選んでください', 400, 'Invalid procedure or period');
    const lang = requestLang(c);
    const xes = await services.insightsProcess.xes(c.var.actor, q, { clientIp: c.var.clientIp, requestId: c.var.requestId }, (a) => activityLabel(a, lang));
    c.header('Content-Type', 'application/xml; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="jichi-process-${q.source}-${q.procedure.replace(/[^a-z0-9-]/g, '')}.xes"`);
    return c.body(xes);
  });
  // OCEL 2.0 of the case event log: the cases domain's export (access-logged there), for whole months.
  app.get('/console/insights/process.ocel.json', async (c) => {
    const range = lastTwelveMonths(japanDay(services.clock.now()));
    const from = c.req.query('from') ?? range.from;
    const to = c.req.query('to') ?? range.to;
    if (!MONTH.test(from) || !MONTH.test(to) || from > to) throw new DomainError('invalid-process-query', '期間を正しく選んでください', 400, 'Invalid period');
    const [y, mo] = to.split('-').map(Number) as [number, number];
    const lastDay = new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
    const ocel = await services.caseEvents.ocel(c.var.actor, { from: `${from}-01`, to: lastDay }, { clientIp: c.var.clientIp, requestId: c.var.requestId });
    c.header('Content-Disposition', `attachment; filename="jichi-case-events-${from}-${to}.ocel.json"`);
    return c.json(ocel);
  });

  // 見える化の設定: everyone with insights:read sees it, administrators (tenant:configure) change it (post/redirect/get).
  const settingsPage = async (c: Context<AppEnv>, extra: { saved?: boolean; error?: string; form?: SettingsForm } = {}, status: 200 | 400 = 200) =>
    renderPage(c, SettingsPage({ ...(await consoleContext(c, services)), s: await services.insights.settings(c.var.actor), canEdit: can(c.var.actor, 'tenant:configure'), ...extra }), status);
  app.get('/console/insights/settings', (c) => settingsPage(c, { saved: c.req.query('saved') === '1' }));
  app.post('/console/insights/settings', async (c) => {
    const body = await c.req.parseBody();
    assertCsrf(c.var.actor, typeof body._csrf === 'string' ? body._csrf : undefined);
    if (!can(c.var.actor, 'tenant:configure')) throw new ForbiddenError('tenant:configure');
    const form: SettingsForm = {};
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') form[k] = v.trim().slice(0, 40);
    // Full-width digits typed with a Japanese IME are read as digits.
    const num = (k: string) => { const v = (form[k] ?? '').replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/,/g, ''); return v === '' ? null : /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN; };
    const targets: Record<string, number | null> = {};
    for (const f of KPI_FIELDS) {
      const v = num(`target.${f.metric}`);
      targets[f.metric] = v === null ? null : f.unit === 'percent' ? v / 100 : v;
    }
    try {
      await services.insights.saveSettings(c.var.actor, {
        population: num('population'), hourlyCostYen: num('hourlyCostYen') ?? NaN, counterBaselineMinutes: num('counterBaselineMinutes') ?? NaN,
        namedConsent: form.namedConsent === 'yes', targets,
      });
    } catch (err) {
      if (err instanceof DomainError && err.status === 400) return settingsPage(c, { error: err.title, form }, 400);
      throw err;
    }
    return c.redirect('/console/insights/settings?saved=1', 303);
  });

  const surveysPage = async (c: Context<AppEnv>, extra: { saved?: boolean; error?: { message: string } } = {}, status: 200 | 400 | 403 | 404 = 200) => {
    const [form, results] = await Promise.all([services.insights.surveyForm(c.var.actor), services.insights.surveyResults()]);
    return renderPage(c, SurveysPage({ ...(await consoleContext(c, services)), form, results, canAnswer: can(c.var.actor, 'insights:answer-survey'), ...extra }), status);
  };
  app.get('/console/insights/surveys', (c) => surveysPage(c, { saved: c.req.query('saved') === '1' }));
  app.post('/console/insights/surveys', async (c) => {
    const form = await c.req.parseBody();
    assertCsrf(c.var.actor, typeof form._csrf === 'string' ? form._csrf : undefined);
    const answers: Array<{ surveyCode: string; implemented: boolean; note: string }> = [];
    for (const [k, v] of Object.entries(form)) {
      if (!k.startsWith('answer.') || typeof v !== 'string') continue;
      const surveyCode = k.slice('answer.'.length);
      if (v !== 'yes' && v !== 'no') return surveysPage(c, { error: { message: '回答は「実施している」か「実施していない」を選んでください' } }, 400);
      const note = form[`note.${surveyCode}`];
      answers.push({ surveyCode, implemented: v === 'yes', note: typeof note === 'string' ? note : '' });
    }
    if (answers.length === 0) return surveysPage(c, { error: { message: '回答が選ばれていません' } }, 400);
    try {
      await services.insights.answerSurveys(c.var.actor, answers);
    } catch (err) {
      if (err instanceof DomainError && err.status < 500 && err.status !== 401) return surveysPage(c, { error: { message: err.title } }, err.status as 400);
      throw err;
    }
    return c.redirect('/console/insights/surveys?saved=1', 303);
  });

  // Public open data (aggregates of a public survey; no personal data, no login).
  app.get('/open-data/surveys', async (c) => {
    const lang = requestLang(c);
    return renderPage(c, OpenDataPage({ lang, t: dictionary(lang), currentPath: currentPath(c), results: await services.insights.surveyResults() }));
  });
  app.get('/open-data/surveys.csv', async (c) => {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="jichi-reform-surveys.csv"');
    return c.body(await services.insights.surveyResultsCsv());
  });
  return app;
}
