// SPDX-License-Identifier: EUPL-1.2
/** GET /guide: the public 手続案内 (no login, nothing stored; answers travel in the query only). */
import { Hono } from 'hono';
import { guideFacts, readGuideAnswers } from '../../domains/counter/rules/guide-answers.ts';
import { listProcedures } from '../../domains/counter/rules/rule-engine.ts';
import { ruleSetFor } from '../../domains/counter/rules/rule-sets.ts';
import { japanDay } from '../../platform/dates/jp-date.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import type { Services } from '../../services.ts';
import { municipalityOptions } from '../session/session.routes.tsx';
import { dictionary, requestLang } from '../ui/i18n.ts';
import { currentPath, renderPage } from '../ui/render.ts';
import { GuidePage } from './guide.page.tsx';
import { guideText } from './guide-i18n.ts';

/** Mounts /guide. */
export function guideRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  app.get('/guide', async (c) => {
    const lang = requestLang(c);
    const municipalities = (await municipalityOptions(services)).map((m) => ({ code: m.code, name: m.name }));
    const municipality = municipalities.find((m) => m.code === c.req.query('m')) ?? municipalities[0];
    const answers = readGuideAnswers((k) => c.req.query(k), (k) => c.req.queries(k) ?? []);
    const submitted = c.req.query('go') === '1';
    const checked = submitted ? guideFacts(answers) : null;
    let result = null;
    if (checked?.facts) {
      const rules = ruleSetFor(municipality?.code ?? '*', japanDay(new Date()));
      const ages = new Map(checked.facts.members.map((m) => [m.ref, m.age]));
      result = { procedures: listProcedures(rules, checked.facts), ages, validFrom: rules.validFrom };
    }
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const page = GuidePage({ lang, t: dictionary(lang), g: guideText(lang), currentPath: currentPath(c), municipality, municipalities,
      answers, submitted, errors: checked?.errors ?? [], result });
    return renderPage(c, page, checked && checked.errors.length ? 400 : 200);
  });
  return app;
}
