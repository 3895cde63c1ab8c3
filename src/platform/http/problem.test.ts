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

  // Issue #15 (defect 3): a unique violation under concurrency was a 500.
  it('answers unique and foreign-key violations with 409/422 and a stable code, without the constraint name', () => {
    const dup = toProblem(Object.assign(new Error('duplicate key value violates unique constraint "person_pkey"'), { code: '23505' }), 'r2');
    expect(dup).toMatchObject({ status: 409, code: 'already-exists' });
    expect(JSON.stringify(dup)).not.toContain('person_pkey');
    expect(toProblem(Object.assign(new Error('insert or update on table "x" violates foreign key constraint "x_fkey"'), { code: '23503' }), 'r2'))
      .toMatchObject({ status: 422, code: 'reference-not-found' });
    expect(toProblem(Object.assign(new Error('update or delete on table "x" violates foreign key constraint "y_fkey" on table "y": Key is still referenced from table "y".'), { code: '23503' }), 'r2'))
      .toMatchObject({ status: 409, code: 'still-referenced' });
  });

  it('keeps other database errors internal (500, no detail of the cause)', () => {
    const err = Object.assign(new Error('value too long for type character varying "person_name"'), { code: '22001' });
    const p = toProblem(err, 'r2');
    expect(p).toMatchObject({ status: 500, code: 'internal-error', detail: 'Internal server error' });
    expect(JSON.stringify(p)).not.toContain('person_name');
  });

  it('passes a domain error through with its own status and code', () => {
    expect(toProblem(new DomainError('x-refused', '拒否しました', 422), 'r3')).toMatchObject({ status: 422, code: 'x-refused', title: '拒否しました' });
  });
  it('answers 503 database-unavailable, with a Japanese title, when the database cannot be reached (issue #15)', () => {
    for (const err of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      Object.assign(new Error('connection failure'), { code: '08006' }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
    ]) {
      expect(toProblem(err, 'r3'), err.message).toMatchObject({ status: 503, code: 'database-unavailable', title: expect.stringMatching(/しばらくしてから/) });
    }
    expect(toProblem(Object.assign(new Error('syntax error'), { code: '42601' }), 'r3').status).toBe(500);
  });
});
