// SPDX-License-Identifier: EUPL-1.2
/** Fixed UI text of the insights pages (見える化), Japanese first with English. */
import type { Lang } from '../ui/i18n.ts';

const ja = {
  title: '見える化',
  lead: '手続ごとの処理時間・作業時間・コストを、同じ区分・同じ人口規模の団体と比べます。個人を特定できる情報は含みません。',
  month: '対象月', show: '表示', noData: 'まだ集計がありません。集計は毎晩更新されます（運用担当者は jichi insights refresh で今すぐ更新できます）。',
  classLabel: '団体区分', bandLabel: '人口規模', population: '人口', hourlyCost: '職員の時間単価', baseline: '窓口の標準作業時間',
  bands: { lt10k: '1万人未満', '10k-50k': '1万〜5万人', '50k-100k': '5万〜10万人', '100k-300k': '10万〜30万人', ge300k: '30万人以上', unknown: '人口未登録', all: '全規模' } as Record<string, string>,
  classes: { 指定都市: '指定都市', 中核市: '中核市', 特別区: '特別区', 一般市: '一般市', 町村: '町村' } as Record<string, string>,
  summary: '概要（全手続）',
  metrics: {
    cases: '件数', lead_median_hours: '処理期間（中央値）', lead_p90_hours: '処理期間（90%の案件）', touch_minutes_avg: '職員の作業時間（平均）',
    waiting_hours_avg: '待ち時間（平均）', within_legal_share: '法定期限内の割合', within_target_share: '目標期限内の割合', online_share: 'オンライン申請の割合',
    auto_share: '自動処理の割合', cost_per_case_yen: '1件あたりの人件費', hours_saved: '窓口と比べて削減した職員時間',
  } as Record<string, string>,
  peerHeading: '団体間比較',
  peerLead: (cls: string, band: string) => `${cls}・${band}の団体（自団体を含む）の中央値と四分位です。5団体以上が集計に含まれる場合（または全団体が公表に同意している場合）だけ表示します。`,
  peerColumns: { metric: '指標', mine: '自団体', median: '同規模団体の中央値', range: '四分位範囲（25%〜75%）', n: '団体数', cls: '同区分全体の中央値' },
  notShown: '表示できません（5団体未満）',
  hidden: (n: number) => `団体数が5未満のため表示しない比較が${n}件あります。`,
  byProcedure: '手続別', byChannel: '受付方法別',
  columns: { procedure: '手続', channel: '受付方法', cases: '件数', leadMedian: '処理期間 中央値', leadP90: '90%点', touch: '作業時間', waiting: '待ち時間', legal: '法定期限内', target: '目標期限内', online: 'オンライン', auto: '自動処理', cost: '1件の人件費', saved: '削減時間', peerLead: '同規模の中央値' },
  channels: { online: 'オンライン', counter: '窓口', post: '郵送', all: '合計' } as Record<string, string>,
  allProcedures: '全手続',
  counterHeading: '窓口の待ち時間', counterColumns: { month: '月', tickets: '受付票', waitMedian: '待ち時間 中央値', waitP90: '90%点', service: '対応時間 平均' },
  noCounter: '窓口の受付票はまだありません。',
  trendHeading: '月別の推移', trendCaption: '月別の件数（棒）とオンライン申請の割合',
  chartMonthly: '月別の件数', chartWait: '窓口の待ち時間（中央値、分）',
  processLink: 'プロセスマイニング（手続の流れ）', surveysLink: '業務改革の定例調査', openDataLink: 'オープンデータ（公開ページ）',
  surveys: {
    title: '業務改革の定例調査', lead: (d: string) => `基準日 ${d} 時点の実施状況を回答してください。前年度の回答がある場合は、その内容を表示しています。`,
    implemented: '実施している', notImplemented: '実施していない', prefilled: '前年度の回答を表示しています', answered: (when: string) => `回答済み（${when}）`,
    note: '補足（任意）', submit: '回答を保存する', saved: '回答を保存しました。', results: '全国の集計結果', kpi: 'KPI',
    kpiText: (base: string, target: string) => `${base} → ${target}`, progress: (p: number) => `達成度 ${p}%`,
    columns: { cls: '区分', implemented: '導入団体数', total: '市区町村数', share: '割合' }, asOf: (d: string) => `${d}時点`,
    noResults: 'まだ集計結果がありません。', csv: 'CSV をダウンロード', readOnly: '回答は分析担当または管理者が入力します。',
  },
  openData: { title: '業務改革の実施状況（オープンデータ）', lead: '市区町村の業務改革（窓口業務の民間委託、総合窓口の導入など）の実施状況を、団体区分ごとに公開しています。', license: 'この集計は CC BY 4.0 で自由に利用できます。' },
  units: { hours: (v: string) => `${v}時間`, days: (v: string) => `${v}日`, minutes: (v: string) => `${v}分`, yen: (v: string) => `${v}円`, cases: (v: string) => `${v}件` },
};

export type InsightsDictionary = typeof ja;

const en: InsightsDictionary = {
  ...ja,
  title: 'Insights',
  lead: 'Processing, staff and cost per procedure, beside municipalities of the same class and population size. No personal data.',
  month: 'Month', show: 'Show', noData: 'No aggregates yet. They are refreshed every night (operators: jichi insights refresh).',
  classLabel: 'Class', bandLabel: 'Population size', population: 'Population', hourlyCost: 'Hourly staff cost', baseline: 'Counter baseline',
  bands: { lt10k: 'under 10,000', '10k-50k': '10,000–50,000', '50k-100k': '50,000–100,000', '100k-300k': '100,000–300,000', ge300k: '300,000 or more', unknown: 'population not entered', all: 'all sizes' },
  summary: 'Summary (all procedures)',
  metrics: {
    cases: 'Cases', lead_median_hours: 'Lead time (median)', lead_p90_hours: 'Lead time (90th percentile)', touch_minutes_avg: 'Staff time (mean)',
    waiting_hours_avg: 'Waiting time (mean)', within_legal_share: 'Within legal deadline', within_target_share: 'Within service target', online_share: 'Online share',
    auto_share: 'Automatic share', cost_per_case_yen: 'Staff cost per case', hours_saved: 'Staff hours saved vs. counter',
  },
  peerHeading: 'Comparison with peers',
  peerLead: (cls: string, band: string) => `Median and quartiles of ${cls} with ${band} (including yours); shown only when five or more municipalities contribute (or all agreed to be named).`,
  peerColumns: { metric: 'Metric', mine: 'Yours', median: 'Peer median', range: 'Interquartile range', n: 'Municipalities', cls: 'Median of the class' },
  notShown: 'Not shown (fewer than 5)',
  hidden: (n: number) => `${n} comparisons are hidden because fewer than five municipalities contribute.`,
  byProcedure: 'By procedure', byChannel: 'By channel',
  columns: { procedure: 'Procedure', channel: 'Channel', cases: 'Cases', leadMedian: 'Lead time median', leadP90: '90th pct', touch: 'Staff time', waiting: 'Waiting', legal: 'Legal deadline', target: 'Target', online: 'Online', auto: 'Automatic', cost: 'Cost per case', saved: 'Hours saved', peerLead: 'Peer median' },
  channels: { online: 'Online', counter: 'Counter', post: 'Post', all: 'Total' },
  allProcedures: 'All procedures',
  counterHeading: 'Counter waiting times', counterColumns: { month: 'Month', tickets: 'Tickets', waitMedian: 'Waiting median', waitP90: '90th pct', service: 'Service mean' },
  noCounter: 'No counter tickets yet.',
  trendHeading: 'Monthly trend', trendCaption: 'Cases per month (bars) and the online share',
  chartMonthly: 'Cases per month', chartWait: 'Counter waiting time (median, minutes)',
  processLink: 'Process mining', surveysLink: 'Reform surveys', openDataLink: 'Open data (public page)',
  surveys: {
    ...ja.surveys,
    title: 'Reform surveys', lead: (d: string) => `Answer for the reference date ${d}. Last year's answers are shown where they exist.`,
    implemented: 'Implemented', notImplemented: 'Not implemented', prefilled: "Last year's answer", answered: (when: string) => `Answered (${when})`,
    note: 'Note (optional)', submit: 'Save answers', saved: 'Answers saved.', results: 'National results', kpi: 'KPI',
    progress: (p: number) => `${p}% of target`, columns: { cls: 'Class', implemented: 'Implementing', total: 'Municipalities', share: 'Share' }, asOf: (d: string) => `as of ${d}`,
    noResults: 'No results yet.', csv: 'Download CSV', readOnly: 'Answers are entered by analysts or administrators.',
  },
  openData: { title: 'Administrative reform (open data)', lead: 'How many municipalities run each reform (outsourced counters, one-stop counters, …), by class.', license: 'Free to reuse under CC BY 4.0.' },
  units: { hours: (v: string) => `${v} h`, days: (v: string) => `${v} days`, minutes: (v: string) => `${v} min`, yen: (v: string) => `¥${v}`, cases: (v: string) => v },
};

/** The dictionary of a language. */
export const insightsText = (lang: Lang): InsightsDictionary => (lang === 'en' ? en : ja);
