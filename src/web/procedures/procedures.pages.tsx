// SPDX-License-Identifier: EUPL-1.2
/** The resident's procedure pages: the catalogue, a procedure's overview, a form page, attachments, the check page. */
import type { ApplicationData, FieldErrors, MemberChoice, OfferedProcedure, PageDef, ProcedureDefinition } from '../../domains/procedures/index.ts';
import { attachmentNeeded, getPath, isShown } from '../../domains/procedures/index.ts';
import { toWareki } from '../../platform/dates/jp-date.ts';
import { ErrorSummary, Field, fieldId } from './procedure-fields.tsx';
import { PortalLayout, type PortalFrame } from './portal-layout.tsx';

const title = (def: ProcedureDefinition, f: PortalFrame) => (f.lang === 'en' ? def.titleEn : def.titleJa);

/** 申請できる手続. */
export function CataloguePage(p: PortalFrame & { items: OfferedProcedure[] }) {
  const { pt } = p;
  return (
    <PortalLayout {...p} title={pt.catalogue.title} current="catalogue">
      <h1 class="text-std-28B-150 md:text-std-32B-150">{pt.catalogue.title}</h1>
      <p class="mt-3">{pt.catalogue.lead}</p>
      <ul class="mt-6 flex flex-col gap-4">
        {p.items.map((o) => (
          <li class="card p-4 md:p-6">
            <h2 class="text-std-20B-150"><a class="link" href={`/portal/procedures/${o.def.code}`}>{title(o.def, p)}</a></h2>
            <p class="mt-2">{p.lang === 'en' ? o.def.summaryEn : o.def.summaryJa}</p>
            <p class="mt-2 text-dns-14N-130 text-solid-gray-700">{pt.catalogue.fee(o.feeYen)}</p>
          </li>
        ))}
      </ul>
    </PortalLayout>
  );
}

/** One procedure: what it is, fee, who may apply, documents, eligibility, and the start button. */
export function OverviewPage(p: PortalFrame & { o: OfferedProcedure; matched: boolean; eligibility: { state: string; unmet: string[] }; csrf: string; token: string }) {
  const { pt, o } = p;
  const def = o.def;
  return (
    <PortalLayout {...p} title={title(def, p)} current="catalogue">
      <h1 class="text-std-28B-150 md:text-std-32B-150">{title(def, p)}</h1>
      <p class="mt-3">{p.lang === 'en' ? def.summaryEn : def.summaryJa}</p>
      {o.noteJa ? <p class="mt-3">{o.noteJa}</p> : null}
      <dl class="mt-6 grid gap-x-6 gap-y-3 md:grid-cols-[12rem_1fr]">
        <dt class="text-std-16B-170">{pt.overview.fee}</dt>
        <dd>{o.feeYen ? pt.check.feeNote(o.feeYen) : pt.overview.none}{o.feeYen ? <span class="block text-dns-14N-130 text-solid-gray-700">{p.lang === 'en' ? def.fee.noteEn : def.fee.noteJa}</span> : null}</dd>
        <dt class="text-std-16B-170">{pt.overview.who}</dt>
        <dd>{def.applicants.map((a) => pt.overview.whoLabels[a]).join('、')}</dd>
        <dt class="text-std-16B-170">{pt.overview.needs}</dt>
        <dd>{def.attachments.length === 0 ? pt.overview.none : (
          <ul class="list-disc pl-5">{def.attachments.map((a) => <li>{p.lang === 'en' ? a.labelEn : a.labelJa}（{a.required === true ? pt.overview.required : pt.overview.requiredWhen}、{pt.overview.types}、{pt.overview.maxMb(a.maxBytes / 1_000_000)}）</li>)}</ul>
        )}</dd>
        {def.eligibility.length ? <><dt class="text-std-16B-170">{pt.overview.conditions}</dt><dd><ul class="list-disc pl-5">{def.eligibility.map((e) => <li>{p.lang === 'en' ? e.labelEn : e.labelJa}</li>)}</ul></dd></> : null}
      </dl>
      <div class={`${p.matched ? 'banner-success' : 'banner-warning'} mt-6`} data-testid="prefill-note"><p>{p.matched ? pt.overview.matched : pt.overview.notMatched}</p></div>
      {p.eligibility.state === 'unknown' ? <p class="mt-4">{pt.overview.unknownEligibility}</p> : null}
      {p.eligibility.state === 'unmet' ? (
        <div class="banner-error mt-6" role="alert"><p>{pt.overview.unmet}</p><ul class="mt-2 list-disc pl-5">{p.eligibility.unmet.map((u) => <li>{u}</li>)}</ul></div>
      ) : (
        <form method="post" action={`/portal/procedures/${def.code}/applications`} class="mt-8">
          <input type="hidden" name="_csrf" value={p.csrf} />
          <input type="hidden" name="_token" value={p.token} />
          <button class="button-primary w-full md:w-auto" type="submit">{pt.overview.start}</button>
        </form>
      )}
    </PortalLayout>
  );
}

/** The summary's entries: each message linked to its field (the first choice of a list). */
function summaryOf(page: PageDef, errors: FieldErrors) {
  return page.fields.filter((f) => errors[f.name]).map((f) => ({
    href: `#${f.kind === 'radio' || f.kind === 'members' || f.kind === 'rank' ? fieldId(f.name, 0) : fieldId(f.name)}`,
    message: errors[f.name]!,
  }));
}

/** One page of the form. */
export function FormPage(p: PortalFrame & { def: ProcedureDefinition; page: PageDef; applicationId: string; data: ApplicationData; errors: FieldErrors; prefilled: boolean;
  members: MemberChoice[]; facilities: Array<{ facilityId: string; name: string }>; csrf: string }) {
  const { pt, def, page } = p;
  const i = def.pages.indexOf(page);
  const pageTitle = p.lang === 'en' ? page.titleEn : page.titleJa;
  const errs = summaryOf(page, p.errors);
  const prev = i > 0 ? `/portal/applications/${p.applicationId}/pages/${def.pages[i - 1]!.id}` : `/portal/procedures/${def.code}`;
  return (
    <PortalLayout {...p} title={`${errs.length ? 'エラー: ' : ''}${pageTitle} - ${title(def, p)}`}>
      <a class="link" href={prev}>{pt.form.back}</a>
      <p class="mt-4 text-dns-16N-130 text-solid-gray-700">{title(def, p)}　{pt.form.step(i + 1, def.pages.length)}</p>
      <h1 class="mt-1 text-std-28B-150">{pageTitle}</h1>
      {page.leadJa ? <p class="mt-2">{page.leadJa}</p> : null}
      {page.id === 'applicant' ? <p class="mt-2 text-solid-gray-700">{p.prefilled ? pt.form.prefilled : pt.form.notPrefilled}</p> : null}
      <ErrorSummary title={pt.form.errorTitle} errors={errs} />
      <form method="post" action={`/portal/applications/${p.applicationId}/pages/${page.id}`} class="mt-6 flex flex-col gap-6" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        {page.fields.filter((f) => isShown(f, p.data)).map((f) => (
          <Field f={f} value={getPath(p.data, f.name)} error={p.errors[f.name]} lang={p.lang} t={pt} members={p.members} facilities={p.facilities} />
        ))}
        <div class="mt-2 flex flex-col gap-4 md:flex-row">
          <button class="button-primary w-full md:w-auto" type="submit" name="_action" value="next">{pt.form.next}</button>
          <button class="button-secondary w-full md:w-auto" type="submit" name="_action" value="save">{pt.form.save}</button>
        </div>
      </form>
    </PortalLayout>
  );
}

/** 添付書類: one upload form per document the procedure asks for. */
export function AttachmentsPage(p: PortalFrame & { def: ProcedureDefinition; applicationId: string; data: ApplicationData; csrf: string; error?: { code: string; message: string };
  attachments: Array<{ attachmentId: string; attachmentCode: string; fileName: string; byteSize: number }> }) {
  const { pt, def } = p;
  return (
    <PortalLayout {...p} title={`${p.error ? 'エラー: ' : ''}${pt.attachments.title} - ${title(def, p)}`}>
      <a class="link" href={`/portal/applications/${p.applicationId}/pages/${def.pages[def.pages.length - 1]!.id}`}>{pt.form.back}</a>
      <p class="mt-4 text-dns-16N-130 text-solid-gray-700">{title(def, p)}</p>
      <h1 class="mt-1 text-std-28B-150">{pt.attachments.title}</h1>
      <p class="mt-2">{pt.attachments.lead}</p>
      {p.error ? <ErrorSummary title={pt.form.errorTitle} errors={[{ href: `#file-${p.error.code}`, message: p.error.message }]} /> : null}
      {def.attachments.map((a) => {
        const mine = p.attachments.filter((x) => x.attachmentCode === a.code);
        const need = attachmentNeeded(a, p.data);
        return (
          <section class="card mt-6 p-4 md:p-6" aria-labelledby={`att-${a.code}`}>
            <h2 id={`att-${a.code}`} class="text-std-20B-150">{p.lang === 'en' ? a.labelEn : a.labelJa}
              <span class="ml-2 badge">{need ? pt.attachments.required : a.required === false ? pt.attachments.optional : pt.attachments.whenProxy}</span></h2>
            {mine.length ? (
              <ul class="mt-3 flex flex-col gap-2">
                {mine.map((x) => (
                  <li class="flex flex-wrap items-center gap-3">
                    <span>{pt.attachments.uploaded}: {x.fileName}（{pt.attachments.size(Math.ceil(x.byteSize / 1024))}）</span>
                    <form method="post" action={`/portal/applications/${p.applicationId}/attachments/${x.attachmentId}/delete`}>
                      <input type="hidden" name="_csrf" value={p.csrf} />
                      <button class="button-secondary button-small" type="submit">{pt.attachments.remove}<span class="sr-only">: {x.fileName}</span></button>
                    </form>
                  </li>
                ))}
              </ul>
            ) : null}
            <form method="post" action={`/portal/applications/${p.applicationId}/attachments`} enctype="multipart/form-data" class="mt-4 flex flex-col gap-3">
              <input type="hidden" name="_csrf" value={p.csrf} />
              <input type="hidden" name="code" value={a.code} />
              <div class="form-field">
                <label class="form-label" for={`file-${a.code}`}>{pt.attachments.file}（{pt.overview.types}、{pt.overview.maxMb(a.maxBytes / 1_000_000)}）</label>
                {p.error?.code === a.code ? <p class="form-error" id={`file-${a.code}-error`}>{p.error.message}</p> : null}
                <input class="form-control" type="file" id={`file-${a.code}`} name="file" accept={a.mediaTypes.join(',')}
                  aria-describedby={p.error?.code === a.code ? `file-${a.code}-error` : undefined} aria-invalid={p.error?.code === a.code ? 'true' : undefined} />
              </div>
              <button class="button-secondary w-full md:w-auto" type="submit">{pt.attachments.upload}</button>
            </form>
          </section>
        );
      })}
      <p class="mt-8"><a class="button-primary w-full md:w-auto" href={`/portal/applications/${p.applicationId}/check`}>{pt.attachments.next}</a></p>
    </PortalLayout>
  );
}

/** How an answer reads on the check page. */
function answerText(def: ProcedureDefinition, name: string, value: unknown, ctx: { members: MemberChoice[]; facilities: Array<{ facilityId: string; name: string }>; lang: string }): string {
  const f = def.pages.flatMap((x) => x.fields).find((x) => x.name === name);
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (!f) return String(value);
  if (f.kind === 'date' && typeof value === 'string') return toWareki(value);
  if (f.kind === 'members') return (value as string[]).map((v) => ctx.members.find((m) => m.atenaNo === v)?.name ?? '—').join('、');
  if (f.kind === 'rank') return (value as string[]).map((v, i) => `第${i + 1}希望 ${ctx.facilities.find((x) => x.facilityId === v)?.name ?? v}`).join('、');
  const opt = f.options?.find((o) => o.value === value);
  if (opt) return ctx.lang === 'en' ? opt.labelEn : opt.labelJa;
  return String(value);
}

/** 申請内容の確認: every answer with a link to change it, the fee, the documents, and the submit button. */
export function CheckPage(p: PortalFrame & { def: ProcedureDefinition; applicationId: string; data: ApplicationData; errors: FieldErrors; missing: string[]; feeYen: number;
  members: MemberChoice[]; facilities: Array<{ facilityId: string; name: string }>; attachments: Array<{ fileName: string; attachmentCode: string }>; csrf: string; refusal?: string }) {
  const { pt, def } = p;
  const problems = [
    ...def.pages.flatMap((pg) => pg.fields.filter((f) => p.errors[f.name]).map((f) => ({ href: `/portal/applications/${p.applicationId}/pages/${pg.id}#${fieldId(f.name)}`, message: p.errors[f.name]! }))),
    ...p.missing.map((m) => ({ href: `/portal/applications/${p.applicationId}/attachments`, message: pt.check.missing(m) })),
  ];
  return (
    <PortalLayout {...p} title={`${problems.length ? 'エラー: ' : ''}${pt.check.title} - ${title(def, p)}`}>
      <p class="text-dns-16N-130 text-solid-gray-700">{title(def, p)}</p>
      <h1 class="mt-1 text-std-28B-150">{pt.check.title}</h1>
      <p class="mt-2">{pt.check.lead}</p>
      {p.refusal ? <div class="banner-error mt-6" role="alert"><p>{p.refusal}</p></div> : null}
      <ErrorSummary title={pt.check.incomplete} errors={problems} />
      {def.pages.map((pg) => (
        <section class="mt-8" aria-labelledby={`sec-${pg.id}`}>
          <div class="flex items-baseline justify-between gap-4 border-b border-solid-gray-420 pb-2">
            <h2 id={`sec-${pg.id}`} class="text-std-20B-150">{p.lang === 'en' ? pg.titleEn : pg.titleJa}</h2>
            <a class="link" href={`/portal/applications/${p.applicationId}/pages/${pg.id}`}>{pt.check.change}<span class="sr-only">: {p.lang === 'en' ? pg.titleEn : pg.titleJa}</span></a>
          </div>
          <dl class="mt-2 grid gap-x-6 gap-y-2 md:grid-cols-[14rem_1fr]">
            {pg.fields.filter((f) => isShown(f, p.data)).map((f) => (
              <><dt class="text-std-16B-170">{p.lang === 'en' ? f.labelEn : f.labelJa}</dt><dd class="break-words">{answerText(def, f.name, getPath(p.data, f.name), { members: p.members, facilities: p.facilities, lang: p.lang })}</dd></>
            ))}
          </dl>
        </section>
      ))}
      {def.attachments.length ? (
        <section class="mt-8" aria-labelledby="sec-attachments">
          <div class="flex items-baseline justify-between gap-4 border-b border-solid-gray-420 pb-2">
            <h2 id="sec-attachments" class="text-std-20B-150">{pt.check.attachments}</h2>
            <a class="link" href={`/portal/applications/${p.applicationId}/attachments`}>{pt.check.change}<span class="sr-only">: {pt.check.attachments}</span></a>
          </div>
          <ul class="mt-2 list-disc pl-5">{p.attachments.length ? p.attachments.map((a) => <li>{a.fileName}</li>) : <li>{pt.check.none}</li>}</ul>
        </section>
      ) : null}
      <section class="mt-8" aria-labelledby="sec-fee">
        <h2 id="sec-fee" class="border-b border-solid-gray-420 pb-2 text-std-20B-150">{pt.check.fee}</h2>
        <p class="mt-2">{pt.check.feeNote(p.feeYen)}</p>
      </section>
      <form method="post" action={`/portal/applications/${p.applicationId}/submission`} class="mt-8">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <button class="button-primary w-full md:w-auto" type="submit">{pt.check.submit}</button>
      </form>
    </PortalLayout>
  );
}
