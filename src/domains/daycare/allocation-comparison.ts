// SPDX-License-Identifier: EUPL-1.2
/**
 * Agreement with a reference allocation (照合): the share of children with the same outcome (status and
 * facility) as the reference — staff's manual result or another system's — with every difference and the
 * reason our result gives for it. The reference is also checked by the independent verifier.
 */
import { verify, type AllocationRequest, type AllocationResult, type Assignment, type AssignmentStatus, type ReasonCode } from './index.ts';
import { parseCsv } from './application-csv.ts';

/** One child whose outcome differs from the reference. */
export interface Difference {
  childId: string;
  ours: Pick<Assignment, 'status' | 'facilityId' | 'preferenceRank'>;
  reference: Pick<Assignment, 'status' | 'facilityId'>;
  /** Why our result did not give the child the reference's facility (when the child listed it above its outcome). */
  reasonAtReference: ReasonCode | null;
}

/** The comparison report. */
export interface ComparisonReport {
  children: number;
  same: number;
  agreementRate: number;
  differences: Difference[];
  /** Children of the request the reference does not mention. */
  missing: string[];
  /** Children in the reference that the request does not have. */
  unknown: string[];
  ours: { offers: number; holds: number; stays: number };
  reference: { offers: number; holds: number; stays: number };
  /** The verifier's verdict on the reference. */
  referenceCheck: { status: string; capacityViolations: number; individualRationalityViolations: number; blockingCoalitions: number };
}

/** Raised when the reference file cannot be read. */
export class ReferenceFormatError extends Error {}

const STATUS_ALIASES: Record<string, AssignmentStatus> = { OFFER: 'OFFER', 内定: 'OFFER', HOLD: 'HOLD', 保留: 'HOLD', STAY: 'STAY', 在園継続: 'STAY', 継続: 'STAY' };

/**
 * Reads a reference: a v1 result JSON (only `assignments` is read) or a CSV with the columns
 * childId/児童番号, status/結果 (OFFER 内定, HOLD 保留, STAY 在園継続) and facilityId/施設.
 */
export function parseReference(text: string): Assignment[] {
  const trimmed = text.replace(/^\ufeff/, '').trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let value: unknown;
    try { value = JSON.parse(trimmed); } catch { throw new ReferenceFormatError('JSONとして読めません'); }
    const list = Array.isArray(value) ? value : (value as { assignments?: unknown }).assignments;
    if (!Array.isArray(list)) throw new ReferenceFormatError('assignments の配列がありません');
    return list.map((a, i) => {
      const o = a as Record<string, unknown>;
      const status = STATUS_ALIASES[String(o.status)];
      if (typeof o.childId !== 'string' || !status) throw new ReferenceFormatError(`assignments[${i}] の childId または status が正しくありません`);
      return { childId: o.childId, status, facilityId: typeof o.facilityId === 'string' ? o.facilityId : null, preferenceRank: typeof o.preferenceRank === 'number' ? o.preferenceRank : null };
    });
  }
  const rows = parseCsv(trimmed);
  const header = (rows[0] ?? []).map((h) => h.trim());
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const c = col('childId', '児童番号');
  const s = col('status', '結果');
  const f = col('facilityId', '施設');
  if (c < 0 || s < 0) throw new ReferenceFormatError('CSVには 児童番号（childId）と 結果（status）の列が必要です');
  return rows.slice(1).map((r, i) => {
    const status = STATUS_ALIASES[(r[s] ?? '').trim()];
    if (!status) throw new ReferenceFormatError(`${i + 2}行目の結果「${r[s] ?? ''}」が読めません（内定・保留・在園継続）`);
    return { childId: (r[c] ?? '').trim(), status, facilityId: f >= 0 && (r[f] ?? '').trim() ? r[f]!.trim() : null, preferenceRank: null };
  });
}

const count = (list: Pick<Assignment, 'status'>[]) => ({
  offers: list.filter((a) => a.status === 'OFFER').length,
  holds: list.filter((a) => a.status === 'HOLD').length,
  stays: list.filter((a) => a.status === 'STAY').length,
});

/** Compares our result with a reference allocation of the same request. */
export function compareAllocations(
  request: AllocationRequest, ours: Pick<AllocationResult, 'assignments' | 'explanations'>, reference: Assignment[],
): ComparisonReport {
  const ref = new Map<string, Assignment>();
  for (const a of reference) if (!ref.has(a.childId)) ref.set(a.childId, a);
  const known = new Set(ours.assignments.map((a) => a.childId));
  const explanations = new Map(ours.explanations.map((e) => [e.childId, e]));
  const differences: Difference[] = [];
  const missing: string[] = [];
  let same = 0;
  for (const a of ours.assignments) {
    const r = ref.get(a.childId);
    if (!r) { missing.push(a.childId); continue; }
    const sameFacility = a.status === 'HOLD' || (a.facilityId ?? null) === (r.facilityId ?? null);
    if (a.status === r.status && sameFacility) { same++; continue; }
    const why = r.facilityId ? explanations.get(a.childId)?.perPreference.find((p) => p.facilityId === r.facilityId)?.reason ?? null : null;
    differences.push({
      childId: a.childId,
      ours: { status: a.status, facilityId: a.facilityId, preferenceRank: a.preferenceRank },
      reference: { status: r.status, facilityId: r.facilityId },
      reasonAtReference: why,
    });
  }
  const unknown = [...ref.keys()].filter((id) => !known.has(id));
  const check = verify(request, { assignments: reference });
  return {
    children: ours.assignments.length, same,
    agreementRate: ours.assignments.length === 0 ? 1 : same / ours.assignments.length,
    differences, missing, unknown,
    ours: count(ours.assignments), reference: count([...ref.values()].filter((a) => known.has(a.childId))),
    referenceCheck: {
      status: check.status, capacityViolations: check.checks.capacityViolations,
      individualRationalityViolations: check.checks.individualRationalityViolations, blockingCoalitions: check.checks.blockingCoalitions,
    },
  };
}
