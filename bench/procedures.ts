// SPDX-License-Identifier: EUPL-1.2
/**
 * Online procedures benchmark (issue #14): whole 住民票の写し applications by a signed-in, matched resident — start
 * (prefill from the registry), three pages saved, a 1 MB attachment (checked by content, SHA-256 stored), submission
 * (the case opens in the same transaction) — through the service in one process: applications per second and the
 * p95 of one submission with its attachment; and a baseline in the same process (a staff 住民票 case submitted with
 * cases.submit, no form, no attachment) for a ratio.
 *
 *   npx tsx bench/procedures.ts [--applications 200]
 *   DATABASE_URL=postgres://… npx tsx bench/procedures.ts
 */
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createServices } from '../src/services.ts';
import { japanToday } from '../src/domains/registry/index.ts';
import { shiftDays } from '../src/domains/cases/business-days.ts';
import { enterHousehold } from '../src/domains/cases/testing/case-fixtures.ts';
import { residentOf } from '../src/domains/procedures/testing/residents.ts';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const N = arg('applications', 200);
const M = '202151';
const ctx = { clientIp: '127.0.0.1', requestId: 'bench' };
const q95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))]!;

const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
await migrate(db);
const services = createServices(db, { sessionIdleSeconds: 3600, sessionMaxSeconds: 28800 });
services.cases.setAutoKick(false);
await services.tenants.loadReferenceData();
if (!(await services.tenants.isOnboarded(M))) await services.tenants.onboard(M);
const today = japanToday(services.clock);
const people = [];
for (let i = 0; i < N; i++) {
  const [p] = await enterHousehold(services, M, { banchi: `${5000 + i}番地`, movedInOn: shiftDays(today, -300), members: [{ givenName: `太郎${i}`, birthDate: '1980-04-01', relationship: '世帯主' }] });
  people.push(p!);
}
// A 1 MB attachment: a PNG signature and padding (the type is read from the content).
const attachment = Buffer.alloc(1_000_000);
Buffer.from('89504e470d0a1a0a', 'hex').copy(attachment);

const p = services.procedures;
const submitLatency: number[] = [];
let t0 = performance.now();
for (const person of people) {
  const r = residentOf(M, person);
  const { applicationId } = await p.start(r, 'residence-certificate', ctx);
  await p.savePage(r, applicationId, 'applicant', { 'applicant.familyName': [person.familyName], 'applicant.givenName': [person.givenName], 'applicant.familyNameKana': ['コマツ'],
    'applicant.givenNameKana': ['タロウ'], 'applicant.birthDate': ['昭和55年4月1日'], 'applicant.phone': ['0263-52-0280'], relation: ['self'] });
  await p.savePage(r, applicationId, 'certificate', { scope: ['self'], copies: ['1'] });
  await p.savePage(r, applicationId, 'purpose', { purpose: ['勤務先へ提出'] });
  const s = performance.now();
  await p.attach(r, applicationId, 'identity-document', { fileName: 'id.png', bytes: attachment });
  await p.submit(r, applicationId, ctx);
  submitLatency.push(performance.now() - s);
}
const online = N / ((performance.now() - t0) / 1000);

// Baseline: the same case submitted by staff directly (no form pages, no attachment).
const actor = { type: 'staff' as const, municipalityCode: M, staffId: '00000000-0000-4000-8000-000000000001', loginId: 'bench', displayName: 'bench', roles: ['counter' as const],
  csrfToken: '', sessionTokenHash: '', authMethod: 'password' as const };
t0 = performance.now();
for (const person of people) {
  await services.cases.submit(actor, { caseTypeCode: 'residence-certificate', channel: 'counter',
    applicant: { atenaNo: person.atenaNo, familyName: person.familyName, givenName: person.givenName, birthDate: person.birthDate },
    subjects: [{ atenaNo: person.atenaNo, familyName: person.familyName, givenName: person.givenName, birthDate: person.birthDate }],
    data: { scope: 'self', copies: 1, purpose: '勤務先へ提出', delivery: 'counter' } }, ctx);
}
const baseline = N / ((performance.now() - t0) / 1000);

console.log(JSON.stringify({
  database: db.kind, applications: N,
  onlineApplicationsPerSecond: +online.toFixed(1), attachAndSubmitP95Ms: +q95(submitLatency).toFixed(1),
  baselineStaffSubmissionsPerSecond: +baseline.toFixed(1), ratioOnlineToBaseline: +(online / baseline).toFixed(2),
}, null, 2));
await db.close();
