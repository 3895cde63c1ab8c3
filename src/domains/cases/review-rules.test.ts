// Automatic review, identity check (issue #10): names compared as the registry holds them; a foreign resident
// registered under a roman name only (no 氏) is matched by the ローマ字氏名, and an empty name never matches.
import { describe, expect, it } from 'vitest';
import { runReview, type RegistryPerson, type ReviewInputs, type StatedPerson } from './review-rules.ts';

const registered = (p: Partial<RegistryPerson>): RegistryPerson => ({
  atenaNo: '000000001', familyName: '', givenName: '', birthSort: '1995-03-04', householdId: 'h1', relationship: '世帯主', townCode: null,
  townName: '大字広丘野村', banchi: '1番地', katagaki: '', removed: false, pendingChange: false, ...p,
});
const inputs = (person: RegistryPerson, stated: StatedPerson): ReviewInputs => ({
  receivedOn: '2026-12-04', applicant: stated, subjects: [stated], data: {}, persons: { [person.atenaNo]: person },
  households: { h1: [person.atenaNo] }, newTown: null, conflictingCases: [],
});
const identity = (person: RegistryPerson, stated: StatedPerson) => runReview([{ rule: 'identity-match' }], inputs(person, stated))[0]!;

describe('identity-match', () => {
  const foreigner = registered({ romanName: 'NGUYEN VAN AN' });
  it('matches a foreign resident by the roman name, whatever the spacing and case', () => {
    expect(identity(foreigner, { atenaNo: '000000001', familyName: '', givenName: '', romanName: 'Nguyen  Van An', birthSort: '1995-03-04' }).passed).toBe(true);
  });
  it('never matches an empty or a different name', () => {
    const empty = identity(foreigner, { atenaNo: '000000001', familyName: '', givenName: '', birthSort: '1995-03-04' });
    expect(empty).toMatchObject({ passed: false });
    expect(empty.message).toContain('氏名が住民記録と一致しません');
    expect(identity(foreigner, { atenaNo: '000000001', familyName: '', givenName: '', romanName: 'NGUYEN VAN ANH', birthSort: '1995-03-04' }).passed).toBe(false);
    expect(identity(registered({}), { atenaNo: '000000001', familyName: '', givenName: '', romanName: 'X', birthSort: '1995-03-04' }).passed).toBe(false);
  });
  it('compares 氏・名 of a person registered with them, ignoring spaces', () => {
    const japanese = registered({ familyName: '小松', givenName: '太郎', romanName: undefined });
    expect(identity(japanese, { atenaNo: '000000001', familyName: '小松 ', givenName: '太郎', birthSort: '1995-03-04' }).passed).toBe(true);
    expect(identity(japanese, { atenaNo: '000000001', familyName: '小松', givenName: '太朗', birthSort: '1995-03-04' }).passed).toBe(false);
  });
});
