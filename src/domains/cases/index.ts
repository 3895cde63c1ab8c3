// SPDX-License-Identifier: EUPL-1.2
/** Public surface of the cases domain: what other domains, the web UI and the composition root may import. */
export { casesRoutes } from './cases.routes.ts';
export { STANDARD_CASE_TYPES } from './standard-case-types.ts';
export { RULE_LABELS } from './review-rules.ts';
export { businessDaysBetween, deadlineState, dueDate, isBusinessDay } from './business-days.ts';
export { CASE_ERRORS } from './cases-errors.ts';
export type { CasesModule } from './cases.module.ts';
export { createCases } from './cases.module.ts';
export type { CasesService } from './cases.service.ts';
export type { CaseTypeService } from './case-types.service.ts';
export type { Operator } from './case-engine.ts';
export type { CaseSubmission } from './cases.schema.ts';
export type { CorrectionAnswer } from './cases.service.ts';
