// toProblem: every error becomes problem+json with a stable code; database concurrency failures are a 409.
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { toProblem } from './problem.ts';

describe('toProblem', () => {
  it('answers a deadlock or serialisation failure with 409 concurrent-update and a Japanese title', () => {
    for (const code of ['40P01', '40001']) {
      const err = Object.assign(new Error('deadlock detected'), { code });
      expect(toProblem(err, 'r1')).toMatchObject({ status: 409, code: 'concurrent-update', instance: 'urn:request:r1' });
      expect(toProblem(err, 'r1').title).toMatch(/もう一度/);
    }
  });

  it('keeps other database errors internal (500, no detail of the cause)', () => {
    const err = Object.assign(new Error('duplicate key value violates unique constraint "person_pkey"'), { code: '23505' });
    const p = toProblem(err, 'r2');
    expect(p).toMatchObject({ status: 500, code: 'internal-error', detail: 'Internal server error' });
    expect(JSON.stringify(p)).not.toContain('person_pkey');
  });

  it('passes a domain error through with its own status and code', () => {
    expect(toProblem(new DomainError('x-refused', '拒否しました', 422), 'r3')).toMatchObject({ status: 422, code: 'x-refused', title: '拒否しました' });
  });
});
