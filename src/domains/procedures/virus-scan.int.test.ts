// Residents' attachments scanned by a real ClamAV daemon where one is configured (issue #14): a clean file is
// stored as scanned, an infected one is refused with a Japanese message and never stored, and a scanner that gives
// no verdict refuses the upload (503, try again) rather than letting the file through. Without a scanner the file
// is stored as not scanned.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/test-app.ts';
import { EICAR, clamdAvailable, startClamd } from '../../../test/clamd.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { createClamdScanner } from '../../platform/files/virus-scanner.ts';
import { japanToday } from '../registry/index.ts';
import { shiftDays } from '../cases/business-days.ts';
import { enterHousehold, type FixturePerson } from '../cases/testing/case-fixtures.ts';
import { createProcedures } from './procedures.module.ts';
import { residentOf } from './testing/residents.ts';

const M = '202151';
const ctx = { clientIp: '127.0.0.1', requestId: 'test' };
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4bf0000000049454e44ae426082', 'hex');

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try { await p; } catch (e) { if (e instanceof DomainError) return e; throw e; }
  throw new Error('expected a refusal');
}

describe.skipIf(!clamdAvailable && !process.env.CI)('attachments and the virus scanner', () => {
  const t = useTestApp();
  let clamd: Awaited<ReturnType<typeof startClamd>>;
  let parent: FixturePerson;
  const withScanner = (url: string) => createProcedures(t.services.db, t.services.clock, t.services.cases, t.services.registry, t.services.accessLog, t.services.daycare,
    'all', createClamdScanner(url, 3000)).procedures;
  const stored = async () => (await sql<{ virusScan: string; scanned: boolean }>`SELECT virus_scan AS "virusScan", scanned_at IS NOT NULL AS scanned
    FROM procedures.attachment ORDER BY added_at`.execute(t.services.db.owner)).rows;

  beforeAll(async () => {
    clamd = await startClamd();
    await t.tenant(M);
    const today = japanToday(t.services.clock);
    [parent] = await enterHousehold(t.services, M, { banchi: '300番地', familyName: '百瀬', movedInOn: shiftDays(today, -400), members: [
      { givenName: '誠', birthDate: '1984-02-03', relationship: '世帯主' }, { givenName: '陽', birthDate: shiftDays(today, -800), relationship: '子' }] }) as [FixturePerson];
  }, 120_000);
  afterAll(async () => clamd?.stop());

  it('stores a clean file as scanned and refuses an infected one without storing it', async () => {
    const p = withScanner(clamd.url);
    const r = residentOf(M, parent);
    const { applicationId } = await p.start(r, 'child-allowance', ctx);
    const ok = await p.attach(r, applicationId, 'bank-card', { fileName: 'card.png', bytes: PNG });
    expect(ok.virusScan).toBe('clean');
    const infected = await refusal(p.attach(r, applicationId, 'bank-card', { fileName: 'card2.png', bytes: Buffer.concat([PNG, EICAR]) }));
    expect(infected.code).toBe('attachment-infected');
    expect(infected.status).toBe(422);
    expect(infected.title).toMatch(/ウイルス/);
    expect((await p.get(r, applicationId, ctx)).attachments.map((a) => a.fileName)).toEqual(['card.png']);
    expect(await stored()).toEqual([{ virusScan: 'clean', scanned: true }]);
  });

  it('refuses the upload when the scanner gives no verdict, and stores as not scanned where none is configured', async () => {
    const r = residentOf(M, parent);
    const { applicationId } = await t.services.procedures.start(r, 'child-allowance', ctx);
    const down = await refusal(withScanner('tcp://127.0.0.1:1').attach(r, applicationId, 'bank-card', { fileName: 'card.png', bytes: PNG }));
    expect(down.code).toBe('virus-scan-unavailable');
    expect(down.status).toBe(503);
    expect((await t.services.procedures.get(r, applicationId, ctx)).attachments).toHaveLength(0);
    const plain = await t.services.procedures.attach(r, applicationId, 'bank-card', { fileName: 'card.png', bytes: PNG });
    expect(plain.virusScan).toBe('not-configured');
    expect((await stored()).at(-1)).toEqual({ virusScan: 'not-configured', scanned: false });
  });
});
