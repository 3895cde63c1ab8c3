// On a PostgreSQL server: graphile-worker runs the case jobs (a submitted 転居届 is reviewed and approved through
// it). Skipped on PGlite, which has no server for graphile-worker to connect to (the in-process runner is used).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/test-database.ts';
import { createServices, type Services } from '../../services.ts';
import type { Database } from '../../platform/db/database.ts';
import { japanToday } from '../registry/index.ts';
import { shiftDays } from './business-days.ts';
import { startGraphileRunner, requestTick } from './graphile-runner.ts';
import { enterHousehold, moveWithinSubmission } from './testing/case-fixtures.ts';

const M = '202151';
const server = !!process.env.DATABASE_URL;

describe.skipIf(!server)('graphile-worker runner (PostgreSQL server)', () => {
  let db: Database & { drop(): Promise<void> };
  let services: Services;
  let url = '';
  beforeAll(async () => {
    db = await openTestDatabase();
    services = createServices(db, { sessionIdleSeconds: 3600, sessionMaxSeconds: 3600 });
    await services.tenants.loadReferenceData();
    await services.tenants.onboard(M);
    const name = (await sql<{ n: string }>`SELECT current_database() AS n`.execute(db.owner)).rows[0]!.n;
    url = Object.assign(new URL(process.env.DATABASE_URL!), { pathname: `/${name}` }).toString();
  });
  afterAll(async () => db.drop());

  it('reviews a submitted case through graphile-worker and writes the registry change', async () => {
    const today = japanToday(services.clock);
    const persons = await enterHousehold(services, M, { banchi: '500番地', movedInOn: shiftDays(today, -100), members: [{ givenName: '一', birthDate: '1970-01-01', relationship: '世帯主' }] });
    services.cases.setAutoKick(false);
    const actor = { type: 'staff' as const, municipalityCode: M, staffId: '00000000-0000-4000-8000-000000000001', loginId: 'x', displayName: 'x', roles: ['counter' as const],
      csrfToken: '', sessionTokenHash: '', authMethod: 'password' as const };
    const created = await services.cases.submit(actor, moveWithinSubmission(persons, { movedOn: today, banchi: '1番' }), { clientIp: '', requestId: 't' });
    const runner = await startGraphileRunner(url, () => services.cases.tick());
    try {
      await requestTick(url);
      let result: string | null = null;
      for (let i = 0; i < 100 && !result; i++) {
        await new Promise((r) => setTimeout(r, 100));
        result = (await sql<{ resultCode: string | null }>`SELECT result_code FROM cases.case WHERE case_id = ${created.caseId}`.execute(db.owner)).rows[0]!.resultCode;
      }
      expect(result).toBe('approved');
      expect(await services.cases.jobStats(M)).toMatchObject({ pending: 0, dead: 0 });
    } finally {
      await runner.stop();
    }
  });
});
