// SPDX-License-Identifier: EUPL-1.2
/**
 * GET /console/cases/:caseNo/online-attachments/:attachmentId: a document a resident attached to an online
 * application, for staff handling its case: images shown in the browser, PDFs downloaded. Every read is
 * access-logged (procedures service); the bytes are served as their sniffed type, never sniffed again by the browser.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { currentPath } from '../ui/render.ts';
import type { Services } from '../../services.ts';

const CASE_NO = /^\d{4}-\d{6}$/;

/** Mounts the staff attachment route. */
export function staffAttachmentRoutes(services: Services) {
  const app = new Hono<AppEnv>();
  app.get('/console/cases/:caseNo/online-attachments/:attachmentId', async (c: Context<AppEnv>) => {
    if (!c.get('actor')) return c.redirect(`/login?next=${encodeURIComponent(currentPath(c))}`, 303);
    const no = c.req.param('caseNo') ?? '';
    const caseId = CASE_NO.test(no) ? await services.cases.idOfCaseNo(c.var.actor, no) : undefined;
    if (!caseId) return c.notFound();
    try {
      const a = await services.procedures.staffAttachment(c.var.actor, caseId, c.req.param('attachmentId') ?? '', { clientIp: c.var.clientIp, requestId: c.var.requestId });
      const image = a.mediaType.startsWith('image/');
      const ext = a.mediaType === 'application/pdf' ? 'pdf' : a.mediaType === 'image/png' ? 'png' : 'jpg';
      c.header('content-type', a.mediaType);
      c.header('content-disposition', `${image ? 'inline' : 'attachment'}; filename="attachment.${ext}"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`);
      c.header('cache-control', 'no-store');
      c.header('x-content-type-options', 'nosniff');
      c.header('digest', `sha-256=${Buffer.from(a.sha256, 'hex').toString('base64')}`);
      return c.body(new Uint8Array(a.content));
    } catch (err) {
      if (err instanceof DomainError && err.code === 'attachment-not-found') return c.notFound();
      throw err;
    }
  });
  return app;
}
