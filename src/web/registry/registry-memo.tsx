// SPDX-License-Identifier: EUPL-1.2
/**
 * メモ on the 個人票 and 世帯票 (spec §1.1.15): each memo with who wrote it and when, its revisions, and the forms to
 * add, change or delete one (post/redirect/get, each form with a one-time `_idem` token). Never on a certificate.
 */
import { newFormToken } from '../../platform/http/idempotency.ts';
import { toWarekiDateTime } from '../../platform/dates/jp-date.ts';
import type { Lang } from '../ui/i18n.ts';
import { registryToolsText } from './registry-tools-i18n.ts';

/** A memo as the service presents it. */
export interface MemoItem {
  memoId: string; subjectType: 'person' | 'household'; body: string; revisionNo: number; createdBy: string; createdByName: string; createdAt: string;
  updatedByName: string; updatedAt: string; revisions: Array<{ revisionNo: number; body: string; deleted: boolean; writtenByName: string; writtenAt: string }>;
}

export interface MemoSectionProps {
  lang: Lang;
  memos: MemoItem[];
  subjectType: 'person' | 'household';
  subjectId: string;
  /** Where to come back to after a POST (the page's own path). */
  back: string;
  csrfToken: string;
  staffId: string;
  canWrite: boolean;
  canManage: boolean;
  /** The outcome of the last POST (`saved`, `changed`, `removed`) or its refusal message. */
  notice?: string;
  error?: string;
}

/** A link near the top of the page to its memos, when there are any. */
export function MemoBadge(p: { lang: Lang; count: number }) {
  if (p.count === 0) return null;
  return <a class="badge" href="#memos" data-testid="memo-badge">{registryToolsText(p.lang).memo.badge(p.count)}</a>;
}

/** The memo section of a 個人票 or 世帯票. */
export function MemoSection(p: MemoSectionProps) {
  const t = registryToolsText(p.lang).memo;
  const hidden = (extra: Record<string, string> = {}) => (
    <>
      <input type="hidden" name="_csrf" value={p.csrfToken} />
      <input type="hidden" name="_idem" value={newFormToken()} />
      <input type="hidden" name="back" value={p.back} />
      {Object.entries(extra).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
    </>
  );
  return (
    <section class="mt-8 max-w-5xl" id="memos" aria-labelledby="memos-heading" data-testid="memos">
      <h2 id="memos-heading" class="text-std-20B-150">{t.heading}</h2>
      {p.notice ? <p class="banner-success mt-2" role="status">{p.notice}</p> : null}
      {p.error ? <p class="banner-error mt-2" role="alert" data-testid="memo-error">{p.error}</p> : null}
      {p.memos.length === 0 ? <p class="mt-2">{t.none}</p> : (
        <ul class="mt-2 flex flex-col gap-3">
          {p.memos.map((m) => {
            const editable = p.canWrite && (m.createdBy === p.staffId || p.canManage);
            return (
              <li class="card" data-testid="memo">
                <p class="whitespace-pre-wrap text-std-16N-170">{m.body}</p>
                <p class="mt-1 text-std-14N-170 text-solid-gray-700">
                  {m.subjectType === 'household' && p.subjectType === 'person' ? `${t.householdOf} ` : ''}{t.by(m.createdByName, toWarekiDateTime(m.createdAt))}
                  {m.revisionNo > 1 ? `　${t.updated(m.updatedByName, toWarekiDateTime(m.updatedAt))}` : ''}
                </p>
                {m.revisions.length > 1 ? (
                  <details class="mt-1">
                    <summary class="link">{t.history(m.revisions.length)}</summary>
                    <ol class="mt-1 list-decimal pl-6">
                      {m.revisions.map((r) => <li><span class="whitespace-pre-wrap">{r.deleted ? t.deleted : r.body}</span> — {t.by(r.writtenByName, toWarekiDateTime(r.writtenAt))}</li>)}
                    </ol>
                  </details>
                ) : null}
                {editable ? (
                  <div class="mt-2 flex flex-wrap items-start gap-4">
                    <details>
                      <summary class="button-secondary button-small">{t.edit}</summary>
                      <form method="post" action={`/console/registry/memos/${m.memoId}/revisions`} class="mt-2 flex flex-col gap-2">
                        {hidden({ expectedRevision: String(m.revisionNo) })}
                        <label class="form-label" for={`memo-${m.memoId}`}>{t.body}</label>
                        <textarea class="form-control w-full max-w-3xl" id={`memo-${m.memoId}`} name="body" rows={3} maxlength={2000} required>{m.body}</textarea>
                        <div><button class="button-primary button-small" type="submit">{t.saveEdit}</button></div>
                      </form>
                    </details>
                    <form method="post" action={`/console/registry/memos/${m.memoId}/deletions`}>
                      {hidden({ expectedRevision: String(m.revisionNo) })}
                      <button class="button-secondary button-small" type="submit">{t.delete}</button>
                    </form>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {p.canWrite ? (
        <form method="post" action="/console/registry/memos" class="mt-4 flex flex-col gap-2" aria-label={t.add}>
          {hidden({ subjectType: p.subjectType, subjectId: p.subjectId })}
          <label class="form-label" for={`memo-new-${p.subjectType}`}>{t.add}</label>
          <p class="form-hint" id={`memo-new-${p.subjectType}-hint`}>{t.bodyHint}</p>
          <textarea class="form-control w-full max-w-3xl" id={`memo-new-${p.subjectType}`} name="body" rows={3} maxlength={2000} required aria-describedby={`memo-new-${p.subjectType}-hint`}></textarea>
          <div><button class="button-secondary" type="submit">{t.save}</button></div>
        </form>
      ) : null}
    </section>
  );
}
