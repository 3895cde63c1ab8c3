// SPDX-License-Identifier: EUPL-1.2
/** Public surface of the insights domain (見える化). */
export { createInsightsService, INSIGHTS_ERRORS, PEER_CLASSES, type InsightsService, type PeerStat } from './insights.service.ts';
export { refreshAll, refreshMunicipality, refreshPeers, refreshSurveyResults, defaultFromDay, PEER_METRICS } from './insights-refresh.ts';
export { POPULATION_BANDS, populationBand, MIN_PEERS, type PopulationBand } from './population-band.ts';
export { SURVEY_ROWS, surveyTable, percent, dantai, kpiProgress, surveyCsv, referenceDateOf, type SurveyTableRow, type SurveyResultRow } from './survey-tables.ts';
export { pickDemoMunicipalities, generateMunicipalityActivity, runInsightsDemo, type DemoMunicipality } from './insights-demo.ts';
export { createProcessService, PROCESS_SOURCES, PROCESS_ERRORS, MAX_TRACES, lastTwelveMonths, type ProcessService, type ProcessSource, type ProcessQuery } from './process.service.ts';
export { mineProcess, quantile, START, END, type ProcessMap, type Trace, type EdgeStat, type VariantStat, type ActivityStat } from './process-map.ts';
export { toXes, xmlAttr } from './xes-export.ts';
export { refreshTraces, ACCESS_LOG_WINDOW_DAYS } from './process-trace-refresh.ts';
export { demoMoveInTrace } from './insights-demo-move-in.ts';
export { KPI_METRICS, meetsTarget, isKpiMetric, type KpiMetric } from './kpi-targets.ts';
