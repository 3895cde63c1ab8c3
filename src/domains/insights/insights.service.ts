// SPDX-License-Identifier: EUPL-1.2
/**
 * 見える化 use cases: the dashboard of a municipality beside its peers, the municipality's settings, and the reform
 * surveys (answers with the previous year prefilled, results, open data). Reads no personal data: case facts hold
 * only times, the peers only quartiles. Everything of a municipality is read inside its own tenant transaction.
 */
import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import { assertAllowed } from '../../platform/auth/permissions.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { japanDay } from '../../platform/dates/jp-date.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { withPlatform, withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import { findMunicipality } from '../../platform/tenancy/municipality-list.ts';
import { defaultFromDay, refreshAll, refreshSurveyResults } from './insights-refresh.ts';
import { isKpiMetric, KPI_METRICS, targetInRange, type KpiMetric } from './kpi-targets.ts';
import { MIN_PEERS, populationBand, type PopulationBand } from './population-band.ts';
import { previousReferenceDate, referenceDateOf, surveyCsv, type SurveyResultRow } from './survey-tables.ts';

const num = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));

/** Municipality classes the peers are grouped by. */
export const PEER_CLASSES = ['指定都市', '中核市', '特別区', '一般市', '町村'] as const;
const SURVEY_CLASSES = ['都道府県', ...PEER_CLASSES] as const;

/** Refused survey answers and settings. */
export const INSIGHTS_ERRORS = {
  unknownSurvey: () => new DomainError('unknown-survey', '調査が見つかりません', 404, 'Unknown survey'),
  badReferenceDate: () => new DomainError('invalid-reference-date', '基準日は4月1日の日付で入力してください', 400, 'The reference date must be an April 1st'),
  badProfile: (what: string) => new DomainError('invalid-insights-profile', `${what}は1以上の整数で入力してください`, 400, `Invalid ${what}`),
  badTarget: (what: string) => new DomainError('invalid-kpi-target', `${what}の目標は0以上の数値で入力してください（割合は0〜100%）`, 400, `Invalid target for ${what}`),
  badImport: (line: number, why: string) => new DomainError('invalid-survey-import', `${line}行目: ${why}`, 400, `Line ${line}: ${why}`),
};

/** The KPI metrics in words (for messages). */
const KPI_LABELS: Record<keyof typeof KPI_METRICS, string> = {
  lead_median_hours: '処理期間（中央値）', within_legal_share: '法定期限内の割合', online_share: 'オンライン申請の割合', auto_share: '自動処理の割合',
  cost_per_case_yen: '1件あたりの人件費', counter_wait_median_minutes: '窓口の待ち時間（中央値）',
};

/** A metric value beside its peers (quartiles shown only when allowed). */
export interface PeerStat { contributors: number; p25: number; median: number; p75: number }

export function createInsightsService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  const today = () => japanDay(clock.now());

  async function profileOf(m: string) {
    return withTenant(db, m, async (trx) => {
      const p = await trx.selectFrom('insights.profile').selectAll().where('municipalityCode', '=', m).executeTakeFirst();
      return { population: p?.population ?? null, hourlyCostYen: p?.hourlyCostYen ?? 4000, counterBaselineMinutes: p?.counterBaselineMinutes ?? 20, namedConsent: p?.namedConsent ?? false };
    });
  }

  async function targetsOf(m: string): Promise<Partial<Record<KpiMetric, number>>> {
    const rows = await withTenant(db, m, (trx) => trx.selectFrom('insights.kpiTarget').select(['metric', 'target']).where('municipalityCode', '=', m).execute());
    return Object.fromEntries(rows.filter((r) => isKpiMetric(r.metric)).map((r) => [r.metric, Number(r.target)]));
  }

  const surveys = () => withPlatform(db, (trx) => trx.selectFrom('insights.survey').selectAll().orderBy('sortOrder').execute());

  return {
    /** The dashboard of the actor's municipality for one month (default: the latest with data). */
    async dashboard(actor: Actor, month?: string) {
      assertAllowed(actor, 'insights:read');
      const m = actor.municipalityCode;
      const muni = findMunicipality(m);
      const profile = await profileOf(m);
      const band: PopulationBand = populationBand(profile.population);
      const mine = await withTenant(db, m, async (trx) => {
        const months = (await trx.selectFrom('insights.metricMonth').select('month').distinct().where('municipalityCode', '=', m).orderBy('month', 'desc').execute()).map((r) => r.month);
        // Default: the latest complete month (the current one only while nothing else exists).
        const current = today().slice(0, 7);
        const chosen = month && months.includes(month) ? month : months.find((x) => x < current) ?? months[0];
        const metrics = chosen ? await trx.selectFrom('insights.metricMonth').selectAll().where('municipalityCode', '=', m).where('month', '=', chosen).execute() : [];
        const counter = await trx.selectFrom('insights.counterMonth').selectAll().where('municipalityCode', '=', m).orderBy('month', 'desc').limit(12).execute();
        const titles = await trx.selectFrom('cases.caseType').select(['code', 'titleJa', 'titleEn', 'version']).where('municipalityCode', '=', m).orderBy('version').execute();
        const trend = await trx.selectFrom('insights.metricMonth').select(['month', 'cases', 'leadMedianHours', 'onlineShare', 'autoShare'])
          .where('municipalityCode', '=', m).where('procedure', '=', 'all').where('channel', '=', 'all').orderBy('month').execute();
        return { months, chosen, metrics, counter, titles, trend };
      });
      const cls = muni && (PEER_CLASSES as readonly string[]).includes(muni.class) ? muni.class : null;
      // Peers of the same class, in the same population band and in the whole class; hidden below five unless all agreed to be named.
      const peerRows = mine.chosen && cls ? await withPlatform(db, (trx) => trx.selectFrom('insights.peerMonth').selectAll()
        .where('month', '=', mine.chosen!).where('municipalityClass', '=', cls).where('populationBand', 'in', [band, 'all']).execute()) : [];
      const peers = new Map<string, PeerStat>();
      let hidden = 0;
      for (const r of peerRows) {
        if (r.contributors < MIN_PEERS && !r.allNamed) { hidden++; continue; }
        peers.set(`${r.procedure}|${r.channel}|${r.populationBand}|${r.metric}`, { contributors: r.contributors, p25: Number(r.p25), median: Number(r.median), p75: Number(r.p75) });
      }
      const titles = new Map(mine.titles.map((t) => [t.code, { ja: t.titleJa, en: t.titleEn }]));
      return {
        municipality: { code: m, name: muni?.name ?? m, prefectureName: muni?.prefectureName ?? '', class: cls },
        profile, band, targets: await targetsOf(m), months: mine.months, month: mine.chosen ?? null, hiddenPeerGroups: hidden,
        metrics: mine.metrics.map((r) => ({
          procedure: r.procedure, procedureTitle: r.procedure === 'all' ? null : titles.get(r.procedure) ?? { ja: r.procedure, en: r.procedure }, channel: r.channel, cases: r.cases,
          leadMedianHours: Number(r.leadMedianHours), leadP90Hours: Number(r.leadP90Hours), touchMinutesAvg: Number(r.touchMinutesAvg), waitingHoursAvg: Number(r.waitingHoursAvg),
          withinLegalShare: num(r.withinLegalShare), withinTargetShare: num(r.withinTargetShare), onlineShare: Number(r.onlineShare), autoShare: Number(r.autoShare),
          costPerCaseYen: Number(r.costPerCaseYen), hoursSaved: Number(r.hoursSaved),
        })),
        peer: (procedure: string, channel: string, metric: string, which: 'band' | 'class') => peers.get(`${procedure}|${channel}|${which === 'band' ? band : 'all'}|${metric}`) ?? null,
        counter: mine.counter.map((r) => ({ month: r.month, tickets: r.tickets, waitMedianMinutes: Number(r.waitMedianMinutes), waitP90Minutes: Number(r.waitP90Minutes), serviceAvgMinutes: Number(r.serviceAvgMinutes), visits: r.visits, visitMedianMinutes: num(r.visitMedianMinutes) })),
        trend: mine.trend.map((r) => ({ month: r.month, cases: r.cases, leadMedianHours: Number(r.leadMedianHours), onlineShare: Number(r.onlineShare), autoShare: Number(r.autoShare) })),
      };
    },

    /** The municipality's insights settings. */
    async profile(actor: Actor) {
      assertAllowed(actor, 'insights:read');
      return profileOf(actor.municipalityCode);
    },

    /** Changes the settings (administrators): population, hourly cost, counter baseline, consent to be named. */
    async updateProfile(actor: Actor, input: { population: number | null; hourlyCostYen: number; counterBaselineMinutes: number; namedConsent: boolean }) {
      assertAllowed(actor, 'tenant:configure');
      const pos = (v: number | null, what: string) => { if (v !== null && (!Number.isInteger(v) || v <= 0 || v > 100_000_000)) throw INSIGHTS_ERRORS.badProfile(what); };
      pos(input.population, '人口'); pos(input.hourlyCostYen, '時間単価'); pos(input.counterBaselineMinutes, '窓口の標準処理時間');
      const m = actor.municipalityCode;
      await withTenant(db, m, (trx) => trx.insertInto('insights.profile').values({ municipalityCode: m, ...input, updatedAt: clock.now() })
        .onConflict((oc) => oc.column('municipalityCode').doUpdateSet({ ...input, updatedAt: clock.now() })).execute());
    },

    /** The settings screen: the profile, the class (from the national list), the band and the KPI targets. */
    async settings(actor: Actor) {
      assertAllowed(actor, 'insights:read');
      const m = actor.municipalityCode;
      const profile = await profileOf(m);
      const muni = findMunicipality(m);
      return { profile, municipalityClass: muni?.class ?? null, band: populationBand(profile.population), targets: await targetsOf(m) };
    },

    /**
     * Saves the settings and the KPI targets at once (administrators); a target left empty (null) is removed. Checked
     * before anything is written: a refused input changes nothing. Saving the same values again changes nothing.
     */
    async saveSettings(actor: Actor, input: { population: number | null; hourlyCostYen: number; counterBaselineMinutes: number; namedConsent: boolean; targets: Partial<Record<string, number | null>> }) {
      assertAllowed(actor, 'tenant:configure');
      const pos = (v: number | null, what: string) => { if (v !== null && (!Number.isInteger(v) || v <= 0 || v > 100_000_000)) throw INSIGHTS_ERRORS.badProfile(what); };
      pos(input.population, '人口'); pos(input.hourlyCostYen, '時間単価'); pos(input.counterBaselineMinutes, '窓口の標準処理時間');
      for (const [metric, v] of Object.entries(input.targets)) {
        if (!isKpiMetric(metric)) throw INSIGHTS_ERRORS.badTarget(metric);
        if (v !== null && v !== undefined && !targetInRange(metric, v)) throw INSIGHTS_ERRORS.badTarget(KPI_LABELS[metric]);
      }
      const m = actor.municipalityCode;
      const now = clock.now();
      const { targets, ...profile } = input;
      await withTenant(db, m, async (trx) => {
        await trx.insertInto('insights.profile').values({ municipalityCode: m, ...profile, updatedAt: now })
          .onConflict((oc) => oc.column('municipalityCode').doUpdateSet({ ...profile, updatedAt: now })).execute();
        for (const [metric, v] of Object.entries(targets)) {
          if (v === null || v === undefined) await trx.deleteFrom('insights.kpiTarget').where('municipalityCode', '=', m).where('metric', '=', metric).execute();
          else await trx.insertInto('insights.kpiTarget').values({ municipalityCode: m, metric, target: v, updatedBy: actor.loginId, updatedAt: now })
            .onConflict((oc) => oc.columns(['municipalityCode', 'metric']).doUpdateSet({ target: v, updatedBy: actor.loginId, updatedAt: now })).execute();
        }
      });
    },

    /** Recomputes the insights from a day on (default: the start of the previous month). */
    async refresh(opts: { fromDay?: string; codes?: string[] } = {}) {
      return refreshAll(db, opts.fromDay ?? defaultFromDay(today()), opts.codes);
    },

    /** The survey definitions (global data). */
    surveys,

    /** The survey form of the actor's municipality: this year's answers, else last year's (prefilled). */
    async surveyForm(actor: Actor) {
      assertAllowed(actor, 'insights:read');
      const m = actor.municipalityCode;
      const referenceDate = referenceDateOf(today());
      const previous = previousReferenceDate(referenceDate);
      const list = await surveys();
      const answers = await withTenant(db, m, (trx) => trx.selectFrom('insights.surveyAnswer').selectAll().where('municipalityCode', '=', m)
        .where('referenceDate', 'in', [referenceDate, previous]).execute());
      return {
        referenceDate, previous,
        items: list.map((s) => {
          const now = answers.find((a) => a.surveyCode === s.surveyCode && a.referenceDate === referenceDate);
          const before = answers.find((a) => a.surveyCode === s.surveyCode && a.referenceDate === previous);
          return { surveyCode: s.surveyCode, titleJa: s.titleJa, titleEn: s.titleEn, definitionJa: s.definitionJa,
            implemented: now?.implemented ?? before?.implemented ?? null, note: now?.note ?? before?.note ?? '', answered: !!now, prefilled: !now && !!before, answeredAt: now?.answeredAt ?? null };
        }),
      };
    },

    /** Records the municipality's answers for this year's reference date (repeating it changes nothing further). */
    async answerSurveys(actor: Actor, answers: Array<{ surveyCode: string; implemented: boolean; note?: string }>) {
      assertAllowed(actor, 'insights:answer-survey');
      const m = actor.municipalityCode;
      const known = new Set((await surveys()).map((s) => s.surveyCode));
      for (const a of answers) if (!known.has(a.surveyCode)) throw INSIGHTS_ERRORS.unknownSurvey();
      const muni = findMunicipality(m);
      const cls = muni?.class === '行政区' || !muni ? '一般市' : muni.class;
      const referenceDate = referenceDateOf(today());
      await withTenant(db, m, async (trx) => {
        for (const a of answers) {
          const row = { implemented: a.implemented, note: (a.note ?? '').slice(0, 500), answeredBy: actor.loginId, answeredAt: clock.now() };
          await trx.insertInto('insights.surveyAnswer').values({ municipalityCode: m, surveyCode: a.surveyCode, referenceDate, municipalityClass: cls, ...row })
            .onConflict((oc) => oc.columns(['municipalityCode', 'surveyCode', 'referenceDate']).doUpdateSet(row)).execute();
        }
      });
      await refreshSurveyResults(db.owner);
      return { referenceDate };
    },

    /**
     * The operator's import of the national survey (every municipality, served here or not), each with its class on the
     * reference date: the figures the 総務省 collected. Runs as the owner in one transaction; a bad line changes nothing.
     */
    async importSurveyAnswers(rows: Array<{ municipalityCode: string; surveyCode: string; referenceDate: string; implemented: boolean; municipalityClass: string }>, importedBy = 'operator') {
      const known = new Set((await surveys()).map((s) => s.surveyCode));
      rows.forEach((r, i) => {
        if (!known.has(r.surveyCode)) throw INSIGHTS_ERRORS.badImport(i + 1, '調査が見つかりません');
        if (!/^\d{4}-04-01$/.test(r.referenceDate)) throw INSIGHTS_ERRORS.badImport(i + 1, '基準日は4月1日の日付で入力してください');
        if (!findMunicipality(r.municipalityCode)) throw INSIGHTS_ERRORS.badImport(i + 1, '団体コードが見つかりません');
        if (!(SURVEY_CLASSES as readonly string[]).includes(r.municipalityClass)) throw INSIGHTS_ERRORS.badImport(i + 1, '団体区分が正しくありません');
      });
      const now = clock.now();
      await db.owner.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += 500) {
          await trx.insertInto('insights.surveyAnswer').values(rows.slice(i, i + 500).map((r) => ({ ...r, answeredBy: importedBy, answeredAt: now })))
            .onConflict((oc) => oc.columns(['municipalityCode', 'surveyCode', 'referenceDate']).doUpdateSet((eb) => ({
              implemented: eb.ref('excluded.implemented'), municipalityClass: eb.ref('excluded.municipalityClass'), answeredBy: eb.ref('excluded.answeredBy'), answeredAt: eb.ref('excluded.answeredAt') }))).execute();
        }
      });
      await refreshSurveyResults(db.owner);
      return { imported: rows.length };
    },

    /** Published results (no login needed: aggregates of a public survey). */
    async surveyResults(): Promise<{ surveys: Awaited<ReturnType<typeof surveys>>; results: SurveyResultRow[]; dates: string[] }> {
      const defs = await surveys();
      const results = await withPlatform(db, (trx) => trx.selectFrom('insights.surveyResult').selectAll().orderBy('referenceDate').execute());
      return { surveys: defs, results, dates: [...new Set(results.map((r) => r.referenceDate))].sort().reverse() };
    },

    /** The open-data CSV of every survey result. */
    async surveyResultsCsv(): Promise<string> {
      const defs = await surveys();
      const results = await withPlatform(db, (trx) => trx.selectFrom('insights.surveyResult').selectAll().execute());
      return surveyCsv(defs, results);
    },

    /** Counts rows of a municipality's tenant tables visible in its own transaction (used by the isolation test). */
    async visibleRowCounts(m: string) {
      return withTenant(db, m, async (trx) => (await sql<{ t: string; n: number }>`
        SELECT 'metric' AS t, count(*)::int AS n FROM insights.metric_month UNION ALL SELECT 'fact', count(*)::int FROM insights.case_fact
        UNION ALL SELECT 'answer', count(*)::int FROM insights.survey_answer UNION ALL SELECT 'profile', count(*)::int FROM insights.profile`.execute(trx)).rows);
    },
  };
}

export type InsightsService = ReturnType<typeof createInsightsService>;
