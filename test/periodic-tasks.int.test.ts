// The platform scheduler and its tasks: case jobs through graphile-worker on a server (timers on PGlite), the purge of
// expired idempotency keys, and the signed access-log checkpoint that `jichi audit verify --checkpoint DIR` reads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from './test-database.ts';
import { createServices, type Services } from '../src/services.ts';
import type { Database } from '../src/platform/db/database.ts';
import { startScheduler, type PeriodicTask } from '../src/platform/jobs/scheduler.ts';
import { periodicTasks, writeAuditCheckpoint } from '../src/periodic-tasks.ts';
import { checkpointKey, newestCheckpointFile, readCheckpoint } from '../src/platform/audit/checkpoint.ts';
import { japanToday } from '../src/domains/registry/index.ts';
import { addDays } from '../src/platform/dates/jp-date.ts';
import { enterHousehold, moveWithinSubmission } from '../src/domains/cases/testing/case-fixtures.ts';

const M = '202151';
const server = !!process.env.DATABASE_URL;

describe('periodic tasks', () => {
  let db: Database & { drop(): Promise<void> };
  let services: Services;
  let url: string | undefined;
  let dir = '';
  beforeAll(async () => {
    db = await openTestDatabase();
    services = createServices(db, { sessionIdleSeconds: 3600, sessionMaxSeconds: 3600 });
    await services.tenants.loadReferenceData();
    await services.tenants.onboard(M);
    if (server) {
      const name = (await sql<{ n: string }>`SELECT current_database() AS n`.execute(db.owner)).rows[0]!.n;
      url = Object.assign(new URL(process.env.DATABASE_URL!), { pathname: `/${name}` }).toString();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jichi-checkpoints-'));
  });
  afterAll(async () => { fs.rmSync(dir, { recursive: true, force: true }); await db.drop(); });

  it('reviews a submitted case through the scheduler (graphile-worker on a server) and writes the registry change', async () => {
    const today = japanToday(services.clock);
    const persons = await enterHousehold(services, M, { banchi: '500番地', movedInOn: addDays(today, -100), members: [{ givenName: '一', birthDate: '1970-01-01', relationship: '世帯主' }] });
    services.cases.setAutoKick(false);
    const actor = { type: 'staff' as const, municipalityCode: M, staffId: '00000000-0000-4000-8000-000000000001', loginId: 'x', displayName: 'x', roles: ['counter' as const],
      csrfToken: '', sessionTokenHash: '', authMethod: 'password' as const };
    const created = await services.cases.submit(actor, moveWithinSubmission(persons, { movedOn: today, banchi: '1番' }), { clientIp: '', requestId: 't' });
    const resultOf = async () => (await sql<{ resultCode: string | null }>`SELECT result_code FROM cases.case WHERE case_id = ${created.caseId}`.execute(db.owner)).rows[0]!.resultCode;
    expect(await resultOf()).toBeNull();
    const errors: unknown[] = [];
    const scheduler = await startScheduler(periodicTasks(services, { auditCheckpointDir: dir }), { databaseUrl: url, onError: (_t, e) => errors.push(e) });
    try {
      await scheduler.runNow('cases_tick');
      let result: string | null = null;
      for (let i = 0; i < 100 && !result; i++) {
        result = await resultOf();
        if (!result) await new Promise((r) => setTimeout(r, 100));
      }
      expect(result).toBe('approved');
      expect(await services.cases.jobStats(M)).toMatchObject({ pending: 0, dead: 0 });
      expect(errors).toEqual([]);
    } finally {
      await scheduler.stop();
    }
  });

  it('purges idempotency keys older than a day and keeps the newer ones', async () => {
    const staff = await services.identity.addStaff({ type: 'operator', id: 'test' }, M, { loginId: 'purge-test', displayName: '職員', roles: ['counter'], password: 'correct-horse-battery-staple-9' }, { clientIp: '', requestId: 't' });
    await sql`INSERT INTO platform.idempotency_key (municipality_code, staff_id, idem_key, fingerprint, created_at) VALUES
      (${M}, ${staff.staffId}, 'old-key-0001', ${'a'.repeat(64)}, now() - interval '25 hours'),
      (${M}, ${staff.staffId}, 'new-key-0001', ${'b'.repeat(64)}, now() - interval '1 hour')`.execute(db.owner);
    const purge = periodicTasks(services, { auditCheckpointDir: dir }).find((t) => t.name === 'idempotency_purge')!;
    expect(await purge.run()).toBe(1);
    const left = (await sql<{ idemKey: string }>`SELECT idem_key FROM platform.idempotency_key WHERE staff_id = ${staff.staffId}`.execute(db.owner)).rows.map((r) => r.idemKey);
    expect(left).toEqual(['new-key-0001']);
  });

  it('writes signed checkpoints of the heads into the directory and keeps the newest', async () => {
    const first = await writeAuditCheckpoint(services, dir, new Date('2026-12-01T00:00:00Z'));
    const second = await writeAuditCheckpoint(services, dir, new Date('2026-12-01T01:00:00Z'));
    expect(path.basename(first)).toBe('access-log-checkpoint-20261201T000000Z.json');
    expect(newestCheckpointFile(dir)).toBe(second);
    const c = readCheckpoint(fs.readFileSync(second, 'utf8'), checkpointKey({}).key);
    const heads = (await services.audit.verify()).heads;
    expect(c.heads).toEqual(heads);
    expect(heads.find((h) => h.municipalityCode === M)?.seq).toBeGreaterThan(0);
    // A forged file is refused.
    fs.writeFileSync(second, fs.readFileSync(second, 'utf8').replace(/"seq": [0-9]+/, '"seq": 999999'));
    expect(() => readCheckpoint(fs.readFileSync(second, 'utf8'), checkpointKey({}).key)).toThrow(/署名が一致しません/);
  });

  it('runs a task on timers without a server, never two runs of one task at once', async () => {
    let running = 0; let most = 0; let runs = 0;
    const slow: PeriodicTask = { name: 'slow_task', cron: '* * * * *', everyMs: 5, run: async () => {
      running++; most = Math.max(most, running); runs++;
      await new Promise((r) => setTimeout(r, 40));
      running--;
    } };
    const s = await startScheduler([slow], { onError: () => {} });
    await new Promise((r) => setTimeout(r, 200));
    await s.stop();
    expect(runs).toBeGreaterThan(1);
    expect(most).toBe(1);
    await expect(startScheduler([{ ...slow, name: 'Bad-Name' }], { onError: () => {} })).rejects.toThrow(/bad task name/);
  });
});
