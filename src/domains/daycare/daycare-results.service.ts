// SPDX-License-Identifier: EUPL-1.2
/**
 * Use cases over a round's result: summary, per-child explanation, the publishable cut-off table,
 * what-if runs, comparison with a reference allocation and the offer/hold notices (PDF).
 */
import { csvText, csvValue } from '../../platform/csv/csv-cell.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError, NotFoundError } from '../../platform/http/errors.ts';
import { compareAllocations, parseReference, ReferenceFormatError } from './allocation-comparison.ts';
import { InvalidRoundDataError, type DaycareService, type RequestContext } from './daycare.service.ts';
import type { WhatIfInput } from './daycare.schema.ts';
import { explanationScript, tieBreakLabel, type ScriptLang } from './explanation-script.ts';
import { allocate, allocateNaive, cutoffTable, validateRequest, type ApplicationFacts, type Assignment } from './index.ts';
import { renderNoticePdf } from './notice-pdf.ts';
import { summariseResult } from './round-summary.ts';
import { applyWhatIf, diffResults, WhatIfTargetError } from './what-if.ts';

/** Creates the result-views service on top of the daycare service. */
export function createDaycareResultsService(deps: { daycare: DaycareService; clock: Clock; municipality: (code: string) => Promise<{ name: string; mayorName?: string }> }) {
  const { daycare } = deps;

  return {
    /** Summary of the current result (placed, on hold, first-choice rate, per age class). @throws NoResultError */
    async summary(actor: Actor, roundId: string) {
      const { round, run, upToDate } = await daycare.currentRun(actor, roundId);
      return { round, run, upToDate, summary: summariseResult(run.request, run.result) };
    },

    /** The explanation a clerk reads to a parent; access-logged. @throws NotFoundError, NoResultError */
    async explanation(actor: Actor, roundId: string, childId: string, lang: ScriptLang, ctx: RequestContext) {
      const { round, run } = await daycare.currentRun(actor, roundId);
      const script = explanationScript(run.request, run.result, childId, lang);
      if (!script) throw new NotFoundError('Child', '児童');
      await daycare.logRead(actor, ctx, 'daycare.explanation.read', 'daycare-child', `${roundId}/${childId}`);
      return { round, run, script };
    },

    /** The cut-off table (最低指数) with facility names, in published order. @throws NoResultError */
    async cutoffs(actor: Actor, roundId: string) {
      const { round, run } = await daycare.currentRun(actor, roundId);
      const names = new Map(run.request.facilities.map((f) => [f.id, f.name ?? f.id]));
      const rows = cutoffTable(run.result).map((c) => ({ ...c, facilityName: names.get(c.facilityId) ?? c.facilityId }));
      return { round, run, rows, tieBreak: run.request.policy.tieBreak };
    },

    /** The cut-off table as CSV (UTF-8 with BOM so Excel opens it), ready to publish. */
    async cutoffsCsv(actor: Actor, roundId: string): Promise<string> {
      const { rows, tieBreak } = await this.cutoffs(actor, roundId);
      const header = ['施設番号', '施設名', '年齢クラス', '募集人数', '申込者数', '内定者数', '最低指数', ...tieBreak.map((k) => `最低内定者の${tieBreakLabel(k.key, 'ja')}`)];
      // Facility ids and names are text (guarded against formula injection, issue #15); scores and
      // tie-break values are numbers and may be negative, written as they are.
      const lines = rows.map((r) => [csvText(r.facilityId), csvText(r.facilityName), csvText(`${r.ageClass}歳児`),
        ...[r.seats, r.applicants, r.offers, r.lowestAdmitted?.score ?? '', ...tieBreak.map((k) => r.lowestAdmitted?.tieBreak?.[k.key] ?? '')].map(csvValue)].join(','));
      return `\ufeff${[header.map(csvText).join(','), ...lines].join('\r\n')}\r\n`;
    },

    /** Runs a modified copy of the round (one change) and lists who moves; nothing is stored. */
    async whatIf(actor: Actor, roundId: string, change: WhatIfInput) {
      const { round, run, current, upToDate } = await daycare.loadForViews(actor, roundId);
      const factsByChild = new Map<string, ApplicationFacts>();
      for (const h of current.households) for (const c of h.children) if (c.facts && c.scoreItems) factsByChild.set(c.childId, c.facts);
      let applied;
      try {
        applied = applyWhatIf(current.request, change, { ruleTable: round.ruleTable, factsByChild });
      } catch (err) {
        if (err instanceof WhatIfTargetError) throw new DomainError('daycare-what-if-target', '変更の対象が見つかりません', 422, err.message);
        throw err;
      }
      const problems = validateRequest(applied.request);
      if (problems.length > 0) throw new InvalidRoundDataError(problems);
      const base = upToDate ? run.result : await allocate(current.request);
      const after = await allocate(applied.request);
      const diff = diffResults(base, after, applied.changedChildren);
      return { round, changedChildren: applied.changedChildren, status: after.status, ...diff };
    },

    /**
     * Compares the current result with a reference allocation (a v1 result JSON or a CSV of child, status,
     * facility), or with the engine's naive reference when `reference` is 'naive'.
     * @throws DomainError daycare-reference-invalid
     */
    async compare(actor: Actor, roundId: string, reference: string | 'naive') {
      const { round, run } = await daycare.currentRun(actor, roundId);
      let assignments: Assignment[];
      if (reference === 'naive') assignments = allocateNaive(run.request).assignments;
      else {
        try {
          assignments = parseReference(reference);
        } catch (err) {
          if (err instanceof ReferenceFormatError) throw new DomainError('daycare-reference-invalid', '参照する選考結果を読み取れません', 422, err.message, { reason: err.message });
          throw err;
        }
      }
      return { round, report: compareAllocations(run.request, run.result, assignments) };
    },

    /** The offer (内定) or hold (保留) notice of one child as PDF; access-logged. @throws NotFoundError */
    async notice(actor: Actor, roundId: string, childId: string, ctx: RequestContext) {
      const { round, script } = await this.explanation(actor, roundId, childId, 'ja', ctx);
      const app = await daycare.getApplication(actor, roundId, childId, ctx);
      const m = await deps.municipality(actor.municipalityCode);
      const pdf = await renderNoticePdf({
        municipalityName: m.name, mayorName: m.mayorName, issuedOn: deps.clock.now(), roundName: round.name,
        guardianName: app.household.guardianName, childName: app.child.childName, script,
      });
      await daycare.logRead(actor, ctx, 'daycare.notice.issue', 'daycare-child', `${roundId}/${childId}`);
      return { pdf, status: script.status };
    },
  };
}

export type DaycareResultsService = ReturnType<typeof createDaycareResultsService>;
