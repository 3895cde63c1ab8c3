import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH, verifyChain } from './access-log-chain.ts';
import type { AccessLogRow } from './access-log.repository.ts';

function chain(n: number): AccessLogRow[] {
  const rows: AccessLogRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const row: AccessLogRow = {
      municipalityCode: '202151', seq: i, occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)), actorType: 'staff', actorId: `s${i}`,
      action: 'registry.person.read', subjectType: 'person', subjectId: `p${i}`, purpose: '', myNumberAccessed: false,
      clientIp: '127.0.0.1', requestId: `r${i}`, outcome: 'ok', prevHash: prev, hash: '',
    };
    row.hash = entryHash(row);
    prev = row.hash;
    rows.push(row);
  }
  return rows;
}

describe('verifyChain', () => {
  it('accepts an intact chain', async () => {
    const rows = chain(5);
    expect(await verifyChain(rows)).toEqual({ entries: 5, municipalities: 1, breaks: [], heads: [{ municipalityCode: '202151', seq: 5, hash: rows[4]!.hash }] });
  });
  it('finds an altered field', async () => {
    const rows = chain(5);
    rows[2]!.subjectId = 'someone-else';
    expect((await verifyChain(rows)).breaks).toEqual([{ municipalityCode: '202151', seq: 3, reason: 'hash-mismatch' }]);
  });
  it('finds a deleted entry', async () => {
    const rows = chain(5);
    rows.splice(1, 1);
    const reasons = (await verifyChain(rows)).breaks.map((b) => b.reason);
    expect(reasons).toContain('gap');
    expect(reasons).toContain('broken-link');
  });
  it('finds a re-hashed forgery because the next link no longer matches', async () => {
    const rows = chain(4);
    rows[1]!.action = 'forged';
    rows[1]!.hash = entryHash(rows[1]!);
    expect((await verifyChain(rows)).breaks).toEqual([{ municipalityCode: '202151', seq: 3, reason: 'broken-link' }]);
  });
});
