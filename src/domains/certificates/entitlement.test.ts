// Exhaustive tests of the entitlement rules (住基法 12条・12条の2・12条の3, DV等支援措置).
import { describe, expect, it } from 'vitest';
import { CERTIFICATE_KINDS, PRINT_ITEMS, REQUESTER_TYPES, type CertificateKind, type CertificatePerson, type CertificateRequester, type RequesterType } from './certificate-model.ts';
import { decideEntitlement, REFUSALS, type EntitlementInput } from './entitlement.ts';
import { sampleHousehold, samplePerson } from './testing/sample-household.ts';

const TODAY = '2025-04-01';
const household = sampleHousehold();
const removed = samplePerson({ personId: 'r-1', householdId: 'h-1', relationship: '子', memberOrder: 5, removedOn: '2025-03-01', removalReason: '国内転出', destination: '東京都港区芝公園4-2-8' });
const leaving = samplePerson({ personId: 'l-1', householdId: 'h-1', relationship: '子', memberOrder: 6, removedOn: '2025-04-20', removalReason: '国内転出', destination: '東京都港区芝公園4-2-8' });

/** A complete, valid requester of each type. */
function requester(type: RequesterType): CertificateRequester {
  switch (type) {
    case 'self': return { type, personId: 'p-1' };
    case 'household': return { type, personId: 'p-2' };
    case 'agent': return { type, powerOfAttorneyChecked: true };
    case 'third-party': return { type, ground: 'own-rights-duties' };
    case 'official': return { type, officialBody: '塩尻税務署', legalBasis: '国税通則法第74条の12' };
  }
}

const decide = (over: Partial<EntitlementInput>) => decideEntitlement({
  kind: 'residence-copy', requester: requester('self'), purpose: '金融機関への提出', persons: [household[0]!], householdMembers: [...household, removed, leaving], today: TODAY, ...over,
});

/** A subject valid for each kind. */
function subjectFor(kind: CertificateKind): CertificatePerson[] {
  if (kind === 'removed-copy') return [removed];
  if (kind === 'move-out') return [leaving];
  return [household[0]!];
}

describe('decideEntitlement', () => {
  it('allows each requester type with the defaults, omitting the sensitive items', () => {
    for (const type of REQUESTER_TYPES) {
      const r = decide({ requester: type === 'self' ? { type, personId: 'p-1' } : requester(type) });
      expect(r, type).toMatchObject({ allowed: true });
      if (r.allowed) for (const sensitive of ['myNumber', 'residentCode', 'honseki', 'history'] as const) expect(r.items).not.toContain(sensitive);
    }
  });

  it('decides every combination of kind, requester type and single item consistently with the rules', () => {
    for (const kind of CERTIFICATE_KINDS) {
      for (const type of REQUESTER_TYPES) {
        for (const item of PRINT_ITEMS) {
          const persons = subjectFor(kind);
          const req = type === 'self' ? { type, personId: persons[0]!.personId } : requester(type);
          const r = decide({ kind, requester: req, persons, items: [item] });
          const label = `${kind}/${type}/${item}`;
          if (kind === 'move-out' && (type === 'third-party' || type === 'official')) {
            expect(r, label).toMatchObject({ allowed: false, code: 'kind-not-allowed-for-requester' });
          } else if (kind !== 'move-out' && (item === 'myNumber' || item === 'residentCode') && !(type === 'self' || type === 'household')) {
            expect(r, label).toMatchObject({ allowed: false, code: 'item-not-allowed', detail: { items: [item] } });
          } else {
            expect(r, label).toMatchObject({ allowed: true });
            if (r.allowed && kind === 'move-out') expect(r.items).not.toContain('myNumber');
            if (r.allowed && kind !== 'move-out') expect(r.items).toEqual([item]);
          }
        }
      }
    }
  });

  it('allows the 世帯主 to ask for the 世帯全員 copy as 本人 (issue #9: refused on 84be6ac)', () => {
    expect(decide({ requester: { type: 'self', personId: 'p-1' }, persons: household })).toMatchObject({ allowed: true });
  });

  it('refuses a self request that names someone else and a household request by an outsider', () => {
    expect(decide({ requester: { type: 'self', personId: 'p-1' }, persons: [household[1]!] })).toMatchObject({ code: 'requester-not-subject', status: 403 });
    expect(decide({ requester: { type: 'self' } })).toMatchObject({ code: 'requester-person-required' });
    expect(decide({ requester: { type: 'household', personId: 'x-9' } })).toMatchObject({ code: 'requester-not-in-household' });
    expect(decide({ requester: { type: 'household', personId: 'p-4' }, persons: household })).toMatchObject({ allowed: true });
  });

  it('needs a checked 委任状 for agents, a ground and purpose for third parties, body and basis for official requests', () => {
    expect(decide({ requester: { type: 'agent' } })).toMatchObject({ code: 'power-of-attorney-required' });
    expect(decide({ requester: { type: 'third-party' } })).toMatchObject({ code: 'ground-required' });
    expect(decide({ requester: requester('third-party'), purpose: ' ' })).toMatchObject({ code: 'purpose-required' });
    expect(decide({ requester: { type: 'official', officialBody: '塩尻税務署' } })).toMatchObject({ code: 'official-basis-required' });
    expect(decide({ requester: requester('official'), purpose: '' })).toMatchObject({ code: 'purpose-required' });
  });

  it('refuses any agent or third-party request that includes a person under a support measure, and alerts otherwise', () => {
    const protectedPerson = { ...household[1]!, supportMeasure: true };
    const persons = [household[0]!, protectedPerson];
    for (const type of ['agent', 'third-party'] as const) {
      expect(decide({ requester: requester(type), persons }), type).toMatchObject({ allowed: false, code: 'support-measure-restricted', status: 403, detail: { personIds: ['p-2'] } });
    }
    expect(decide({ requester: { type: 'household', personId: 'p-1' }, persons })).toMatchObject({ allowed: true, alerts: ['support-measure-subject'] });
    expect(decide({ requester: requester('official'), persons })).toMatchObject({ allowed: true, alerts: ['support-measure-official-review'] });
    expect(decide({ requester: requester('agent'), persons: [household[0]!] })).toMatchObject({ allowed: true, alerts: [] });
  });

  it('matches the kind to the record: copies for residents, 除票 for removed persons, 転出証明書 for movers', () => {
    expect(decide({ persons: [removed], requester: { type: 'self', personId: 'r-1' } })).toMatchObject({ code: 'person-removed' });
    expect(decide({ kind: 'removed-copy', persons: [household[0]!] })).toMatchObject({ code: 'person-not-removed' });
    expect(decide({ kind: 'move-out', persons: [household[0]!] })).toMatchObject({ code: 'no-move-out' });
    // A pending 転出 (planned day ahead) is still a resident: its copy is a 住民票の写し.
    expect(decide({ persons: [leaving], requester: { type: 'self', personId: 'l-1' } })).toMatchObject({ allowed: true });
    expect(decide({ kind: 'move-out', persons: [leaving], requester: { type: 'self', personId: 'l-1' } })).toMatchObject({ allowed: true });
  });

  it('allows a past day only for a 記載事項証明書, never a future one', () => {
    expect(decide({ asOf: '2020-01-01' })).toMatchObject({ code: 'as-of-not-allowed' });
    expect(decide({ asOf: TODAY })).toMatchObject({ allowed: true });
    expect(decide({ kind: 'residence-items', asOf: '2026-01-01' })).toMatchObject({ code: 'as-of-in-future' });
    expect(decide({ kind: 'residence-items', asOf: '2020-01-01' })).toMatchObject({ allowed: true });
    expect(decide({ kind: 'residence-items', asOf: '2010-01-01' })).toMatchObject({ code: 'not-resident-on-date' });
  });

  it('refuses empty and mixed-household requests', () => {
    expect(decide({ persons: [] })).toMatchObject({ code: 'no-persons' });
    expect(decide({ persons: [household[0]!, samplePerson({ personId: 'z', householdId: 'h-9' })] })).toMatchObject({ code: 'mixed-households' });
  });

  it('gives every refusal a Japanese title and a client-error status', () => {
    for (const [code, r] of Object.entries(REFUSALS)) {
      expect(r.title, code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(r.status, code).toBeGreaterThanOrEqual(400);
      expect(r.status, code).toBeLessThan(500);
    }
  });
});
