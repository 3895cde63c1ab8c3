// SPDX-License-Identifier: EUPL-1.2
/**
 * Cases benchmark (issue #10): a generated, realistic mix of 転居届 (most clean, some with the mistakes residents
 * make), submitted as cases and reviewed automatically through the job queue, checked against the generator's
 * ground truth: share approved automatically, share sent to a person, wrong automatic approvals (must be 0),
 * submissions and reviews per second (one process, one core), and submission → registry change committed; then the
 * same through the HTTP API (/api/v1/cases) under concurrent clients, and a baseline run in the same process (the
 * floor of one review: the registry reads and one access-log write in one tenant transaction) for a ratio.
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
import { japanToday, townsOf } from '../src/domains/registry/index.ts';
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
const today = japanToday(services.clock);

// Residents: enough households for one application each (each household moves once).
const households = Math.ceil((N + LATENCY + HTTP) * 1.25);
let t = performance.now();
const seeded = await services.registry.seedDemoResidents(M, { persons: Math.round(households * 2.4), asOf: shiftDays(today, -90) });
console.log(`cases bench on ${db.kind}: ${seeded.persons} residents in ${seeded.households} households seeded in ${Math.round(performance.now() - t)} ms`);

interface Member { atenaNo: string; familyName: string; givenName: string; birth: string; householdId: string }
const rows = (await sql<{ atenaNo: string; householdId: string; record: { familyName: string; givenName: string; birthDate: { sortKey: string; precision: string } } }>`
  SELECT p.atena_no, c.household_id, c.record FROM registry.person p JOIN registry.person_current c USING (municipality_code, person_id)
  WHERE p.municipality_code = ${M} AND c.removed_on IS NULL ORDER BY c.household_id, c.member_order`.execute(db.owner)).rows;
const byHousehold = new Map<string, Member[]>();
const vague = new Set<string>();
for (const r of rows) {
  const rec = typeof r.record === 'string' ? JSON.parse(r.record) : r.record;
  if (rec.birthDate.precision !== 'day') vague.add(r.householdId);
  const list = byHousehold.get(r.householdId) ?? [];
  list.push({ atenaNo: r.atenaNo, familyName: rec.familyName, givenName: rec.givenName, birth: rec.birthDate.sortKey, householdId: r.householdId });
  byHousehold.set(r.householdId, list);
}
const adultHouseholds = [...byHousehold.entries()].filter(([h, ms]) => !vague.has(h) && ms[0] && ageOn(ms[0].birth, today) >= 18).map(([, ms]) => ms);
function ageOn(birth: string, on: string) {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
const towns = townsOf(M)!;

// Deterministic generator with ground truth: ~72% clean, the rest one mistake each.
let seed = 20261203;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const FAULTS = ['wrong-birth-date', 'wrong-name', 'unknown-town', 'late', 'part-of-household', 'applicant-elsewhere', 'moved-in-future', 'same-address'] as const;
type Fault = (typeof FAULTS)[number] | null;
function application(i: number, members: Member[], other: Member[]): { body: Parameters<typeof services.cases.submit>[1]; fault: Fault } {
  const x = rnd();
  const fault: Fault = x < 0.72 ? null : FAULTS[Math.floor((x - 0.72) / 0.28 * FAULTS.length)]!;
  const partial = fault === 'part-of-household' && members.length > 1;
  const subjects = (partial ? members.slice(1) : members).map((m) => ({ atenaNo: m.atenaNo, familyName: m.familyName, givenName: m.givenName, birthDate: m.birth }));
  const applicant = fault === 'applicant-elsewhere' ? other[0]! : partial ? members[1]! : members[0]!;
  if (fault === 'wrong-birth-date') subjects[subjects.length - 1]!.birthDate = shiftDays(subjects[subjects.length - 1]!.birthDate, 1);
  if (fault === 'wrong-name') subjects[0]!.givenName = `${subjects[0]!.givenName}子`;
  const town = towns[i % towns.length]!;
  const movedOn = fault === 'late' ? shiftDays(today, -15 - (i % 20)) : fault === 'moved-in-future' ? shiftDays(today, 1 + (i % 5)) : shiftDays(today, -(i % 14));
  return {
    fault: partial || fault !== 'part-of-household' ? fault : null,
    body: {
      caseTypeCode: 'move-within', channel: (['online', 'counter', 'post'] as const)[i % 3]!, subjects,
      applicant: { atenaNo: applicant.atenaNo, familyName: applicant.familyName, givenName: applicant.givenName, birthDate: applicant.birth },
      data: { movedOn, newAddress: fault === 'unknown-town' ? { townName: '存在しない町', banchi: `${i}番`, katagaki: '' } : { townName: town.name, banchi: `${1 + (i % 3000)}番${1 + (i % 40)}号`, katagaki: '' } },
    },
  };
}

const clerk: Actor = { type: 'staff', municipalityCode: M, staffId: crypto.randomUUID(), loginId: 'bench', displayName: 'bench', roles: ['counter'], csrfToken: '', sessionTokenHash: '', authMethod: 'password' };
const ctx = { clientIp: '127.0.0.1', requestId: 'bench' };
if (adultHouseholds.length < N + LATENCY + HTTP + 1) throw new Error(`only ${adultHouseholds.length} households`);

// "same-address" needs the household's current address: state it as the new one.
async function currentAddress(atenaNo: string) {
  const r = (await sql<{ record: { address: { townName: string; banchi: string; katagaki: string } } }>`
    SELECT c.record FROM registry.person p JOIN registry.person_current c USING (municipality_code, person_id) WHERE p.municipality_code = ${M} AND p.atena_no = ${atenaNo}`.execute(db.owner)).rows[0]!;
  return (typeof r.record === 'string' ? JSON.parse(r.record) : r.record).address;
}

// 1. Submit the mix (the review jobs wait), then 2. review everything through the job queue.
services.cases.setAutoKick(false);
const truth = new Map<string, Fault>();
t = performance.now();
for (let i = 0; i < N; i++) {
  const { body, fault } = application(i, adultHouseholds[i]!, adultHouseholds[(i + 1) % N]!);
  if (fault === 'same-address') {
    const a = await currentAddress(body.subjects[0]!.atenaNo!);
    (body.data as { newAddress: unknown }).newAddress = { townName: a.townName, banchi: a.banchi, katagaki: a.katagaki };
  }
  const created = await services.cases.submit(clerk, body, ctx);
  truth.set(created.caseId, fault);
}
const submitMs = performance.now() - t;
t = performance.now();
const reviewed = await services.cases.drainJobs(M);
const reviewMs = performance.now() - t;

// 3. Ground truth.
const outcome = new Map((await sql<{ caseId: string; resultCode: string | null; reviewOutcome: string | null }>`
  SELECT case_id, result_code, review_outcome FROM cases.case WHERE municipality_code = ${M}`.execute(db.owner)).rows.map((r) => [r.caseId, r]));
let auto = 0, toPerson = 0, wrongAuto = 0, cleanToPerson = 0;
const byFault = new Map<string, { n: number; auto: number }>();
for (const [caseId, fault] of truth) {
  const o = outcome.get(caseId)!;
  const approved = o.resultCode === 'approved';
  if (approved) auto++; else toPerson++;
  if (approved && fault) wrongAuto++;
  if (!approved && !fault) cleanToPerson++;
  const k = fault ?? 'clean';
  const b = byFault.get(k) ?? { n: 0, auto: 0 };
  b.n++; if (approved) b.auto++;
  byFault.set(k, b);
}
const faulty = [...truth.values()].filter(Boolean).length;
const registryRows = (await sql<{ status: string; n: number }>`SELECT status, count(*)::int AS n FROM registry.change WHERE municipality_code = ${M} AND kind = 'move-within' AND operator_id = 'auto-review' GROUP BY status`.execute(db.owner)).rows;
const written = Object.fromEntries(registryRows.map((r) => [r.status, Number(r.n)]));
const provisional = (written.provisional ?? 0) + (written.final ?? 0);

// 4. Latency: one application at a time, submission → review job committed with the registry change.
const latencies: number[] = [];
for (let i = 0; i < LATENCY; i++) {
  const members = adultHouseholds[N + i]!;
  const body = application(i, members, members).body;
  body.applicant = { atenaNo: members[0]!.atenaNo, familyName: members[0]!.familyName, givenName: members[0]!.givenName, birthDate: members[0]!.birth };
  body.subjects = members.map((m) => ({ atenaNo: m.atenaNo, familyName: m.familyName, givenName: m.givenName, birthDate: m.birth }));
  (body.data as { movedOn: string }).movedOn = today;
  (body.data as { newAddress: unknown }).newAddress = { townName: towns[i % towns.length]!.name, banchi: `${5000 + i}番`, katagaki: '' };
  const s = performance.now();
  await services.cases.submit(clerk, body, ctx);
  await services.cases.drainJobs(M);
  latencies.push(performance.now() - s);
}

console.log(`applications: ${N} 転居届 (${faulty} with a mistake, ${N - faulty} clean, per the generator's ground truth)`);
console.log(`approved automatically: ${auto} (${(100 * auto / N).toFixed(1)}%); sent to a person: ${toPerson} (${(100 * toPerson / N).toFixed(1)}%)`);
console.log(`wrong automatic approvals (a faulty application approved): ${wrongAuto}; clean applications sent to a person: ${cleanToPerson}`);
console.log(`by kind: ${JSON.stringify(Object.fromEntries([...byFault].map(([k, v]) => [k, `${v.auto}/${v.n} auto`])))}`);
console.log(`registry changes written by approvals: ${provisional} (本登録 by rule ${written.final ?? 0}, 仮登録 ${written.provisional ?? 0}; = approved automatically: ${provisional === auto})`);
console.log(`submission: ${(N / (submitMs / 1000)).toFixed(0)} cases/s; review (job queue, rules, registry effect): ${reviewed} jobs in ${Math.round(reviewMs)} ms → ${(reviewed / (reviewMs / 1000)).toFixed(0)} cases reviewed/s on one core`);
console.log(`submission → registry change committed (one at a time, ${LATENCY} cases): ms ${JSON.stringify(stats(latencies))}`);
// 5. Baseline in the same process: the floor of one review (the registry reads and one access-log write in one tenant transaction).
const baseIds = adultHouseholds.slice(0, BASELINE).map((ms) => ms.map((m) => m.atenaNo));
t = performance.now();
for (const atenaNos of baseIds) {
  await withTenant(db, M, async (trx) => {
    await services.registry.lookupForCase(trx, atenaNos);
    await services.accessLog.append(trx, M, { actorType: 'system', actorId: 'bench', action: 'bench.baseline', subjectType: 'case', subjectId: 'baseline', ...ctx });
  });
}
const baselineRate = BASELINE / ((performance.now() - t) / 1000);
const reviewRate = reviewed / (reviewMs / 1000);
console.log(`baseline (registry reads + one access-log write per transaction): ${baselineRate.toFixed(0)}/s; review is ${(baselineRate / reviewRate).toFixed(2)}x the baseline's time per case`);

// 6. The same through the HTTP API: CLIENTS concurrent clients, each submitting 転居届 and waiting until its review committed.
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
const httpTruth = new Map<string, Fault>();
let next = 0, httpErrors = 0;
const httpErrorCodes = new Map<string, number>();
t = performance.now();
await Promise.all(Array.from({ length: CLIENTS }, async () => {
  for (let i = next++; i < HTTP; i = next++) {
    const members = adultHouseholds[N + LATENCY + i]!;
    const { body, fault } = application(N + i, members, adultHouseholds[N + LATENCY + ((i + 1) % HTTP)]!);
    if (fault === 'same-address') { const a = await currentAddress(body.subjects[0]!.atenaNo!); (body.data as { newAddress: unknown }).newAddress = { townName: a.townName, banchi: a.banchi, katagaki: a.katagaki }; }
    const s = performance.now();
    const res = await fetch(`${server.url}/api/v1/cases`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (res.status !== 201) { httpErrors++; const code = `${res.status} ${((await res.json().catch(() => ({}))) as { code?: string }).code ?? ''}`; httpErrorCodes.set(code, (httpErrorCodes.get(code) ?? 0) + 1); continue; }
    const { caseId } = (await res.json()) as { caseId: string };
    httpTruth.set(caseId, fault);
    for (;;) {
      const c = (await (await fetch(`${server.url}/api/v1/cases/${caseId}`, { headers })).json()) as { reviewOutcome: string | null };
      if (c.reviewOutcome) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    httpLatencies.push(performance.now() - s);
  }
}));
const httpMs = performance.now() - t;
server.close();
const httpOutcome = new Map((await sql<{ caseId: string; resultCode: string | null }>`
  SELECT case_id, result_code FROM cases.case WHERE municipality_code = ${M} AND case_id IN (${sql.join([...httpTruth.keys()])})`.execute(db.owner)).rows.map((r) => [r.caseId, r.resultCode]));
let httpAuto = 0, httpWrong = 0;
for (const [caseId, fault] of httpTruth) { if (httpOutcome.get(caseId) === 'approved') { httpAuto++; if (fault) httpWrong++; } }
console.log(`HTTP API, ${CLIENTS} concurrent clients, ${HTTP} 転居届: ${(httpTruth.size / (httpMs / 1000)).toFixed(0)} cases submitted and reviewed/s; submission → review committed ms ${JSON.stringify(stats(httpLatencies))}; `
  + `approved automatically ${(100 * httpAuto / Math.max(httpTruth.size, 1)).toFixed(1)}%; wrong automatic approvals ${httpWrong}; refused submissions ${httpErrors} ${JSON.stringify(Object.fromEntries(httpErrorCodes))}`);
console.log(`ratio HTTP (${CLIENTS} clients) / in-process one at a time: median ${(stats(httpLatencies).median / Math.max(stats(latencies).median, 0.1)).toFixed(2)}x`);

await db.close();
if (url) {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
  await c.end();
}
// Zero wrong automatic approvals is the acceptance criterion (issue #10): fail loudly otherwise.
if (wrongAuto > 0 || httpWrong > 0) throw new Error(`wrong automatic approvals: ${wrongAuto} in process, ${httpWrong} through HTTP`);
process.exit(0);
