// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { request, single } from '../../../../test/fixtures/daycare/request-builder.ts';
import { validateRequest } from './request-validation.ts';

describe('validateRequest', () => {
  it('accepts a minimal request', () => {
    expect(validateRequest(request([{ id: 'F1', seats: [0, 0, 0, 0, 0, 0] }], []))).toEqual([]);
  });

  it('names every problem with a JSON Pointer', () => {
    const bad = request([{ id: 'F1', seats: [0, 1, 0, 0, 0, 0] }, { id: 'F1', seats: [0, 0, 0, 0, 0, 0] }], [
      single('A', { ageClass: 1, score: 1, preferences: ['F1', 'F1'], currentFacilityId: 'F9', scoreByFacility: { 'F/x': 2 } }),
      { id: 'HJ', children: [
        { id: 'A', ageClass: 1, score: 1, preferences: ['F1'] },
        { id: 'B', ageClass: 1, score: 1, preferences: [] },
      ], jointPreferences: [['F1'], ['F1', 'F1']] },
    ]);
    const pointers = validateRequest(bad).map((p) => `${p.pointer}: ${p.message}`);
    expect(pointers).toEqual([
      '/facilities/1/id: duplicate facility id "F1"',
      '/households/0/children/0/currentFacilityId: unknown facility "F9"',
      '/households/0/children/0/scoreByFacility/F~1x: unknown facility "F/x"',
      '/households/0/children/0/preferences/1: duplicate preference "F1"',
      '/households/1/children/0/id: duplicate child id "A"',
      '/households/1/jointPreferences/0: must have 2 entries, one per child',
      '/households/1/jointPreferences/1/1: facility "F1" is not in the preferences of child 1',
    ]);
  });

  it('rejects non-objects and wrong schema versions', () => {
    expect(validateRequest([])).toEqual([{ pointer: '', message: 'the request must be a JSON object' }]);
    expect(validateRequest({ ...request([], []), schemaVersion: '2' })[0]!.pointer).toBe('/schemaVersion');
  });
});
