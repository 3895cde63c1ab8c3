// Unit tests of the pure modules of the daycare office's tool: CSV import, request building, round 2 seats,
// what-if, comparison, summary and the explanation script.
import { describe, expect, it } from 'vitest';
import { compareAllocations, parseReference } from './allocation-comparison.ts';
import { importApplicationsCsv, parseCsv } from './application-csv.ts';
import { explanationScript } from './explanation-script.ts';
import { allocate, HACHIOJI_STYLE, type AllocationRequest } from './index.ts';
import { buildRequest, carriedHouseholds, recordsFromRequest, remainingSeats, serializeRequest, type RoundRecord } from './round-request.ts';
import { summariseResult } from './round-summary.ts';
import { applyWhatIf, diffResults } from './what-if.ts';

const request = (): AllocationRequest => ({
  schemaVersion: '1',
  round: { id: 'T', municipalityCode: '202151', referenceDate: '2027-04-01', kind: 'primary' },
  policy: { tieBreak: [{ key: 'priorityCategory', order: 'asc' }], lotterySeed: 's', reuseVacatedSeats: true },
  facilities: [{ id: 'F1', name: 'さくら', seats: [0, 1, 0, 0, 0, 0] }, { id: 'F2', name: 'ひまわり', seats: [0, 1, 0, 0, 0, 0] }],
  households: [
    { id: 'H1', children: [{ id: 'A', ageClass: 1, currentFacilityId: null, score: 10, tieBreak: { priorityCategory: 1 }, preferences: ['F1', 'F2'] }] },
    { id: 'H2', children: [{ id: 'B', ageClass: 1, currentFacilityId: null, score: 9, tieBreak: { priorityCategory: 1 }, preferences: ['F1'] }] },
    { id: 'H3', children: [{ id: 'C', ageClass: 1, currentFacilityId: null, score: 8, tieBreak: { priorityCategory: 1 }, preferences: ['F1', 'F2'] }] },
  ],
});

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('\ufeffa,"b,c","d ""e"""\r\n1,2,3\n')).toEqual([['a', 'b,c', 'd "e"'], ['1', '2', '3']]);
  });
});

describe('importApplicationsCsv', () => {
  const ctx = { facilityIds: new Set(['F1', 'F2']), existingChildIds: new Set(['OLD']), existingHouseholdIds: new Set<string>(), ruleTable: HACHIOJI_STYLE, tieBreakKeys: ['priorityCategory'] };
  it('scores facts with the rule table and keeps the breakdown', () => {
    const out = importApplicationsCsv('世帯番号,児童番号,年齢クラス,希望施設,保護者1事由,保護者1就労時間,加点事由,きょうだい在園施設,優先区分\nH1,C1,1,F1 F2,就労,40,ひとり親,F2,3\n', ctx);
    if (!out.ok) throw new Error(JSON.stringify(out.problems));
    const c = out.households[0]!.children[0]!;
    // One parent: employed 40 h (10) + the absent parent (10) + single parent (3); +2 at F2 where a sibling is enrolled.
    expect(c.score).toBe(23);
    expect(c.scoreByFacility).toEqual({ F2: 25 });
    expect(c.tieBreak).toEqual({ priorityCategory: 3 });
    expect(c.scoreItems!.map((i) => i.code)).toEqual(['base:employed', 'base:absent', 'single-parent', 'sibling-enrolled']);
  });
  it('reports every bad row with its column and stores nothing', () => {
    const out = importApplicationsCsv('householdId,childId,ageClass,preferences,score,siblingPattern\nH1,OLD,1,F1,3,\nH2,C2,1,F3,3,\nH3,C3,1,F1,3,2\n', ctx);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems.map((p) => [p.row, p.column])).toEqual([[2, 'childId'], [3, 'preferences'], [4, 'siblingPattern']]);
  });
  it('refuses unknown columns in the header', () => {
    const out = importApplicationsCsv('householdId,childId,ageClass,preferences,shoeSize\nH1,C1,1,F1,40\n', ctx);
    expect(out.ok ? [] : out.problems.map((p) => p.message)).toEqual(['不明な列「shoeSize」です']);
  });
});

describe('buildRequest', () => {
  it('round-trips a request through records to the same canonical bytes', () => {
    const req = request();
    const { facilities, households } = recordsFromRequest(req);
    const round: RoundRecord = { roundId: 'T', name: 't', kind: 'primary', referenceDate: '2027-04-01', status: 'open', policy: req.policy, ruleTable: null, previousRoundId: null, meta: null, currentRunNo: null };
    const built = buildRequest('202151', round, facilities, households);
    expect(serializeRequest(built)).toBe(serializeRequest(buildRequest('202151', round, structuredClone(facilities), structuredClone(households))));
    expect(built.households.map((h) => h.children[0]!.id)).toEqual(['A', 'B', 'C']);
  });
});

describe('round 2 from a confirmed round 1', () => {
  it('keeps round-1 offers frozen: their seats are used and their children are not carried', async () => {
    const req = request();
    const result = await allocate(req);
    expect(result.assignments.map((a) => a.status)).toEqual(['OFFER', 'HOLD', 'OFFER']);
    expect(remainingSeats(req, result).map((f) => f.seats[1])).toEqual([0, 0]);
    const carried = carriedHouseholds(recordsFromRequest(req).households, result, 'T');
    expect(carried.map((h) => [h.children[0]!.childId, h.carriedFromRound])).toEqual([['B', 'T']]);
  });
});

describe('what-if and comparison', () => {
  it('lists who moves when one facility gets a seat fewer', async () => {
    const req = request();
    const base = await allocate(req);
    const { request: changed } = applyWhatIf(req, { kind: 'facility', facilityId: 'F2', seats: [0, 0, 0, 0, 0, 0] });
    const diff = diffResults(base, await allocate(changed));
    expect(diff.moves).toEqual([{ childId: 'C', before: { status: 'OFFER', facilityId: 'F2', preferenceRank: 2 }, after: { status: 'HOLD', facilityId: null, preferenceRank: null }, direction: 'lost', changedInput: false }]);
    expect(req.facilities[1]!.seats[1]).toBe(1);
  });

  it('measures agreement with a CSV reference and explains the differences', async () => {
    const req = request();
    const ours = await allocate(req);
    const ref = parseReference('児童番号,結果,施設\nA,内定,F1\nB,内定,F2\nC,保留,\n');
    const report = compareAllocations(req, ours, ref);
    expect(report.same).toBe(1);
    expect(report.agreementRate).toBeCloseTo(1 / 3);
    expect(report.differences.map((x) => x.childId)).toEqual(['B', 'C']);
    expect(report.referenceCheck.status).toBe('INVALID');
  });
});

describe('summary and explanation', () => {
  it('counts per age class and writes a hold explanation without other children', async () => {
    const req = request();
    req.facilities[1]!.seats = [0, 0, 0, 0, 0, 0];
    const result = await allocate(req);
    const s = summariseResult(req, result);
    expect(s.total).toMatchObject({ applicants: 3, offers: 1, holds: 2 });
    expect(s.byAgeClass[1]!.postedSeats).toBe(1);
    const script = explanationScript(req, result, 'B')!;
    expect(script.summary).toContain('保留');
    expect(script.lines[0]!.text).toContain('お子さまの指数は9点');
    expect(explanationScript(req, result, 'C')!.lines.map((l) => l.reason)).toEqual(['CUTOFF_HIGHER', 'NO_SEATS_IN_CLASS']);
    expect(JSON.stringify(script)).not.toContain('"A"');
    expect(explanationScript(req, result, 'B', 'en')!.summary).toContain('on hold');
  });
});

describe('nothing about another child is derivable from a family\'s explanation (issue #9)', () => {
  // One place in F1 class 1: A (score 10, 優先区分 4) takes it. B has its own score 9 and 優先区分 2; C ties A at 10
  // and loses on 優先区分 (asc). Before the fix B read "最も低い指数は10点" (A's exact score) and C read A's 優先区分.
  const oneSeat = (): AllocationRequest => {
    const req = request();
    req.facilities[1]!.seats = [0, 0, 0, 0, 0, 0];
    req.households[0]!.children[0]!.tieBreak = { priorityCategory: 4 };
    req.households[1]!.children[0]!.tieBreak = { priorityCategory: 2 };
    req.households[2]!.children[0]!.score = 10;
    req.households[2]!.children[0]!.tieBreak = { priorityCategory: 7 };
    return req;
  };
  it('states the family\'s own score and the ranking rule, never the admitted child\'s score or tie-break values', async () => {
    const req = oneSeat();
    const result = await allocate(req);
    expect(result.assignments.find((a) => a.childId === 'A')).toMatchObject({ status: 'OFFER', facilityId: 'F1' });
    for (const lang of ['ja', 'en'] as const) {
      for (const id of ['B', 'C']) {
        const script = explanationScript(req, result, id, lang)!;
        const text = [script.summary, ...script.lines.map((l) => l.text), ...script.closing].join('\n');
        expect(script.lines[0]!.reason).toBe('CUTOFF_HIGHER');
        // A's score (10, for B) and A's 優先区分 (4) appear nowhere; the family's own score does.
        if (id === 'B') expect(text).not.toMatch(/(?<![0-9])10(?![0-9])/);
        expect(text).not.toMatch(/(?<![0-9])4(?![0-9])/);
        expect(text).toContain(lang === 'ja' ? `お子さまの指数は${id === 'B' ? 9 : 10}点` : `score was ${id === 'B' ? 9 : 10}`);
        expect(text).not.toMatch(/内定した方 |admitted child \d|最も低い指数|lowest admitted/);
      }
    }
    // B (lower score) and C (same score, lost on the tie-break) read the same wording: equality is not derivable.
    const line = (id: string) => explanationScript(req, result, id)!.lines[0]!.text.replace(/\d+点/g, 'N点');
    expect(line('B')).toBe(line('C'));
  });
  it('prints no other child\'s score or 優先区分 on the hold notice', async () => {
    const { renderNoticePdf } = await import('./notice-pdf.ts');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const req = oneSeat();
    const script = explanationScript(req, await allocate(req), 'C')!;
    const pdf = await renderNoticePdf({ municipalityName: '塩尻市', issuedOn: new Date('2027-02-01T09:00:00+09:00'), roundName: '一次', guardianName: '塩尻 花子', childName: '塩尻 三郎', script });
    const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
    const text = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('').replace(/[\s\u3000]/g, '');
    await doc.destroy();
    expect(text).toContain('お子さまの指数は10点');
    expect(text).not.toMatch(/内定した方4|優先区分」で差/);
    expect(text.replace(/令和9年2月1日|3か月|6か月|第1希望/g, '')).not.toMatch(/(?<![0-9])4(?![0-9])/);
  });
});

describe('renderNoticePdf', () => {
  it('prints the hold notice with its reasons and the instruction on 審査請求', async () => {
    const { renderNoticePdf } = await import('./notice-pdf.ts');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const req = request();
    req.facilities[1]!.seats = [0, 0, 0, 0, 0, 0];
    const script = explanationScript(req, await allocate(req), 'B')!;
    const data = { municipalityName: '塩尻市', issuedOn: new Date('2027-02-01T09:00:00+09:00'), roundName: '令和9年4月入所 一次利用調整', guardianName: '塩尻 花子', childName: '塩尻 二郎', script };
    const pdf = await renderNoticePdf(data);
    const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
    const text = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('').replace(/[\s\u3000]/g, '');
    await doc.destroy();
    for (const s of ['保育所等利用保留通知書', '令和9年2月1日', '塩尻花子様', '塩尻二郎', '児童番号B', '第1希望さくら', 'お子さまの指数は9点', '教示', '審査請求']) expect(text).toContain(s);
    expect(text).not.toContain('児童番号A');
  });
});
