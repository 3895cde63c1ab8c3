// SPDX-License-Identifier: EUPL-1.2
/** Public surface of online procedures (電子申請): what the web UI and the composition root may import. */
export { createProcedures, createNotifications } from './procedures.module.ts';
export { notificationMessage, MAX_ATTEMPTS as NOTIFICATION_MAX_ATTEMPTS, type NotificationsService } from './notifications.service.ts';
export type { ProceduresService, OfferedProcedure } from './procedures.service.ts';
export type { ProceduresIntake } from './procedures-intake.ts';
export { attachmentNeeded } from './procedures.service.ts';
export { STANDARD_PROCEDURES, procedureOf } from './definitions/index.ts';
export type { ProcedureDefinition, PageDef, FieldDef, AttachmentDef } from './procedure-definition.ts';
export { isShown, getPath, type FieldErrors, type FormBody, type ApplicationData } from './procedure-form.ts';
export { PROCEDURE_ERRORS } from './procedures-errors.ts';
export type { MemberChoice } from './procedure-prefill.ts';
