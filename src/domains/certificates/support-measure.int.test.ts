// DV等支援措置: a protected person is never on an agent's or third party's certificate; the clerk sees the
// reason, the attempt is logged, nothing is issued. Runs the service over an in-memory source (the same refusal
// over the real registry is in support-measure-registry.int.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/test-app.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { createAccessLogRepository } from '../../platform/audit/access-log.repository.ts';
import { fixedClock } from '../../platform/clock.ts';
import { withTenant } from '../../platform/tenancy/tenant-transaction.ts';
import { createCertificateRepository } from './certificates.repository.ts';
import { CertificateRefusedError, createCertificateService } from './certificates.service.ts';
import { createMemoryCertificateSource } from './memory-certificate-source.ts';
import { sampleHousehold } from './testing/sample-household.ts';

const M = '202151';

describe('support measures (DV等支援措置)', () => {
  const t = useTestApp();
  let actor: Actor;
  const ctx = { clientIp: '127.0.0.1', requestId: 'req-dv' };
  const make = () => {
    const [head, wife, ...kids] = sampleHousehold();
    const source = createMemoryCertificateSource([head!, { ...wife!, supportMeasure: true }, ...kids].map((record) => ({ municipalityCode: M, from: '2000-01-01', status: 'final' as const, record })));
    return createCertificateService({
      db: t.services.db, source, certificates: createCertificateRepository(), accessLog: createAccessLogRepository(), tenants: t.services.tenants,
      clock: fixedClock('2025-04-01T03:00:00Z'), verificationBaseUrl: 'http://localhost/verify',
    });
  };

  beforeAll(async () => {
    const { staffId, loginId } = await t.staff(M, ['counter']);
    await t.services.tenants.updateSettings(M, { mayorName: '塩尻　一郎' });
    actor = { type: 'staff', municipalityCode: M, staffId, loginId, displayName: 'テスト', roles: ['counter'], csrfToken: '', sessionTokenHash: '', authMethod: 'password' };
  });

  it('refuses agent and third-party requests that include the protected person, logs them, issues nothing', async () => {
    const service = make();
    for (const requester of [{ type: 'agent' as const, powerOfAttorneyChecked: true }, { type: 'third-party' as const, ground: 'own-rights-duties' as const }]) {
      const err = await service.issue(actor, { kind: 'residence-copy', householdId: 'h-1', requester, purpose: '相続手続のため' }, ctx).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CertificateRefusedError);
      expect(err).toMatchObject({ code: 'support-measure-restricted', status: 403, title: '支援措置対象者が含まれているため、この請求には交付できません' });
    }
    // Other members alone may still be issued to an agent.
    const ok = await service.issue(actor, { kind: 'residence-copy', personIds: ['p-1'], requester: { type: 'agent', powerOfAttorneyChecked: true } }, ctx);
    expect(ok.alerts).toEqual([]);
    const { ledger, log } = await withTenant(t.services.db, M, async (trx) => ({
      ledger: await createCertificateRepository().listIssuances(trx, M, { limit: 100 }),
      log: await createAccessLogRepository().list(trx, { subjectType: 'household', subjectId: 'h-1', limit: 100 }),
    }));
    expect(ledger.map((r) => r.personIds)).toEqual([['p-1']]);
    expect(log.filter((e) => e.action === 'certificates.refused' && e.outcome === 'denied' && e.purpose.endsWith('support-measure-restricted'))).toHaveLength(2);
  });

  it('shows the clerk an alert when the protected person or their household asks', async () => {
    const preview = await make().preview(actor, { kind: 'residence-copy', householdId: 'h-1', requester: { type: 'self', personId: 'p-2' }, personIds: ['p-2'] }, ctx);
    expect(preview.alerts).toEqual(['support-measure-subject']);
  });
});
