// Insights (issue #12): the daily aggregates from the case event log and the counter's tickets, the peer comparison
// (shown only with five or more municipalities unless all agreed to be named), the isolation between municipalities,
// and the reform surveys reproducing the 総務省's tables of 平成30年4月1日 to the digit.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/test-app.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { japanDay } from '../../platform/dates/jp-date.ts';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import { nationalMunicipalityList } from '../../platform/tenancy/municipality-list.ts';
import { pickDemoMunicipalities, runInsightsDemo, surveyTable, type DemoMunicipality } from './index.ts';

const SHIOJIRI = '202151';
const actorOf = (m: string, roles: Role[] = ['analyst']): Actor => ({
  type: 'staff', municipalityCode: m, staffId: '00000000-0000-4000-8000-000000000001', loginId: 'bunseki', displayName: '分析 四郎', roles,
  csrfToken: '', sessionTokenHash: '', authMethod: 'password',
});

describe('insights: aggregates and peers', () => {
  const t = useTestApp();
  let list: DemoMunicipality[];
  let endDay: string;

  beforeAll(async () => {
    endDay = japanDay(t.services.clock.now());
    // 塩尻市, six 一般市 of its band (5万〜10万), two 町村 (too few to compare, not named).
    const picked = pickDemoMunicipalities({ seed: 'test', count: 22, casesPerThousand: 2, maxCases: 150 });
    list = [...picked.filter((m) => m.code === SHIOJIRI || (m.population >= 50_000 && m.population < 100_000 && m.code !== SHIOJIRI)).slice(0, 7),
      ...picked.filter((m) => m.population < 40_000).slice(0, 2).map((m) => ({ ...m, namedConsent: false }))];
    await runInsightsDemo(t.services, { endDay, days: 120, seed: 'test', municipalities: list });
  }, 120_000);

  it('computes every metric per month, procedure and channel from the cases, consistent with the case facts', async () => {
    const d = await t.services.insights.dashboard(actorOf(SHIOJIRI));
    expect(d.municipality).toMatchObject({ name: '塩尻市', class: '一般市' });
    expect(d.band).toBe('50k-100k');
    const all = d.metrics.find((r) => r.procedure === 'all' && r.channel === 'all')!;
    const facts = await withTenant(t.services.db, SHIOJIRI, (trx) => trx.selectFrom('insights.caseFact').selectAll().where('month', '=', d.month!).execute());
    expect(all.cases).toBe(facts.length);
    expect(all.cases).toBeGreaterThan(0);
    const sorted = facts.map((f) => f.leadSeconds).sort((a, b) => a - b);
    expect(all.leadMedianHours).toBeLessThanOrEqual(all.leadP90Hours);
    expect(all.leadP90Hours * 3600).toBeLessThanOrEqual(sorted.at(-1)! + 36);
    expect(all.onlineShare).toBeCloseTo(facts.filter((f) => f.channel === 'online').length / facts.length, 3);
    expect(all.autoShare).toBeCloseTo(facts.filter((f) => f.autoApproved).length / facts.length, 3);
    // Cost per case = touch minutes × the configured hourly cost (4,000 円 by default).
    const touch = facts.reduce((a, f) => a + f.touchSeconds, 0) / facts.length;
    expect(all.costPerCaseYen).toBeCloseTo(Math.round((touch * 4000) / 3600), 0);
    // Channels sum to the whole; automatic cases cost no staff time.
    const byChannel = d.metrics.filter((r) => r.procedure === 'all' && r.channel !== 'all');
    expect(byChannel.reduce((a, r) => a + r.cases, 0)).toBe(all.cases);
    expect(all.hoursSaved).toBeGreaterThan(0);
    expect(d.counter.length).toBeGreaterThan(0);
    expect(d.counter[0]!.waitMedianMinutes).toBeGreaterThan(0);
  });

  it('shows the peers of the same class and band when five or more contribute, and hides smaller groups', async () => {
    const d = await t.services.insights.dashboard(actorOf(SHIOJIRI));
    const peer = d.peer('all', 'all', 'lead_median_hours', 'band');
    expect(peer).not.toBeNull();
    expect(peer!.contributors).toBe(7);
    expect(peer!.p25).toBeLessThanOrEqual(peer!.median);
    expect(peer!.median).toBeLessThanOrEqual(peer!.p75);
    const town = list.find((m) => m.population < 40_000)!;
    const small = await t.services.insights.dashboard(actorOf(town.code));
    expect(small.peer('all', 'all', 'lead_median_hours', 'class')).toBeNull();
    expect(small.hiddenPeerGroups).toBeGreaterThan(0);
    // A group under five is shown when every member agreed to be named.
    await t.services.db.owner.updateTable('insights.profile').set({ namedConsent: true }).where('municipalityCode', 'in', list.filter((m) => m.population < 40_000).map((m) => m.code)).execute();
    await t.services.insights.refresh({ fromDay: '2000-01-01' });
    const named = await t.services.insights.dashboard(actorOf(town.code, ['admin']));
    expect(named.month).toBe(small.month);
    expect(named.peer('all', 'all', 'lead_median_hours', 'class')?.contributors).toBe(2);
  });

  it('never lets a municipality read another one\'s rows (row-level security on every tenant table of the insights)', async () => {
    const other = list[1]!.code;
    for (const table of ['insights.metric_month', 'insights.case_fact', 'insights.counter_month', 'insights.profile']) {
      const rows = await withTenant(t.services.db, SHIOJIRI, (trx) => sql<{ m: string }>`SELECT DISTINCT municipality_code AS m FROM ${sql.raw(table)}`.execute(trx));
      expect(rows.rows.map((r) => r.m)).toEqual([SHIOJIRI]);
      const named = await withTenant(t.services.db, SHIOJIRI, (trx) => sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE municipality_code = ${other}`.execute(trx));
      expect(named.rows[0]!.n).toBe(0);
    }
    // Writing another municipality's row is refused by the policy.
    await expect(withTenant(t.services.db, SHIOJIRI, (trx) => sql`INSERT INTO insights.profile (municipality_code, population) VALUES (${other}, 1)`.execute(trx))).rejects.toThrow(/row-level security/);
    // The peer table holds no municipality code at all.
    const cols = (await sql<{ c: string }>`SELECT column_name AS c FROM information_schema.columns WHERE table_schema = 'insights' AND table_name = 'peer_month'`.execute(t.services.db.owner)).rows.map((r) => r.c);
    expect(cols).not.toContain('municipality_code');
  });

  it('refuses the dashboard to roles without insights:read, and settings outside tenant:configure', async () => {
    await expect(t.services.insights.dashboard(actorOf(SHIOJIRI, ['counter']))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(t.services.insights.updateProfile(actorOf(SHIOJIRI), { population: 1, hourlyCostYen: 1, counterBaselineMinutes: 1, namedConsent: false })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(t.services.insights.updateProfile(actorOf(SHIOJIRI, ['admin']), { population: -5, hourlyCostYen: 4000, counterBaselineMinutes: 20, namedConsent: false })).rejects.toMatchObject({ code: 'invalid-insights-profile' });
  });

  it('is safe to refresh twice (same aggregates)', async () => {
    const before = await t.services.db.owner.selectFrom('insights.metricMonth').selectAll().orderBy(['municipalityCode', 'month', 'procedure', 'channel']).execute();
    await t.services.insights.refresh({ fromDay: '2000-01-01' });
    const after = await t.services.db.owner.selectFrom('insights.metricMonth').selectAll().orderBy(['municipalityCode', 'month', 'procedure', 'channel']).execute();
    expect(after).toEqual(before);
  });
});

describe('insights: the reform surveys (平成30年4月1日)', () => {
  const t = useTestApp();
  // The seed's three tables: [class, implemented, municipalities].
  const SEED = {
    'counter-outsourcing': { 指定都市: 18, 特別区: 20, 中核市: 45, 一般市: 236, 町村: 85 },
    'one-stop-counter': { 指定都市: 9, 特別区: 7, 中核市: 15, 一般市: 119, 町村: 77 },
    'clerical-consolidation': { 都道府県: 46, 指定都市: 16, 特別区: 23, 中核市: 31, 一般市: 269, 町村: 145 },
  } as const;

  it('reproduces the three published tables to the digit from answers consistent with them', async () => {
    // The survey counts 1,741 市区町村: the national list also holds the six villages of the 北方領土 (016951–017001).
    const national = nationalMunicipalityList().filter((r) => !(r.code >= '016950' && r.code <= '017009'));
    // Classes on 2018-04-01: 20 指定都市, 23 特別区, 54 中核市, 718 other cities, 926 町村 (today's 中核市 include some of 2018's other cities).
    const cities = national.filter((r) => r.class === '中核市' || r.class === '一般市').sort((a, b) => (a.class === b.class ? a.code.localeCompare(b.code) : a.class === '中核市' ? -1 : 1));
    const classes: Array<[string, string]> = [
      ...national.filter((r) => r.class === '都道府県').map((r) => [r.code, '都道府県'] as [string, string]),
      ...national.filter((r) => r.class === '指定都市' || r.class === '特別区' || r.class === '町村').map((r) => [r.code, r.class] as [string, string]),
      ...cities.map((r, i) => [r.code, i < 54 ? '中核市' : '一般市'] as [string, string]),
    ];
    const count = (cls: string) => classes.filter(([, c]) => c === cls).length;
    expect([count('指定都市'), count('特別区'), count('中核市'), count('一般市'), count('町村'), count('都道府県')]).toEqual([20, 23, 54, 718, 926, 47]);
    const rows = Object.entries(SEED).flatMap(([surveyCode, implemented]) => {
      const seen: Record<string, number> = {};
      return classes.filter(([, cls]) => cls !== '都道府県' || surveyCode === 'clerical-consolidation').map(([code, cls]) => {
        seen[cls] = (seen[cls] ?? 0) + 1;
        return { municipalityCode: code, surveyCode, referenceDate: '2018-04-01', municipalityClass: cls, implemented: seen[cls]! <= ((implemented as Record<string, number>)[cls] ?? 0) };
      });
    });
    await t.services.insights.importSurveyAnswers(rows);
    const { surveys, results } = await t.services.insights.surveyResults();
    const table = (code: string) => surveyTable(results, code, '2018-04-01', surveys.find((s) => s.surveyCode === code)!.includesPrefectures)
      .map((r) => `${r.labelJa}\t${r.implemented.toLocaleString('ja-JP')}団体\t${r.total.toLocaleString('ja-JP')}団体\t${r.percent}`);
    expect(table('counter-outsourcing')).toEqual([
      '全市区町村\t404団体\t1,741団体\t23.2%', '指定都市\t18団体\t20団体\t90.0%', '特別区\t20団体\t23団体\t87.0%', '中核市\t45団体\t54団体\t83.3%',
      '指定都市・中核市以外の市\t236団体\t718団体\t32.9%', '町村\t85団体\t926団体\t9.2%']);
    expect(table('one-stop-counter')).toEqual([
      '全市区町村\t227団体\t1,741団体\t13.0%', '指定都市\t9団体\t20団体\t45.0%', '特別区\t7団体\t23団体\t30.4%', '中核市\t15団体\t54団体\t27.8%',
      '指定都市・中核市以外の市\t119団体\t718団体\t16.6%', '町村\t77団体\t926団体\t8.3%']);
    expect(table('clerical-consolidation')).toEqual([
      '都道府県\t46団体\t47団体\t97.9%', '全市区町村\t484団体\t1,741団体\t27.8%', '指定都市\t16団体\t20団体\t80.0%', '特別区\t23団体\t23団体\t100.0%',
      '中核市\t31団体\t54団体\t57.4%', '指定都市・中核市以外の市\t269団体\t718団体\t37.5%', '町村\t145団体\t926団体\t15.7%']);
    const csv = await t.services.insights.surveyResultsCsv();
    expect(csv).toContain('窓口業務の民間委託,2018-04-01,全市区町村,404,1741,23.2%');
  }, 120_000);

  it('refuses a bad import line without changing anything', async () => {
    const before = await t.services.db.owner.selectFrom('insights.surveyAnswer').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    await expect(t.services.insights.importSurveyAnswers([
      { municipalityCode: SHIOJIRI, surveyCode: 'one-stop-counter', referenceDate: '2019-04-01', municipalityClass: '一般市', implemented: true },
      { municipalityCode: SHIOJIRI, surveyCode: 'no-such-survey', referenceDate: '2019-04-01', municipalityClass: '一般市', implemented: true },
    ])).rejects.toMatchObject({ code: 'invalid-survey-import' });
    const after = await t.services.db.owner.selectFrom('insights.surveyAnswer').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('prefills last year\'s answers in the console and records this year\'s', async () => {
    await t.tenant(SHIOJIRI);
    const form = await t.services.insights.surveyForm(actorOf(SHIOJIRI));
    const lastYear = await t.services.db.owner.selectFrom('insights.surveyAnswer').selectAll().where('municipalityCode', '=', SHIOJIRI).where('referenceDate', '=', form.previous).execute();
    // Enter last year's answer as the operator would have imported it, then open the form.
    await t.services.insights.importSurveyAnswers([{ municipalityCode: SHIOJIRI, surveyCode: 'one-stop-counter', referenceDate: form.previous, municipalityClass: '一般市', implemented: true }]);
    expect(lastYear.length).toBeGreaterThanOrEqual(0);
    const prefilled = await t.services.insights.surveyForm(actorOf(SHIOJIRI));
    expect(prefilled.items.find((i) => i.surveyCode === 'one-stop-counter')).toMatchObject({ implemented: true, prefilled: true, answered: false });
    await t.services.insights.answerSurveys(actorOf(SHIOJIRI), [{ surveyCode: 'one-stop-counter', implemented: true }, { surveyCode: 'ai-rpa', implemented: false }]);
    const answered = await t.services.insights.surveyForm(actorOf(SHIOJIRI));
    expect(answered.items.find((i) => i.surveyCode === 'ai-rpa')).toMatchObject({ implemented: false, answered: true });
    await expect(t.services.insights.answerSurveys(actorOf(SHIOJIRI, ['counter']), [])).rejects.toMatchObject({ code: 'forbidden' });
    await expect(t.services.insights.answerSurveys(actorOf(SHIOJIRI), [{ surveyCode: 'x', implemented: true }])).rejects.toMatchObject({ code: 'unknown-survey' });
  });
});
