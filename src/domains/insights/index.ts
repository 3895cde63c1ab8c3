// SPDX-License-Identifier: EUPL-1.2
/** Public surface of the insights domain (見える化). */
export { createInsightsService, INSIGHTS_ERRORS, PEER_CLASSES, type InsightsService, type PeerStat } from './insights.service.ts';
export { refreshAll, refreshMunicipality, refreshPeers, refreshSurveyResults, defaultFromDay, PEER_METRICS } from './insights-refresh.ts';
export { POPULATION_BANDS, populationBand, MIN_PEERS, type PopulationBand } from './population-band.ts';
export { SURVEY_ROWS, surveyTable, percent, dantai, kpiProgress, surveyCsv, referenceDateOf, type SurveyTableRow, type SurveyResultRow } from './survey-tables.ts';
export { pickDemoMunicipalities, generateMunicipalityActivity, runInsightsDemo, type DemoMunicipality } from './insights-demo.ts';
