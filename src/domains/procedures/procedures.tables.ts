// SPDX-License-Identifier: EUPL-1.2
/**
 * Kysely types of the procedures tables (migrations 0010, 0018, 0021, 0024). Kept here until they move into src/platform/db/types.ts
 * (the generated schema); `tables(trx)` gives the tenant transaction these tables too.
 */
import type { Transaction } from 'kysely';
import type { DB, Generated, Json, Timestamp } from '../../platform/db/types.ts';
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';

export interface ProceduresApplication {
  applicationId: string;
  assurance: Generated<string>;
  caseId: string | null;
  caseNo: string | null;
  createdAt: Timestamp;
  data: Generated<Json>;
  municipalityCode: string;
  prefilled: Generated<boolean>;
  procedureCode: string;
  procedureVersion: number;
  residentId: string;
  status: Generated<string>;
  /** The case submission while the application waits in the inbox (submitted on the internet side, no case yet). */
  submission: Json | null;
  submittedAt: Timestamp | null;
  updatedAt: Timestamp;
}

export interface ProceduresCorrectionAnswer {
  answeredAt: Timestamp;
  applicationId: string;
  correctionId: string;
  message: string;
  municipalityCode: string;
  outcome: string | null;
  processedAt: Timestamp | null;
}

export interface ProceduresDaycareNotice {
  applicationId: string;
  lang: string;
  municipalityCode: string;
  result: Json;
  updatedAt: Timestamp;
}

export interface ProceduresAttachment {
  addedAt: Timestamp;
  applicationId: string;
  attachmentCode: string;
  attachmentId: string;
  byteSize: number;
  content: Buffer;
  fileName: string;
  mediaType: string;
  municipalityCode: string;
  scannedAt: Timestamp | null;
  sha256: string;
  virusScan: Generated<string>;
}

export interface ProceduresIntakeRefusal {
  applicationId: string;
  attempts: Generated<number>;
  code: string;
  detail: Generated<string>;
  firstAt: Timestamp;
  lastAt: Timestamp;
  municipalityCode: string;
  title: string;
}

export interface ProceduresProcedureSetting {
  enabled: Generated<boolean>;
  feeYen: number | null;
  municipalityCode: string;
  noteJa: Generated<string>;
  procedureCode: string;
  updatedAt: Generated<Timestamp>;
  updatedBy: string;
}

export interface ProceduresNotificationContact {
  consentedAt: Timestamp;
  email: string;
  municipalityCode: string;
  residentId: string;
}

export interface ProceduresNotification {
  applicationId: string;
  attempts: Generated<number>;
  createdAt: Generated<Timestamp>;
  event: string;
  eventKey: Generated<string>;
  lastError: string | null;
  municipalityCode: string;
  nextAttemptAt: Generated<Timestamp>;
  notificationId: Generated<string>;
  sentAt: Timestamp | null;
  status: Generated<string>;
}

export interface ProceduresTables {
  "procedures.notification": ProceduresNotification;
  "procedures.notificationContact": ProceduresNotificationContact;
  "procedures.application": ProceduresApplication;
  "procedures.correctionAnswer": ProceduresCorrectionAnswer;
  "procedures.daycareNotice": ProceduresDaycareNotice;
  "procedures.intakeRefusal": ProceduresIntakeRefusal;
  "procedures.attachment": ProceduresAttachment;
  "procedures.procedureSetting": ProceduresProcedureSetting;
}

/** The tenant transaction with the procedures tables. */
export const tables = (trx: TenantTx) => trx as unknown as Transaction<DB & ProceduresTables>;
