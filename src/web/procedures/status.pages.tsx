// SPDX-License-Identifier: EUPL-1.2
/** 申請状況: every application with its status in plain words, the expected completion date (和暦), 補正 to answer, the result. */
import type { ResidentDaycareResult } from '../../domains/daycare/index.ts';
import type { ProcedureDefinition } from '../../domains/procedures/index.ts';
import { toWareki, toWarekiDateTime } from '../../platform/dates/jp-date.ts';
import { PortalLayout, type PortalFrame } from './portal-layout.tsx';
import type { ProceduresDictionary } from './procedures-i18n.ts';

/** What 申請状況 knows of one application. */
export interface Tracked {
  app: { applicationId: string; status: string; updatedAt: Date | string; submittedAt: Date | string | null };
  def: ProcedureDefinition;
  kase: null | {
    caseNo: string; statusCode: string; resultCode: string | null; receivedOn: string; legalDueOn: string | null; targetDueOn: string | null; suspended: boolean;
    corrections: Array<{ correctionId: string; message: string; requestedAt: string; answerMessage: string | null; answeredAt: string | null }>;
    decision: { outcome: string; reasons: string; decidedAt: string; byRule?: boolean } | null;
  };
  /** A 保育所等利用申込's allocation result (pending until the round is decided). */
  daycare?: ResidentDaycareResult | null;
}

/** The status in plain words. */
export function statusWords(pt: ProceduresDictionary, x: Tracked): string {
  if (!x.kase) return x.app.status === 'submitted' ? pt.status.words.intake! : pt.status.words.draft!;
  if (x.daycare?.state === 'pending') return pt.status.daycareEntered;
  if (x.daycare?.state === 'decided') {
    return x.daycare.children.map((c) => (c.status === 'HOLD' ? pt.status.daycareNoticeHold(c.childName) : pt.status.daycareNoticeOffer(c.childName, c.facilityName ?? ''))).join('。');
  }
  if (x.kase.statusCode === 'closed') return pt.status.words[x.kase.resultCode ?? 'approved'] ?? pt.status.words.approved!;
  return pt.status.words[x.kase.statusCode] ?? pt.status.words['in-review']!;
}

/** The expected completion in words: the service target and the legal deadline in 和暦, or why there is none now. */
function expected(pt: ProceduresDictionary, k: NonNullable<Tracked['kase']>): string {
  if (k.suspended) return pt.status.suspendedText;
  if (!k.targetDueOn || !k.legalDueOn) return '—';
  return pt.status.expectedText(toWareki(k.targetDueOn), toWareki(k.legalDueOn));
}

const title = (def: ProcedureDefinition, lang: string) => (lang === 'en' ? def.titleEn : def.titleJa);

/** The list of the resident's applications. */
export function StatusListPage(p: PortalFrame & { items: Tracked[]; done?: string; csrf: string }) {
  const { pt } = p;
  const drafts = p.items.filter((x) => x.app.status === 'draft');
  const sent = p.items.filter((x) => x.app.status !== 'draft');
  return (
    <PortalLayout {...p} title={pt.status.title} current="status">
      <h1 class="text-std-28B-150 md:text-std-32B-150">{pt.status.title}</h1>
      <p class="mt-2">{pt.status.lead}</p>
      {p.done ? <div class="banner-success mt-6" role="status"><p>{p.done}</p></div> : null}
      {p.items.length === 0 ? <p class="mt-6">{pt.status.none}</p> : null}
      {sent.length ? <h2 class="mt-8 text-std-24B-150">{pt.status.submitted}</h2> : null}
      <ul class="mt-4 flex flex-col gap-4">
        {sent.map((x) => (
          <li class="card p-4 md:p-6" data-testid="application">
            <h3 class="text-std-20B-150"><a class="link" href={`/portal/applications/${x.app.applicationId}`}>{title(x.def, p.lang)}</a></h3>
            <p class="mt-2 text-std-17B-170">{statusWords(pt, x)}</p>
            {x.kase ? (
              <dl class="mt-2 grid grid-cols-[7rem_1fr] gap-x-4 gap-y-1 text-dns-16N-130">
                <dt>{pt.status.caseNo}</dt><dd>{x.kase.caseNo}</dd>
                <dt>{pt.status.received}</dt><dd>{toWareki(x.kase.receivedOn)}</dd>
                {x.kase.statusCode !== 'closed' ? <><dt>{pt.status.expected}</dt><dd>{expected(pt, x.kase)}</dd></> : null}
              </dl>
            ) : <SentOn pt={pt} x={x} />}
          </li>
        ))}
      </ul>
      {drafts.length ? <h2 class="mt-8 text-std-24B-150">{pt.status.drafts}</h2> : null}
      <ul class="mt-4 flex flex-col gap-4">
        {drafts.map((x) => (
          <li class="card p-4 md:p-6" data-testid="draft">
            <h3 class="text-std-20B-150">{title(x.def, p.lang)}</h3>
            <p class="mt-1 text-dns-16N-130 text-solid-gray-700">{pt.status.savedAt(toWarekiDateTime(x.app.updatedAt as Date))}</p>
            <div class="mt-3 flex flex-wrap items-center gap-4">
              <a class="button-secondary button-small" href={`/portal/applications/${x.app.applicationId}`}>{pt.status.resume}<span class="sr-only">: {title(x.def, p.lang)}</span></a>
              <form method="post" action={`/portal/applications/${x.app.applicationId}/discard`}>
                <input type="hidden" name="_csrf" value={p.csrf} />
                <button class="button-secondary button-small" type="submit">{pt.status.discard}<span class="sr-only">: {title(x.def, p.lang)}</span></button>
              </form>
            </div>
          </li>
        ))}
      </ul>
    </PortalLayout>
  );
}

/** One submitted application: status, dates, 補正 with answer forms, the result. */
export function StatusPage(p: PortalFrame & { x: Tracked; done?: string; error?: string; csrf: string }) {
  const { pt, x } = p;
  const k = x.kase;
  return (
    <PortalLayout {...p} title={`${title(x.def, p.lang)} - ${pt.status.title}`} current="status">
      <a class="link" href="/portal/status">{pt.status.title}</a>
      <h1 class="mt-4 text-std-28B-150">{title(x.def, p.lang)}</h1>
      {p.done ? <div class="banner-success mt-6" role="status" data-testid="done"><p>{k ? p.done : pt.status.doneIntake}</p></div> : null}
      {p.error ? <div class="banner-error mt-6" role="alert" tabindex={-1}><p>{p.error}</p></div> : null}
      <p class="mt-6 text-std-20B-150" data-testid="status-words">{statusWords(pt, x)}</p>
      {k ? <CaseSections {...p} k={k} /> : <SentOn pt={pt} x={x} />}
    </PortalLayout>
  );
}

/** Sent on the internet side and not yet numbered: when it was sent. */
function SentOn({ pt, x }: { pt: ProceduresDictionary; x: Tracked }) {
  return x.app.submittedAt ? <p class="mt-2 text-dns-16N-130" data-testid="sent-at">{pt.status.sentAt(toWarekiDateTime(x.app.submittedAt))}</p> : null;
}

/** The case of a submitted application: number, dates, 補正, the decision and the daycare result. */
function CaseSections(p: PortalFrame & { x: Tracked; csrf: string; k: NonNullable<Tracked['kase']> }) {
  const { pt, x, k } = p;
  return (
    <>
      <dl class="mt-4 grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2">
        <dt class="text-std-16B-170">{pt.status.caseNo}</dt><dd data-testid="case-no">{k.caseNo}</dd>
        <dt class="text-std-16B-170">{pt.status.received}</dt><dd>{toWareki(k.receivedOn)}</dd>
        {k.statusCode !== 'closed' ? <><dt class="text-std-16B-170">{pt.status.expected}</dt><dd data-testid="expected">{expected(pt, k)}</dd></> : null}
      </dl>
      {k.corrections.length ? (
        <section class="mt-8" aria-labelledby="corrections">
          <h2 id="corrections" class="text-std-24B-150">{pt.status.corrections}</h2>
          {k.corrections.map((c, i) => (
            <div class="card mt-4 p-4 md:p-6">
              <p class="text-dns-14N-130 text-solid-gray-700">{toWarekiDateTime(c.requestedAt)}</p>
              <p class="mt-2 whitespace-pre-wrap">{c.message}</p>
              {c.answeredAt ? (
                <p class="mt-3"><span class="badge">{pt.status.answered}</span> {pt.status.yourAnswer}: {c.answerMessage}</p>
              ) : (
                <form method="post" action={`/portal/applications/${x.app.applicationId}/corrections/${c.correctionId}`} class="mt-4 flex flex-col gap-3">
                  <input type="hidden" name="_csrf" value={p.csrf} />
                  <div class="form-field">
                    <label class="form-label" for={`answer-${i}`}>{pt.status.answerLabel}</label>
                    <textarea class="form-control min-h-32" id={`answer-${i}`} name="message" maxlength={4000}></textarea>
                  </div>
                  <button class="button-primary w-full md:w-auto" type="submit">{pt.status.answer}</button>
                </form>
              )}
            </div>
          ))}
        </section>
      ) : null}
      {k.decision ? (
        <section class="mt-8" aria-labelledby="result">
          <h2 id="result" class="text-std-24B-150">{pt.status.result}</h2>
          <p class="mt-2">{x.daycare ? pt.status.daycareAccepted : statusWords(pt, x)}（{toWarekiDateTime(k.decision.decidedAt)}）</p>
          {x.daycare ? null : k.decision.byRule ? <p class="mt-2" data-testid="by-rule">{pt.status.byRule}</p>
            : k.decision.reasons ? <p class="mt-2"><span class="text-std-16B-170">{pt.status.reasons}: </span>{k.decision.reasons}</p> : null}
        </section>
      ) : null}
      {x.daycare ? <DaycareResultSection pt={pt} result={x.daycare} /> : null}
    </>
  );
}

/** The allocation result of a 保育所等利用申込: pending, or per child 内定/保留 with the explanation. */
function DaycareResultSection({ pt, result }: { pt: ProceduresDictionary; result: ResidentDaycareResult }) {
  return (
    <section class="mt-8" aria-labelledby="daycare-result" data-testid="daycare-result">
      <h2 id="daycare-result" class="text-std-24B-150">{pt.status.daycareResult}</h2>
      {result.state === 'pending' ? <p class="mt-2">{pt.status.daycarePending(result.roundName)}</p> : (
        <>
          <dl class="mt-2 grid grid-cols-[6rem_1fr] gap-x-4 gap-y-1">
            <dt class="text-std-16B-170">{pt.status.daycareRound}</dt><dd>{result.roundName}</dd>
            {result.decidedAt ? <><dt class="text-std-16B-170">{pt.status.daycareDecidedOn}</dt><dd>{toWarekiDateTime(result.decidedAt)}</dd></> : null}
          </dl>
          {result.children.map((c) => (
            <div class="card mt-4 p-4 md:p-6" data-testid="daycare-child">
              <p class="text-std-20B-150">
                <span class="badge">{c.status === 'OFFER' ? pt.status.daycareOffer : c.status === 'HOLD' ? pt.status.daycareHold : pt.status.daycareStay}</span>{' '}
                {c.childName}
              </p>
              <p class="mt-3" data-testid="daycare-summary">{c.summary}</p>
              <p class="mt-2">{pt.status.daycareScore(c.score)}</p>
              {c.lines.length ? (
                <ul class="mt-3 list-disc pl-6">
                  {c.lines.map((l) => <li class="mt-1">{l}</li>)}
                </ul>
              ) : null}
              {c.closing.map((t) => <p class="mt-3 text-dns-16N-130">{t}</p>)}
            </div>
          ))}
        </>
      )}
    </section>
  );
}
