// SPDX-License-Identifier: EUPL-1.2
/** The public guide (手続案内): a few questions → the procedures, with where, when, what to bring, online or not. */
import type { GuideAnswers, GuideError } from '../../domains/counter/rules/guide-answers.ts';
import { LIFE_EVENTS, LIFE_EVENT_LABELS } from '../../domains/counter/rules/life-events.ts';
import type { NeededProcedure } from '../../domains/counter/rules/rule-engine.ts';
import { toWareki } from '../../platform/dates/jp-date.ts';
import type { Dictionary, Lang } from '../ui/i18n.ts';
import { PageShell, PublicHeader } from '../ui/page-shell.tsx';
import type { GuideDictionary } from './guide-i18n.ts';

export interface GuidePageProps {
  lang: Lang; t: Dictionary; g: GuideDictionary; currentPath: string;
  municipality: { code: string; name: string } | undefined;
  municipalities: Array<{ code: string; name: string }>;
  answers: GuideAnswers; submitted: boolean; errors: GuideError[];
  result: { procedures: NeededProcedure[]; ages: Map<string, number>; validFrom: string } | null;
}

function ProcedureCard(p: { n: NeededProcedure; g: GuideDictionary; lang: Lang; ages: Map<string, number> }) {
  const { n, g, lang } = p;
  const L = (x: { ja: string; en: string }) => x[lang];
  const who = n.memberRefs.length === 0 ? g.forHousehold : n.memberRefs.map((r) => g.ageOf(p.ages.get(r) ?? 0)).join(g.join);
  return (
    <li class="card !p-4 md:!p-6" data-procedure={n.code}>
      <h3 class="text-std-20B-150">{L(n.def.title)}</h3>
      {n.def.online !== 'none' ? <p class="mt-2"><span class="badge">{g.online[n.def.online]}</span></p> : null}
      <dl class="mt-3 grid grid-cols-[5.5rem_1fr] gap-x-3 gap-y-1 md:grid-cols-[8rem_1fr]">
        <dt class="font-bold">{g.why}</dt><dd>{L(n.reason)}</dd>
        <dt class="font-bold">{g.forWhom}</dt><dd>{who}</dd>
        <dt class="font-bold">{g.where}</dt><dd>{L(n.def.where)}</dd>
        <dt class="font-bold">{g.when}</dt><dd>{L(n.def.when)}</dd>
        <dt class="font-bold">{g.bring}</dt>
        <dd><ul class="list-disc pl-5">{n.def.bring.map((b) => <li>{L(b)}</li>)}</ul></dd>
      </dl>
    </li>
  );
}

/** The guide page: results (when answered) above the questions. */
export function GuidePage(p: GuidePageProps) {
  const { g, answers: a } = p;
  const err = (field: string) => p.errors.find((e) => e.field === field);
  const ErrorText = (x: { field: string }) => err(x.field) ? <p id={`${x.field}-error`} class="form-error">{g.errors[err(x.field)!.code]}</p> : null;
  return (
    <PageShell lang={p.lang} t={p.t} title={g.title} municipalityName={p.municipality?.name}
      header={<PublicHeader lang={p.lang} t={p.t} currentPath={p.currentPath} subtitle={g.title} />}>
      <main id="main" tabindex={-1} class="mx-auto w-full max-w-4xl flex-1 px-4 py-6 md:px-6 md:py-10">
        <h1 class="text-std-28B-150 md:text-std-36B-140">{g.title}</h1>
        <p class="mt-3">{g.lead}</p>
        <p class="mt-2 text-dns-16N-130 text-solid-gray-700">{g.privacy}</p>
        {p.errors.length > 0 ? (
          <div class="banner-error mt-6" role="alert" tabindex={-1} data-testid="guide-errors">
            <h2 class="text-std-20B-150">{g.errorTitle}</h2>
            <ul class="mt-2 list-disc pl-6">{p.errors.map((e) => <li><a class="link" href={`#${e.field}`}>{g.errors[e.code]}</a></li>)}</ul>
          </div>
        ) : null}
        {p.result ? (
          <section class="mt-8" aria-labelledby="result-title" data-testid="guide-result">
            <h2 id="result-title" class="text-std-24B-150">{p.result.procedures.length ? g.resultTitle(p.result.procedures.length) : g.resultNone}</h2>
            <p class="mt-2">{g.counterNote}</p>
            <ol class="mt-4 grid gap-4">{p.result.procedures.map((n) => <ProcedureCard n={n} g={g} lang={p.lang} ages={p.result!.ages} />)}</ol>
            <p class="mt-4 text-dns-14N-130 text-solid-gray-700">{g.ruleVersion(toWareki(p.result.validFrom))}</p>
            <p class="mt-4"><a class="link" href="#questions">{g.changeAnswers}</a></p>
          </section>
        ) : null}
        <form id="questions" method="get" action="/guide" class="mt-8 flex flex-col gap-8" novalidate>
          <input type="hidden" name="go" value="1" />
          {p.municipalities.length > 1 ? (
            <div class="form-field">
              <label class="form-label" for="m">{g.municipality}</label>
              <select id="m" name="m" class="form-control">
                {p.municipalities.map((m) => <option value={m.code} selected={m.code === p.municipality?.code}>{m.name}</option>)}
              </select>
            </div>
          ) : null}
          <fieldset id="e" aria-describedby={err('e') ? 'e-error' : undefined}>
            <legend class="form-label">{g.eventsLegend}</legend>
            <ErrorText field="e" />
            <div class="mt-2 grid gap-2">
              {LIFE_EVENTS.map((e) => (
                <label class="flex min-h-11 items-center gap-3"><input type="checkbox" name="e" value={e} class="size-6" checked={a.events.includes(e)} />{LIFE_EVENT_LABELS[e][p.lang]}</label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend class="form-label">{g.membersLegend}</legend>
            <p class="form-hint">{g.membersHint}</p>
            <ErrorText field="o0" />
            <div class="mt-3 grid gap-4 md:grid-cols-2">
              {a.rows.map((r, k) => (
                <fieldset class="card !p-4" data-row={k}>
                  <legend class="font-bold">{g.person(k)}</legend>
                  <div class="form-field">
                    <label class="form-label" for={`a${k}`}>{g.age}</label>
                    <ErrorText field={`a${k}`} />
                    <div class="flex items-center gap-2">
                      <input id={`a${k}`} name={`a${k}`} type="text" inputmode="numeric" maxlength={3} class="form-control !w-24" value={r.age}
                        aria-invalid={err(`a${k}`) ? 'true' : undefined} aria-describedby={err(`a${k}`) ? `a${k}-error` : undefined} />
                      <span>{g.ageSuffix}</span>
                    </div>
                  </div>
                  <div class="mt-2 grid gap-1">
                    <label class="flex min-h-11 items-center gap-3"><input type="checkbox" name={`f${k}`} value="1" class="size-6" checked={r.foreign} />{g.foreign}</label>
                    <label class="flex min-h-11 items-center gap-3"><input type="checkbox" name={`n${k}`} value="1" class="size-6" checked={r.nhi} />{g.nhi}</label>
                    <label class="flex min-h-11 items-center gap-3"><input type="checkbox" name={`h${k}`} value="1" class="size-6" checked={r.head} />{g.head}</label>
                    <label class="flex min-h-11 items-center gap-3"><input id={k === 0 ? 'o0' : undefined} type="checkbox" name={`o${k}`} value="1" class="size-6" checked={r.other} />{g.other}</label>
                  </div>
                </fieldset>
              ))}
            </div>
            <p class="form-hint mt-2">{g.otherHint}</p>
          </fieldset>
          <fieldset>
            <legend class="form-label">{g.dog}</legend>
            <label class="mt-2 flex min-h-11 items-center gap-3"><input type="checkbox" name="dog" value="1" class="size-6" checked={a.dog} />{g.dogYes}</label>
          </fieldset>
          <div><button type="submit" class="button-primary">{g.submit}</button></div>
        </form>
      </main>
    </PageShell>
  );
}
