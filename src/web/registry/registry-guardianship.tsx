// SPDX-License-Identifier: EUPL-1.2
/**
 * 成年被後見人 on the 個人票 (spec §9.4), for 審査・決裁 only (registry:guardianship; the page leaves it out for others):
 * the status today, every 法務局 notice (後見開始/終了) with where it came from and who recorded it, and the form to
 * record a notice (post/redirect/get to /console/registry/persons/:id/guardianship-notices). Dates in 和暦.
 */
import { Hono } from 'hono';
import { toWarekiDateTime, InvalidLegalDateError, parseCalendarDate } from '../../platform/dates/jp-date.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { assertCsrf } from '../../platform/http/middleware.ts';
import type { Services } from '../../services.ts';
import { ERRORS } from '../../domains/registry/registry-errors.ts';
import type { Lang } from '../ui/i18n.ts';
import { requestCtx } from './registry.routes.tsx';
import { DateField, td, th, wareki } from './registry-ui.tsx';

export interface GuardianshipItem { event: 'start' | 'end'; effectiveOn: string; registrationNo: string; notifiedOn: string; source: 'file' | 'staff'; recordedByName: string; recordedAt: string }

const TEXT = {
  ja: { heading: '成年被後見人', under: (d: string) => `成年被後見人です（${d} 後見開始）。`, notUnder: '成年被後見人ではありません。', none: '法務局からの後見登記の通知はありません。',
    events: { start: '後見開始', end: '後見終了' }, sources: { file: '法務局の通知ファイル', staff: '職員入力' },
    cols: { event: '種別', effectiveOn: '効力発生日', registrationNo: '登記番号', notifiedOn: '通知日', source: '記録の元', recorded: '記録者・日時' },
    add: '法務局の通知を記録する', event: '種別', effectiveOn: '効力発生日', registrationNo: '登記番号', notifiedOn: '通知日', save: '記録する', saved: '後見登記の通知を記録しました。' },
  en: { heading: 'Adult ward (guardianship)', under: (d: string) => `Under guardianship (since ${d}).`, notUnder: 'Not under guardianship.', none: 'No guardianship notice from the Legal Affairs Bureau.',
    events: { start: 'Guardianship started', end: 'Guardianship ended' }, sources: { file: 'Bureau notice file', staff: 'Entered by staff' },
    cols: { event: 'Notice', effectiveOn: 'Effective', registrationNo: 'Registration no.', notifiedOn: 'Notified', source: 'Source', recorded: 'Recorded by' },
    add: 'Record a notice of the Legal Affairs Bureau', event: 'Notice', effectiveOn: 'Effective date', registrationNo: 'Registration number', notifiedOn: 'Notified on', save: 'Record', saved: 'The notice was recorded.' },
};

export interface GuardianshipSectionProps { under: boolean; since: string | null; notices: GuardianshipItem[]; personId: string; csrfToken: string; notice?: string; error?: string }

/** The section. */
export function GuardianshipSection(p: GuardianshipSectionProps & { lang: Lang }) {
  const t = TEXT[p.lang];
  return (
    <section class="mt-8 max-w-5xl" id="guardianship" aria-labelledby="guardianship-heading" data-testid="guardianship">
      <h2 id="guardianship-heading" class="text-std-20B-150">{t.heading}</h2>
      {p.notice ? <p class="banner-success mt-2" role="status">{t.saved}</p> : null}
      {p.error ? <p class="banner-error mt-2" role="alert" data-testid="guardianship-error">{p.error}</p> : null}
      <p class="mt-2" data-testid="guardianship-status">{p.notices.length === 0 ? t.none : p.under ? t.under(wareki(p.since)) : t.notUnder}</p>
      {p.notices.length > 0 ? (
        <table class="mt-2 w-full border-collapse">
          <thead><tr>{Object.values(t.cols).map((c) => <th class={th} scope="col">{c}</th>)}</tr></thead>
          <tbody>
            {p.notices.map((n) => (
              <tr><td class={td}>{t.events[n.event]}</td><td class={td}>{wareki(n.effectiveOn)}</td><td class={td}>{n.registrationNo}</td><td class={td}>{wareki(n.notifiedOn)}</td>
                <td class={td}>{t.sources[n.source]}</td><td class={td}>{n.recordedByName} {toWarekiDateTime(n.recordedAt)}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <details class="mt-4">
        <summary class="button-secondary button-small">{t.add}</summary>
        <form method="post" action={`/console/registry/persons/${p.personId}/guardianship-notices`} class="mt-2 flex flex-wrap items-end gap-4">
          <input type="hidden" name="_csrf" value={p.csrfToken} />
          <div class="form-field">
            <label class="form-label" for="guardianship-event">{t.event}</label>
            <select class="form-control" id="guardianship-event" name="event">
              <option value="start">{t.events.start}</option><option value="end">{t.events.end}</option>
            </select>
          </div>
          <DateField name="effectiveOn" id="guardianship-effectiveOn" label={t.effectiveOn} value="" />
          <div class="form-field">
            <label class="form-label" for="guardianship-registrationNo">{t.registrationNo}</label>
            <input class="form-control w-48" id="guardianship-registrationNo" name="registrationNo" maxlength={40} autocomplete="off" />
          </div>
          <DateField name="notifiedOn" id="guardianship-notifiedOn" label={t.notifiedOn} value="" />
          <button class="button-primary" type="submit">{t.save}</button>
        </form>
      </details>
    </section>
  );
}

/** The refusal's message for a code carried back by the redirect. */
export const guardianshipErrorMessage = (code: string | undefined) => (code ? ((ERRORS as Record<string, readonly [number, string]>)[code]?.[1] ?? ERRORS['guardianship-invalid'][1]) : undefined);

/** The POST of the form: record, then back to the 個人票 with the outcome. */
export function registryGuardianshipRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  app.post('/console/registry/persons/:id/guardianship-notices', async (c) => {
    const id = c.req.param('id');
    if (!/^[0-9a-f-]{36}$/i.test(id)) return c.notFound();
    const raw = await c.req.parseBody();
    const b = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    assertCsrf(c.var.actor, b._csrf);
    const back = `/console/registry/persons/${id}`;
    try {
      let effectiveOn: string, notifiedOn: string;
      try { effectiveOn = parseCalendarDate(b.effectiveOn ?? ''); notifiedOn = parseCalendarDate(b.notifiedOn ?? ''); } catch (e) {
        if (e instanceof InvalidLegalDateError) return c.redirect(`${back}?guardianshipError=invalid-date#guardianship`, 303);
        throw e;
      }
      await services.registry.recordGuardianshipNotice(c.var.actor, id, { event: b.event === 'end' ? 'end' : 'start', effectiveOn, notifiedOn, registrationNo: (b.registrationNo ?? '').trim() }, requestCtx(c));
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500 || err.status === 401 || err.status === 403) throw err;
      return c.redirect(`${back}?guardianshipError=${encodeURIComponent(err.code)}#guardianship`, 303);
    }
    return c.redirect(`${back}?guardianship=saved#guardianship`, 303);
  });
  return app;
}
