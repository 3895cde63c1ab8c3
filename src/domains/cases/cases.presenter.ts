// SPDX-License-Identifier: EUPL-1.2
/** Rows → API shapes of cases (and the deadline state of the day). */
import { deadlineState } from './business-days.ts';
import type { CaseType } from './case-engine.ts';
import type { CaseRow } from './cases.repository.ts';
import { RULE_LABELS, type CheckResult } from './review-rules.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** A case in a queue. */
export function presentSummary(c: CaseRow, type: CaseType, o: { today: string; closures?: ReadonlySet<string>; failed: number; assigneeName: string | null }) {
  const applicant = parseJson<{ familyName: string; givenName: string; romanName?: string }>(c.applicant);
  return {
    caseId: c.caseId, caseNo: c.caseNo, caseTypeCode: type.code, caseTypeTitle: type.titleJa, caseTypeVersion: type.version, channel: c.channel,
    statusCode: c.statusCode, statusLabel: type.statuses.find((s) => s.code === c.statusCode)?.labelJa ?? c.statusCode,
    receivedOn: c.receivedOn, legalDueOn: c.legalDueOn, targetDueOn: c.targetDueOn,
    deadlineState: c.closedAt ? 'no-deadline' as const : deadlineState(c.legalDueOn, o.today, { suspended: c.suspended, closures: o.closures }),
    suspended: c.suspended, queue: c.queue, assigneeStaffId: c.assigneeStaffId, assigneeName: o.assigneeName, reviewOutcome: c.reviewOutcome,
    resultCode: c.resultCode, closedAt: iso(c.closedAt), applicantName: applicant.familyName ? `${applicant.familyName} ${applicant.givenName}`.trim() : applicant.romanName ?? '', failedChecks: o.failed,
  };
}

/** A stored check with its label. */
export function presentChecks(results: unknown) {
  return parseJson<CheckResult[]>(results).map((x) => ({ ...x, label: RULE_LABELS[x.rule]?.ja ?? '住民記録の確認' }));
}

/** The whole case for the case page. */
export function presentCase(x: {
  c: CaseRow; type: CaseType; today: string; failed: number; assigneeName: string | null;
  history: Array<{ seq: number; statusCode: string; setAt: Date; actorType: string; actorId: string; reason: string }>;
  suspensions: Array<{ fromOn: string; toOn: string | null; reason: string }>;
  notes: Array<{ noteId: string; authorStaffId: string; displayName: string | null; body: string; createdAt: Date }>;
  corrections: Array<{ correctionId: string; message: string; fields: string[]; requestedBy: string; requestedAt: Date; answerMessage: string | null; answeredAt: Date | null }>;
  attachments: Array<{ attachmentId: string; fileName: string; mediaType: string; byteSize: number; sha256: string }>;
  review: { reviewId: string; ruleVersion: string; outcome: string; reviewedAt: Date; results: unknown } | null;
  decision: { outcome: string; reasons: string; decidedByType: string; decidedBy: string; decidedAt: Date; effect: unknown } | null;
}) {
  const { c, type } = x;
  const sub = parseJson<{ subjects: Array<Record<string, unknown>>; data: Record<string, unknown> }>(c.submittedData);
  const label = (code: string) => type.statuses.find((s) => s.code === code)?.labelJa ?? code;
  return {
    ...presentSummary(c, type, { today: x.today, failed: x.failed, assigneeName: x.assigneeName }),
    applicant: parseJson<Record<string, unknown>>(c.applicant), subjects: sub.subjects, data: sub.data, extensionDays: c.extensionDays, version: c.version,
    history: x.history.map((h) => ({ seq: h.seq, statusCode: h.statusCode, statusLabel: label(h.statusCode), setAt: iso(h.setAt)!, actorType: h.actorType, actorId: h.actorId, reason: h.reason })),
    suspensions: x.suspensions.map((s) => ({ from: s.fromOn, to: s.toOn, reason: s.reason })),
    notes: x.notes.map((n) => ({ noteId: n.noteId, authorStaffId: n.authorStaffId, authorName: n.displayName ?? '', body: n.body, createdAt: iso(n.createdAt)! })),
    corrections: x.corrections.map((k) => ({ correctionId: k.correctionId, message: k.message, fields: k.fields, requestedBy: k.requestedBy, requestedAt: iso(k.requestedAt)!,
      answerMessage: k.answerMessage, answeredAt: iso(k.answeredAt) })),
    attachments: x.attachments.map((a) => ({ ...a, byteSize: Number(a.byteSize) })),
    review: x.review ? { reviewId: x.review.reviewId, ruleVersion: x.review.ruleVersion, outcome: x.review.outcome, reviewedAt: iso(x.review.reviewedAt)!, checks: presentChecks(x.review.results) } : null,
    decision: x.decision ? { outcome: x.decision.outcome, reasons: x.decision.reasons, decidedByType: x.decision.decidedByType, decidedBy: x.decision.decidedBy,
      decidedAt: iso(x.decision.decidedAt)!, effect: parseJson<Record<string, unknown>>(x.decision.effect) } : null,
  };
}
