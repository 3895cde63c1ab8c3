// SPDX-License-Identifier: EUPL-1.2
/**
 * オンライン手続の設定 in the console: GET /console/procedures (staff who handle cases, and administrators), GET and
 * POST /console/procedures/:code (administrators). Saving stores the whole setting (repeating it stores the same:
 * safe to repeat) and redirects to the list (post/redirect/get); a refusal shows the form again with the message
 * beside the field, status 422, nothing saved.
 */
import { Hono, type Context } from 'hono';
import { procedureOf } from '../../domains/procedures/index.ts';
import { can } from '../../platform/auth/permissions.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError, ForbiddenError } from '../../platform/http/errors.ts';
import { assertCsrf } from '../../platform/http/middleware.ts';
import type { Services } from '../../services.ts';
import { consoleContext } from '../console/console.routes.tsx';
import { currentPath, renderPage } from '../ui/render.ts';
import { ProcedureSettingPage, ProcedureSettingsPage, type SettingForm } from './procedure-settings.page.tsx';
import { toAsciiDigits } from '../../platform/text/ascii-digits.ts';

/** Mounts the settings pages. */
export function procedureSettingsRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  const guard = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    await next();
  };
  app.use('/console/procedures', guard);
  app.use('/console/procedures/*', guard);

  app.get('/console/procedures', async (c) => {
    const rows = await services.procedures.staffSettings(c.var.actor);
    const refusals = await services.procedures.intakeRefusals(c.var.actor);
    const saved = c.req.query('saved');
    return renderPage(c, ProcedureSettingsPage({ ...(await consoleContext(c, services)), rows, refusals, canEdit: can(c.var.actor, 'tenant:configure'),
      savedCode: saved && procedureOf(saved) ? saved : undefined }));
  });

  const settingPage = async (c: Context<AppEnv>, code: string, extra: { form?: SettingForm; error?: { field: 'feeYen' | 'noteJa'; message: string } } = {}, status: 200 | 422 = 200) => {
    if (!can(c.var.actor, 'tenant:configure')) throw new ForbiddenError('tenant:configure');
    const row = (await services.procedures.staffSettings(c.var.actor)).find((r) => r.def.code === code);
    if (!row) return c.notFound();
    return renderPage(c, ProcedureSettingPage({ ...(await consoleContext(c, services)), row, ...extra }), status);
  };
  app.get('/console/procedures/:code', (c) => settingPage(c, c.req.param('code')));
  app.post('/console/procedures/:code', async (c) => {
    const code = c.req.param('code');
    const body = await c.req.parseBody();
    assertCsrf(c.var.actor, typeof body._csrf === 'string' ? body._csrf : undefined);
    if (!can(c.var.actor, 'tenant:configure')) throw new ForbiddenError('tenant:configure');
    if (!procedureOf(code)) return c.notFound();
    const form: SettingForm = {
      enabled: body.enabled === 'no' ? 'no' : 'yes',
      feeYen: typeof body.feeYen === 'string' ? body.feeYen.trim().slice(0, 20) : '',
      noteJa: typeof body.noteJa === 'string' ? body.noteJa.replace(/\r\n/g, '\n').trim().slice(0, 2000) : '',
    };
    // Full-width digits and a thousands comma typed with a Japanese IME are read as digits.
    const digits = toAsciiDigits(form.feeYen).replace(/[,，円]/g, '');
    const feeYen = digits === '' ? null : /^\d+$/.test(digits) ? Number(digits) : NaN;
    try {
      await services.procedures.configure(c.var.actor, code, { enabled: form.enabled === 'yes', feeYen, noteJa: form.noteJa });
    } catch (err) {
      if (err instanceof DomainError && (err.code === 'fee-invalid' || err.code === 'note-too-long')) {
        return settingPage(c, code, { form, error: { field: err.code === 'fee-invalid' ? 'feeYen' : 'noteJa', message: err.title } }, 422);
      }
      throw err;
    }
    return c.redirect(`/console/procedures?saved=${code}`, 303);
  });
  return app;
}
