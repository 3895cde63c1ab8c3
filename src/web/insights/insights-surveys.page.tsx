// SPDX-License-Identifier: EUPL-1.2
/**
 * 業務改革の定例調査: the console form (/console/insights/surveys, last year's answers prefilled) and the public open
 * data (/open-data/surveys): results by municipality class in the 総務省's table form, KPIs with progress, CSV.
 */
import { dantai, kpiProgress, surveyTable, type InsightsService, type SurveyResultRow } from '../../domains/insights/index.ts';
import { toWareki, toWarekiDateTime } from '../../platform/dates/jp-date.ts';
import type { Dictionary, Lang } from '../ui/i18n.ts';
import { ConsoleLayout, type ConsoleContext } from '../ui/console-layout.tsx';
import { PageShell, PublicHeader } from '../ui/page-shell.tsx';
import { insightsText, type InsightsDictionary } from './insights-i18n.ts';

type Results = Awaited<ReturnType<InsightsService['surveyResults']>>;
type Form = Awaited<ReturnType<InsightsService['surveyForm']>>;

const th = 'border-b border-solid-gray-420 px-3 py-2 text-left text-std-16B-170';
const thr = 'border-b border-solid-gray-420 px-3 py-2 text-right text-std-16B-170';
const td = 'border-b border-solid-gray-420 px-3 py-2';
const tdr = 'border-b border-solid-gray-420 px-3 py-2 text-right tabular-nums';

const dateLabel = (d: string, lang: Lang) => (lang === 'en' ? d : toWareki(d));

/** Every survey's latest table with its KPI. */
function SurveyResults(p: { r: Results; t: InsightsDictionary; lang: Lang }) {
  const { t, lang } = p;
  const latest = p.r.dates[0];
  if (!latest) return <p class="mt-2">{t.surveys.noResults}</p>;
  return (
    <>
      {p.r.surveys.map((s) => {
        const dates = p.r.dates.filter((d) => p.r.results.some((x: SurveyResultRow) => x.surveyCode === s.surveyCode && x.referenceDate === d));
        const date = dates[0];
        if (!date) return null;
        const rows = surveyTable(p.r.results, s.surveyCode, date, s.includesPrefectures);
        const allRow = rows.find((r) => r.key === '全市区町村')!;
        return (
          <section class="mt-8" data-testid={`survey-${s.surveyCode}`}>
            <h3 class="text-std-20B-150">{lang === 'en' ? s.titleEn : s.titleJa}</h3>
            <p class="mt-1 text-dns-16N-130">{t.surveys.asOf(dateLabel(date, lang))}</p>
            <p class="mt-1 max-w-3xl text-dns-16N-130">{s.definitionJa}</p>
            <table class="mt-2 border-collapse">
              <thead><tr>
                <th scope="col" class={th}>{t.surveys.columns.cls}</th><th scope="col" class={thr}>{t.surveys.columns.implemented}</th>
                <th scope="col" class={thr}>{t.surveys.columns.total}</th><th scope="col" class={thr}>{t.surveys.columns.share}</th>
              </tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <th scope="row" class={td}>{lang === 'en' ? r.labelEn : r.labelJa}</th>
                    <td class={tdr}>{dantai(r.implemented)}</td><td class={tdr}>{dantai(r.total)}</td><td class={tdr}>{r.percent}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {s.kpiTarget !== null && s.kpiBaseline !== null ? (
              <p class="mt-2" data-testid="kpi">
                <span class="text-dns-16B-130">{t.surveys.kpi}: </span>
                {t.surveys.kpiText(`${dantai(s.kpiBaseline)}（${s.kpiBaselineLabel}）`, `${dantai(s.kpiTarget)}以上（${s.kpiTargetLabel}）`)}
                {' ／ '}{dantai(allRow.implemented)}・{t.surveys.progress(kpiProgress(allRow.implemented, s.kpiBaseline, s.kpiTarget))}
                <progress class="ml-2 align-middle" max={100} value={kpiProgress(allRow.implemented, s.kpiBaseline, s.kpiTarget)}>{kpiProgress(allRow.implemented, s.kpiBaseline, s.kpiTarget)}%</progress>
              </p>
            ) : null}
          </section>
        );
      })}
      <p class="mt-6"><a class="link" href="/open-data/surveys.csv" download="jichi-reform-surveys.csv">{t.surveys.csv}</a></p>
    </>
  );
}

/** Props of the console page. */
export interface SurveysPageProps extends ConsoleContext { form: Form; results: Results; canAnswer: boolean; saved?: boolean; error?: { message: string } }

/** The console page: the municipality's answers and the national results. */
export function SurveysPage(p: SurveysPageProps) {
  const t = insightsText(p.lang);
  return (
    <ConsoleLayout {...p} title={t.surveys.title} current="insights">
      <p><a href="/console/insights" class="link">{t.title}</a></p>
      <h1 class="text-std-32B-150 mt-2">{t.surveys.title}</h1>
      {p.saved ? <div class="banner-success mt-4" role="status">{t.surveys.saved}</div> : null}
      {p.error ? <div class="banner-error mt-4" role="alert">{p.error.message}</div> : null}
      <p class="mt-2 max-w-3xl">{t.surveys.lead(dateLabel(p.form.referenceDate, p.lang))}</p>
      {p.canAnswer ? (
        <form method="post" action="/console/insights/surveys" class="mt-4" data-testid="survey-form">
          <input type="hidden" name="_csrf" value={p.actor.csrfToken} />
          {p.form.items.map((i) => (
            <fieldset class="mt-4 card p-4">
              <legend class="text-std-18B-160">{p.lang === 'en' ? i.titleEn : i.titleJa}</legend>
              <p class="text-dns-16N-130">{i.definitionJa}</p>
              {i.prefilled ? <p class="badge mt-1">{t.surveys.prefilled}</p> : null}
              {i.answered && i.answeredAt ? <p class="mt-1 text-dns-16N-130">{t.surveys.answered(toWarekiDateTime(i.answeredAt))}</p> : null}
              <div class="mt-2 flex gap-6">
                <label><input type="radio" name={`answer.${i.surveyCode}`} value="yes" checked={i.implemented === true} required /> {t.surveys.implemented}</label>
                <label><input type="radio" name={`answer.${i.surveyCode}`} value="no" checked={i.implemented === false} /> {t.surveys.notImplemented}</label>
              </div>
              <div class="form-field mt-2">
                <label class="form-label" for={`note.${i.surveyCode}`}>{t.surveys.note}</label>
                <input class="form-control" type="text" maxlength={500} id={`note.${i.surveyCode}`} name={`note.${i.surveyCode}`} value={i.note} />
              </div>
            </fieldset>
          ))}
          <button class="button-primary mt-4" type="submit">{t.surveys.submit}</button>
        </form>
      ) : <p class="mt-4">{t.surveys.readOnly}</p>}
      <h2 class="text-std-24B-150 mt-10">{t.surveys.results}</h2>
      <SurveyResults r={p.results} t={t} lang={p.lang} />
    </ConsoleLayout>
  );
}

/** The public open-data page (no login). */
export function OpenDataPage(p: { lang: Lang; t: Dictionary; currentPath: string; results: Results }) {
  const t = insightsText(p.lang);
  return (
    <PageShell lang={p.lang} t={p.t} title={t.openData.title} header={<PublicHeader lang={p.lang} t={p.t} currentPath={p.currentPath} subtitle={t.openData.title} />}>
      <main id="main" tabindex={-1} class="mx-auto w-full max-w-5xl flex-1 px-4 py-6 md:px-6 md:py-10">
        <h1 class="text-std-32B-150">{t.openData.title}</h1>
        <p class="mt-2">{t.openData.lead}</p>
        <SurveyResults r={p.results} t={t} lang={p.lang} />
        <p class="mt-4 text-dns-16N-130">{t.openData.license}</p>
      </main>
    </PageShell>
  );
}
