// SPDX-License-Identifier: EUPL-1.2
/**
 * Cases benchmark (issue #10): a generated, realistic mix of applications — 住民票の写し等の交付請求 40%, 転居届 30%,
 * 転出届 20%, 保育所等利用申込 10%; about 72% clean, the rest with one of the mistakes residents make (wrong birth
 * date or name, a third party applying, a minor applying, part of a household, late or too far ahead, an unknown
 * 町字, the same address, a child too old) — submitted as cases and reviewed automatically through the job queue, and
 * checked against the generator's ground truth: share approved automatically, share sent to a person, WRONG
 * automatic approvals (must be 0: the bench fails otherwise), faulty applications the review missed, per kind; the
 * effects written (本登録, 仮登録, certificates issued); submissions and reviews per second (one process, one core);
 * submission → registry change committed; then the same mix through the HTTP API (/api/v1/cases) under concurrent
 * clients, and a baseline run in the same process (the floor of one review: the registry reads and one access-log
 * write in one tenant transaction) for a ratio.
 *
 *   npx tsx bench/cases.ts [--applications 10000] [--latency 200] [--http 1000] [--clients 8]
 *   DATABASE_URL=postgres://… npx tsx bench/cases.ts     (PostgreSQL server instead of PGlite)
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../src/platform/auth/actor.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createServices } from '../src/services.ts';
import { demoAddressFiles, japanToday } from '../src/domains/registry/index.ts';
import { demoTowns } from '../src/domains/registry/addresses/demo-address-data.ts';
import { shiftDays } from '../src/domains/cases/business-days.ts';
import { serve } from '@hono/node-server';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/platform/logger.ts';
import { withTenant } from '../src/platform/tenancy/tenant-transaction.ts';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const N = arg('applications', 10_000);
const LATENCY = arg('latency', 200);
const HTTP = arg('http', 1000);
const CLIENTS = arg('clients', 8);
const BASELINE = 1000;
const started = performance.now();
const M = '202151';

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1) };
};

const url = process.env.DATABASE_URL;
let dbName = '';
if (url) {
  const pg = (await import('pg')).default;
  dbName = `jichi_bench_${crypto.randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`CREATE DATABASE ${dbName}`);
  await c.end();
}
const u = url ? Object.assign(new URL(url), { pathname: `/${dbName}` }).toString() : undefined;
const db = await openDatabase({ databaseUrl: u });
await migrate(db);
const services = createServices(db, { sessionIdleSeconds: 3600, sessionMaxSeconds: 3600 });
await services.tenants.loadReferenceData();
await services.tenants.onboard(M);
// A municipality issuing certificates has its mayor's name set (printed on every certificate).
await services.tenants.updateSettings(M, { mayorName: '塩尻　一郎' });
await services.registry.loadAddressMaster(M, demoAddressFiles(M)!, 'bench');
const today = japanToday(services.clock);

// Residents: enough households for one application each (each household files once), with households of small
// children for the 保育所等利用申込 share (about a sixth of the seeded households have a child of 0–5).
const households = Math.ceil((N + LATENCY + HTTP) * 1.6);
let t = performance.now();
const seeded = await services.registry.seedDemoResidents(M, { persons: Math.round(households * 2.4), asOf: shiftDays(today, -90) });
console.log(`cases bench on ${db.kind}: ${seeded.persons} residents in ${seeded.households} households seeded in ${Math.round(performance.now() - t)} ms`);

interface Member { atenaNo: string; familyName: string; givenName: string; romanName?: string; birth: string; householdId: string }
const rows = (await sql<{ atenaNo: string; householdId: string; record: { familyName: string; givenName: string; romanName?: string; birthDate: { sortKey: string; precision: string } } }>`
  SELECT p.atena_no, c.household_id, c.record FROM registry.person p JOIN registry.person_current c USING (municipality_code, person_id)
  WHERE p.municipality_code = ${M} AND c.removed_on IS NULL ORDER BY c.household_id, c.member_order`.execute(db.owner)).rows;
const byHousehold = new Map<string, Member[]>();
const vague = new Set<string>();
for (const r of rows) {
  const rec = typeof r.record === 'string' ? JSON.parse(r.record) : r.record;
  if (rec.birthDate.precision !== 'day') vague.add(r.householdId);
  const list = byHousehold.get(r.householdId) ?? [];
  list.push({ atenaNo: r.atenaNo, familyName: rec.familyName, givenName: rec.givenName, ...(rec.romanName ? { romanName: rec.romanName } : {}), birth: rec.birthDate.sortKey, householdId: r.householdId });
  byHousehold.set(r.householdId, list);
}
function ageOn(birth: string, on: string) {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
const towns = demoTowns(M);
const eligible = [...byHousehold.entries()].filter(([h, ms]) => !vague.has(h) && ms[0] && ageOn(ms[0].birth, today) >= 18).map(([, ms]) => ms);
// Households with a child of 0–5 (保育所等利用申込) apart from the others, so that every application has its own household.
const withToddler = eligible.filter((ms) => ms.some((x) => ageOn(x.birth, today) <= 5));
const others = eligible.filter((ms) => !ms.some((x) => ageOn(x.birth, today) <= 5));

// The mix a municipality receives (share of applications): 住民票の写し等の交付請求, 転居届, 転出届, 保育所等利用申込.
type Kind = 'residence-certificate' | 'move-within' | 'move-out' | 'daycare-application';
const MIX: Array<[Kind, number]> = [['residence-certificate', 0.4], ['move-within', 0.3], ['move-out', 0.2], ['daycare-application', 0.1]];
const LABEL: Record<Kind, string> = { 'residence-certificate': '住民票の写し請求', 'move-within': '転居届', 'move-out': '転出届', 'daycare-application': '保育所等利用申込' };
// Mistakes residents make, per kind; each faulty application has exactly one (the generator's ground truth).
const FAULTS: Record<Kind, readonly string[]> = {
  'move-within': ['wrong-birth-date', 'wrong-name', 'unknown-town', 'late', 'part-of-household', 'applicant-elsewhere', 'moved-in-future', 'same-address'],
  'move-out': ['wrong-birth-date', 'wrong-name', 'late', 'too-far-ahead', 'part-of-household', 'applicant-elsewhere'],
  'residence-certificate': ['wrong-birth-date', 'wrong-name', 'applicant-elsewhere', 'minor-applicant'],
  'daycare-application': ['wrong-birth-date', 'wrong-name', 'applicant-elsewhere', 'child-too-old'],
};
type Fault = string | null;

// Deterministic generator: ~72% clean, the rest one mistake each.
let seed = 20261203;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pickKind = (x: number): Kind => { let acc = 0; for (const [k, w] of MIX) { acc += w; if (x < acc) return k; } return MIX[0]![0]; };
// Foreign residents registered under a roman name only state it (ローマ字氏名).
const stated = (m: Member) => ({ atenaNo: m.atenaNo, familyName: m.familyName, givenName: m.givenName, ...(m.romanName ? { romanName: m.romanName } : {}), birthDate: m.birth });
const pools = { toddler: withToddler.slice(), other: others.slice() };
const take = (kind: Kind) => (kind === 'daycare-application' ? pools.toddler : pools.other).shift();
const aprilFirst = `${Number(today.slice(0, 4)) + 1}-04-01`;

type Body = Parameters<typeof services.cases.submit>[1];
/** One application of the kind, from its own household; `other` is a member of another household (a third party). */
function application(i: number, kind: Kind, members: Member[], other: Member): { body: Body; fault: Fault } {
  const x = rnd();
  const list = FAULTS[kind];
  let fault: Fault = x < 0.72 ? null : list[Math.floor((x - 0.72) / 0.28 * list.length)]!;
  const adults = members.filter((m) => ageOn(m.birth, today) >= 18);
  const head = adults[0] ?? members[0]!;
  // Mistakes the household cannot carry fall back to a wrong name.
  if (fault === 'part-of-household' && members.length < 2) fault = 'wrong-name';
  const minor = members.find((m) => ageOn(m.birth, today) < 15);
  if (fault === 'minor-applicant' && !minor) fault = 'wrong-name';
  const channel = (['online', 'counter', 'post'] as const)[i % 3]!;
  let applicant = head;
  let subjects = members.map(stated);
  let data: Record<string, unknown>;
  if (kind === 'move-within' || kind === 'move-out') {
    if (fault === 'part-of-household') { subjects = members.slice(1).map(stated); applicant = members[1]!; }
    if (kind === 'move-within') {
      const town = towns[i % towns.length]!;
      const movedOn = fault === 'late' ? shiftDays(today, -15 - (i % 20)) : fault === 'moved-in-future' ? shiftDays(today, 1 + (i % 5)) : shiftDays(today, -(i % 14));
      data = { movedOn, newAddress: fault === 'unknown-town' ? { townName: '存在しない町', banchi: `${i}番`, katagaki: '' } : { townName: town.name, banchi: `${1 + (i % 3000)}番${1 + (i % 40)}号`, katagaki: '' } };
    } else {
      const movingOn = fault === 'late' ? shiftDays(today, -15 - (i % 20)) : fault === 'too-far-ahead' ? shiftDays(today, 15 + (i % 20)) : shiftDays(today, (i % 27) - 13);
      data = { movingOn, destination: ['東京都千代田区霞が関一丁目1番1号', '長野県長野市大字南長野字幅下692番地2', '大阪府大阪市北区中之島一丁目3番20号'][i % 3]!, abroad: false };
    }
  } else if (kind === 'residence-certificate') {
    // Clean requests: for oneself, for a member of one's household, or for the whole household.
    const variant = i % 5;
    const self = members[0]!;
    if (variant <= 2 || members.length < 2) { subjects = [stated(self)]; applicant = self; }
    else if (variant === 3) { subjects = [stated(members[1]!)]; applicant = self; }
    else { subjects = members.map(stated); applicant = self; }
    if (fault === 'minor-applicant') applicant = minor!;
    data = { scope: variant === 4 && members.length >= 2 ? 'household' : 'self', copies: 1 + (i % 2), purpose: ['年金の手続きのため', '勤務先への提出', '自動車の登録'][i % 3]!, delivery: i % 4 === 0 ? 'counter' : 'post' };
  } else {
    const toddler = members.find((m) => ageOn(m.birth, today) <= 5)!;
    const older = members.find((m) => ageOn(m.birth, today) > 5 && m !== head) ?? head;
    subjects = [stated(fault === 'child-too-old' ? older : toddler)];
    data = { desiredStart: aprilFirst, preferences: ['さくら保育園', 'ひまわり保育園'].slice(0, 1 + (i % 2)), needReason: '就労（月120時間以上）',
      facts: { parents: [{ need: 'employed', weeklyHours: 40 }] } };
  }
  if (fault === 'applicant-elsewhere') applicant = other;
  if (fault === 'wrong-birth-date') subjects[subjects.length - 1]!.birthDate = shiftDays(subjects[subjects.length - 1]!.birthDate, 1);
  if (fault === 'wrong-name') { const s0 = subjects[0]! as { givenName: string; familyName: string; romanName?: string }; if (s0.familyName) s0.givenName = `${s0.givenName}子`; else s0.romanName = `${s0.romanName ?? ''} X`; }
  return { fault, body: { caseTypeCode: kind, channel, subjects, applicant: stated(applicant), data } };
}

const clerk: Actor = { type: 'staff', municipalityCode: M, staffId: crypto.randomUUID(), loginId: 'bench', displayName: 'bench', roles: ['counter'], csrfToken: '', sessionTokenHash: '', authMethod: 'password' };
const ctx = { clientIp: '127.0.0.1', requestId: 'bench' };

// "same-address" needs the household's current address: state it as the new one.
async function currentAddress(atenaNo: string) {
  const r = (await sql<{ record: { address: { townName: string; banchi: string; katagaki: string } } }>`
    SELECT c.record FROM registry.person p JOIN registry.person_current c USING (municipality_code, person_id) WHERE p.municipality_code = ${M} AND p.atena_no = ${atenaNo}`.execute(db.owner)).rows[0]!;
  return (typeof r.record === 'string' ? JSON.parse(r.record) : r.record).address;
}
/** The next application of the mix with its own household (null when the seeded households ran out). */
async function nextApplication(i: number) {
  const kind = pickKind(rnd());
  const members = take(kind);
  if (!members) return null;
  // A third party: the head of a household kept for no application (the last ones of the pool).
  const other = (pools.other[pools.other.length - 1 - (i % 50)] ?? eligible[0]!)[0]!;
  const a = application(i, kind, members, other);
  if (a.fault === 'same-address') {
    const addr = await currentAddress(a.body.subjects[0]!.atenaNo!);
    (a.body.data as { newAddress: unknown }).newAddress = { townName: addr.townName, banchi: addr.banchi, katagaki: addr.katagaki };
  }
  return { kind, ...a };
}

// 1. Submit the mix (the review jobs wait), then 2. review everything through the job queue.
services.cases.setAutoKick(false);
const truth = new Map<string, { kind: Kind; fault: Fault }>();
let submitted = 0;
t = performance.now();
for (let i = 0; i < N; i++) {
  const a = await nextApplication(i);
  if (!a) break;
  const created = await services.cases.submit(clerk, a.body, ctx);
  truth.set(created.caseId, { kind: a.kind, fault: a.fault });
  submitted++;
}
const submitMs = performance.now() - t;
t = performance.now();
// Reviewed in tenths, to see whether the rate holds as the tables grow.
const tenths: number[] = [];
let reviewed = 0;
for (let k = 0; k < 10; k++) {
  const s0 = performance.now();
  const ran = await services.cases.drainJobs(M, { max: Math.ceil(submitted / 10) });
  reviewed += ran;
  if (ran > 0) tenths.push(ran / ((performance.now() - s0) / 1000));
}
reviewed += await services.cases.drainJobs(M);
const reviewMs = performance.now() - t;

// 3. Against the generator's ground truth.
const outcome = new Map((await sql<{ caseId: string; resultCode: string | null; reviewOutcome: string | null }>`
  SELECT case_id, result_code, review_outcome FROM cases.case WHERE municipality_code = ${M}`.execute(db.owner)).rows.map((r) => [r.caseId, r]));
interface Tally { n: number; faulty: number; auto: number; toPerson: number; wrongAuto: number; cleanToPerson: number; missed: number; faults: Map<string, { n: number; auto: number }> }
const tally = () => ({ n: 0, faulty: 0, auto: 0, toPerson: 0, wrongAuto: 0, cleanToPerson: 0, missed: 0, faults: new Map() }) as Tally;
const all = tally();
const byKind = new Map<Kind, Tally>(MIX.map(([k]) => [k, tally()]));
for (const [caseId, { kind, fault }] of truth) {
  const o = outcome.get(caseId)!;
  const approved = o.resultCode === 'approved';
  for (const x of [all, byKind.get(kind)!]) {
    x.n++;
    if (fault) x.faulty++;
    if (approved) x.auto++; else x.toPerson++;
    if (approved && fault) x.wrongAuto++;
    if (!approved && !fault) x.cleanToPerson++;
    // A faulty application whose review found nothing wrong (a miss, even where a person decides anyway).
    if (fault && o.reviewOutcome === 'clean') x.missed++;
    const f = x.faults.get(fault ?? 'clean') ?? { n: 0, auto: 0 };
    f.n++; if (approved) f.auto++;
    x.faults.set(fault ?? 'clean', f);
  }
}
const pct = (a: number, b: number) => `${(100 * a / Math.max(b, 1)).toFixed(1)}%`;
const registryRows = (await sql<{ kind: string; status: string; n: number }>`SELECT kind, status, count(*)::int AS n FROM registry.change WHERE municipality_code = ${M} AND operator_id = 'auto-review' GROUP BY kind, status`.execute(db.owner)).rows;
const written = new Map(registryRows.map((r) => [`${r.kind}/${r.status}`, Number(r.n)]));
const issued = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM certificates.issuance WHERE municipality_code = ${M} AND case_id IS NOT NULL`.execute(db.owner)).rows[0]!.n);

console.log(`applications: ${all.n} (${MIX.map(([k]) => `${LABEL[k]} ${byKind.get(k)!.n}`).join(', ')}); ${all.faulty} with a mistake, ${all.n - all.faulty} clean (the generator's ground truth)`);
console.log(`approved automatically: ${all.auto} (${pct(all.auto, all.n)}); sent to a person: ${all.toPerson} (${pct(all.toPerson, all.n)})`);
console.log(`WRONG automatic approvals (a faulty application approved): ${all.wrongAuto}; faulty applications the review found nothing wrong with: ${all.missed}; clean applications sent to a person: ${all.cleanToPerson}`);
for (const [k, x] of byKind) {
  const policy = k === 'daycare-application' ? ' (decided by a person by the case type: no automatic approval)' : '';
  console.log(`  ${LABEL[k]}: ${x.n}, auto ${pct(x.auto, x.n)}, to a person ${pct(x.toPerson, x.n)}, wrong auto ${x.wrongAuto}, missed ${x.missed}, clean to a person ${x.cleanToPerson}${policy}; `
    + JSON.stringify(Object.fromEntries([...x.faults].map(([f, v]) => [f, `${v.auto}/${v.n} auto`]))));
}
const mw = byKind.get('move-within')!, mo = byKind.get('move-out')!, rc = byKind.get('residence-certificate')!;
console.log(`effects written by the automatic approvals: 転居 本登録 ${written.get('move-within/final') ?? 0} (+仮登録 ${written.get('move-within/provisional') ?? 0}) = auto-approved 転居届 ${mw.auto}; `
  + `転出 仮登録 ${written.get('move-out/provisional') ?? 0} = auto-approved 転出届 ${mo.auto}; certificates issued ${issued} = auto-approved 住民票の写し請求 ${rc.auto}`);
console.log(`submission: ${(submitted / (submitMs / 1000)).toFixed(0)} cases/s; review (job queue, rules, effect in the same transaction): ${reviewed} jobs in ${Math.round(reviewMs)} ms → `
  + `${(reviewed / (reviewMs / 1000)).toFixed(0)} cases reviewed/s on one core (per tenth of the queue: ${tenths.map((r) => r.toFixed(0)).join(', ')})`);

// 4. Latency: one 転居届 at a time, submission → review job committed with the registry change (本登録 by rule).
const latencies: number[] = [];
for (let i = 0; i < LATENCY; i++) {
  const members = pools.other.shift();
  if (!members) break;
  const head = members[0]!;
  const body: Body = { caseTypeCode: 'move-within', channel: 'online', applicant: stated(head), subjects: members.map(stated),
    data: { movedOn: today, newAddress: { townName: towns[i % towns.length]!.name, banchi: `${5000 + i}番`, katagaki: '' } } };
  const s0 = performance.now();
  const c = await services.cases.submit(clerk, body, ctx);
  await services.cases.drainJobs(M);
  latencies.push(performance.now() - s0);
  truth.set(c.caseId, { kind: 'move-within', fault: null });
}
const latencyApproved = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases.case WHERE municipality_code = ${M} AND result_code = 'approved'`.execute(db.owner)).rows[0]!.n) - all.auto;
console.log(`submission → registry change committed (転居届 one at a time, ${latencies.length} cases, ${latencyApproved} approved with 本登録): ms ${JSON.stringify(stats(latencies))}`);

// 5. Baseline in the same process: the floor of one review (the registry reads and one access-log write in one tenant transaction).
const baseIds = eligible.slice(0, BASELINE).map((ms) => ms.map((m) => m.atenaNo));
t = performance.now();
for (const atenaNos of baseIds) {
  await withTenant(db, M, async (trx) => {
    await services.registry.lookupForCase(trx, atenaNos);
    await services.accessLog.append(trx, M, { actorType: 'system', actorId: 'bench', action: 'bench.baseline', subjectType: 'case', subjectId: 'baseline', ...ctx });
  });
}
const baselineRate = baseIds.length / ((performance.now() - t) / 1000);
const reviewRate = reviewed / (reviewMs / 1000);
console.log(`baseline (registry reads + one access-log write per transaction): ${baselineRate.toFixed(0)}/s; review is ${(baselineRate / reviewRate).toFixed(2)}x the baseline's time per case`);

// 6. The same mix through the HTTP API: CLIENTS concurrent clients, each submitting and waiting until its review committed.
services.cases.setAutoKick(true);
const loginId = `bench${Date.now()}`;
await services.identity.addStaff({ type: 'operator', id: 'bench' }, M, { loginId, displayName: 'ベンチ 職員', roles: ['counter'], password: 'bench-password-123' }, ctx);
const app = createApp(services, { config: { publicUrl: 'http://127.0.0.1' }, log: createLogger('silent') });
const server = await new Promise<{ url: string; close(): void }>((resolve) => {
  const srv = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve({ url: `http://127.0.0.1:${info.port}`, close: () => srv.close() }));
});
const login = await fetch(`${server.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ municipalityCode: M, loginId, password: 'bench-password-123' }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
const httpLatencies: number[] = [];
const httpTruth = new Map<string, { kind: Kind; fault: Fault }>();
let next = 0, httpErrors = 0;
const httpErrorCodes = new Map<string, number>();
t = performance.now();
await Promise.all(Array.from({ length: CLIENTS }, async () => {
  for (let i = next++; i < HTTP; i = next++) {
    const a = await nextApplication(N + i);
    if (!a) break;
    const s0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/cases`, { method: 'POST', headers, body: JSON.stringify(a.body) });
    if (res.status !== 201) { httpErrors++; const p = (await res.json().catch(() => ({}))) as { code?: string; invalidParams?: Array<{ name: string }> }; const code = `${res.status} ${p.code ?? ''} ${(p.invalidParams ?? []).map((x) => x.name).join(',')} ${a.kind}`.trim(); httpErrorCodes.set(code, (httpErrorCodes.get(code) ?? 0) + 1); continue; }
    const { caseId } = (await res.json()) as { caseId: string };
    httpTruth.set(caseId, { kind: a.kind, fault: a.fault });
    for (;;) {
      const c = (await (await fetch(`${server.url}/api/v1/cases/${caseId}`, { headers })).json()) as { reviewOutcome: string | null };
      if (c.reviewOutcome) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    httpLatencies.push(performance.now() - s0);
  }
}));
const httpMs = performance.now() - t;
server.close();
const httpOutcome = httpTruth.size === 0 ? new Map<string, string | null>() : new Map((await sql<{ caseId: string; resultCode: string | null }>`
  SELECT case_id, result_code FROM cases.case WHERE municipality_code = ${M} AND case_id IN (${sql.join([...httpTruth.keys()])})`.execute(db.owner)).rows.map((r) => [r.caseId, r.resultCode]));
let httpAuto = 0, httpWrong = 0;
for (const [caseId, { fault }] of httpTruth) { if (httpOutcome.get(caseId) === 'approved') { httpAuto++; if (fault) httpWrong++; } }
console.log(`HTTP API, ${CLIENTS} concurrent clients, ${httpTruth.size} applications of the same mix: ${(httpTruth.size / (httpMs / 1000)).toFixed(0)} cases submitted and reviewed/s; `
  + `submission → review committed ms ${JSON.stringify(stats(httpLatencies))}; approved automatically ${pct(httpAuto, httpTruth.size)}; WRONG automatic approvals ${httpWrong}; `
  + `refused submissions ${httpErrors} ${JSON.stringify(Object.fromEntries(httpErrorCodes))}`);
console.log(`ratio HTTP (${CLIENTS} clients) / in-process one at a time: median ${(stats(httpLatencies).median / Math.max(stats(latencies).median, 0.1)).toFixed(2)}x`);
console.log(`total ${Math.round(performance.now() - started) / 1000} s`);

await db.close();
if (url) {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
  await c.end();
}
// Zero wrong automatic approvals is the acceptance criterion (issue #10): fail loudly otherwise.
if (all.wrongAuto > 0 || httpWrong > 0) throw new Error(`wrong automatic approvals: ${all.wrongAuto} in process, ${httpWrong} through HTTP`);
process.exit(0);
