// SPDX-License-Identifier: EUPL-1.2
/**
 * The result of an online 保育所等利用申込 as its parent sees it in the portal: nothing until the round is decided
 * (決定; before that the outcome may still change, issue #9), then per child the 内定/保留 and the explanation
 * (the same sentences as the notice and the clerk's script: the family's own score, never another child's).
 */
import type { TenantTx } from '../../platform/tenancy/tenant-transaction.ts';
import { explanationScript, type ScriptLang } from './explanation-script.ts';
import type { RoundStore } from './round-store.ts';
import type { DaycareRepository } from './daycare.repository.ts';

/** One child's outcome for the parent. */
export interface ResidentChildResult {
  childName: string;
  status: 'OFFER' | 'HOLD' | 'STAY';
  facilityName: string | null;
  preferenceRank: number | null;
  /** The family's own 利用調整指数. */
  score: number;
  summary: string;
  lines: string[];
  closing: string[];
}

/** A case's daycare result: still being decided, or decided with each child's outcome. */
export type ResidentDaycareResult =
  | { state: 'pending'; roundName: string }
  | { state: 'decided'; roundName: string; decidedAt: Date | null; children: ResidentChildResult[] };

/** Reads the result of the household entered from case `caseNo` (household id `case-<caseNo>`) in the round. */
export async function residentResultIn(repo: DaycareRepository, store: RoundStore, trx: TenantTx, m: string, roundId: string, caseNo: string, lang: ScriptLang): Promise<ResidentDaycareResult | null> {
  const round = await repo.findRound(trx, roundId);
  if (!round) return null;
  const householdId = `case-${caseNo}`;
  if (round.status !== 'confirmed' || round.currentRunNo === null) return { state: 'pending', roundName: round.name };
  const run = await store.loadRun(trx, m, roundId, round.currentRunNo);
  const household = run?.request.households.find((h) => h.id === householdId);
  if (!run || !household) return null;
  const contents = await store.loadContents(trx, roundId);
  const names = new Map((contents.households.find((h) => h.householdId === householdId)?.children ?? []).map((c) => [c.childId, c.childName]));
  const children = household.children.flatMap((c) => {
    const s = explanationScript(run.request, run.result, c.id, lang);
    if (!s) return [];
    return [{ childName: names.get(c.id) ?? '', status: s.status, facilityName: s.facilityName, preferenceRank: s.preferenceRank, score: s.score, summary: s.summary,
      lines: s.lines.map((l) => (lang === 'ja' ? `第${l.rank}希望「${l.facilityName}」: ${l.text}` : `Choice ${l.rank} "${l.facilityName}": ${l.text}`)), closing: s.closing }];
  });
  return { state: 'decided', roundName: round.name, decidedAt: round.confirmedAt ?? null, children };
}
