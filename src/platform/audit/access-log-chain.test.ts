import { describe, expect, it } from 'vitest';
import { entryHash, entryText, GENESIS_HASH, verifyChain } from './access-log-chain.ts';
import type { AccessLogRow } from './access-log.repository.ts';

function chain(n: number, chainNo = 0): AccessLogRow[] {
  const rows: AccessLogRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const row: AccessLogRow = {
      municipalityCode: '202151', seq: i * 100 + chainNo, chain: chainNo, chainSeq: i, occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)), actorType: 'staff', actorId: `s${i}`,
      action: 'registry.person.read', subjectType: 'person', subjectId: `p${i}`, purpose: '', myNumberAccessed: false,
      clientIp: '127.0.0.1', requestId: `r${i}`, outcome: 'ok', disclosedItems: '', terminalCode: '', placeCode: '', prevHash: prev, hash: '',
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
    expect(await verifyChain(rows)).toEqual({ entries: 5, municipalities: 1, breaks: [], heads: [{ municipalityCode: '202151', chain: 0, seq: 5, hash: rows[4]!.hash }] });
  });
  it('hashes the disclosed items only when there are some, so older entries keep their hash (migration 0021)', async () => {
    const [row] = chain(1);
    expect(entryText(row!)).not.toContain('domicile');
    expect(entryText({ ...row!, disclosedItems: 'domicile,resident-code' })).toBe(`${entryText(row!)}\u001fdomicile,resident-code`);
    const rows = chain(3);
    rows[1]!.disclosedItems = 'domicile';
    expect((await verifyChain(rows)).breaks).toEqual([{ municipalityCode: '202151', chain: 0, seq: 2, reason: 'hash-mismatch' }]);
  });
  it('hashes the screen name only when there is one, after the disclosed items, terminal and place (migration 0035)', async () => {
    const [row] = chain(1);
    expect(entryText({ ...row!, screenName: '' })).toBe(entryText(row!));
    expect(entryText({ ...row!, terminalCode: 't1', placeCode: 'p1', screenName: '住民記録 個人票' })).toBe(`${entryText(row!)}\u001f\u001ft1\u001fp1\u001f住民記録 個人票`);
    expect(entryText({ ...row!, screenName: '管理' })).toBe(`${entryText(row!)}\u001f\u001f\u001f\u001f管理`);
    const rows = chain(3);
    rows[1]!.screenName = '住民記録 住民検索';
    expect((await verifyChain(rows)).breaks).toEqual([{ municipalityCode: '202151', chain: 0, seq: 2, reason: 'hash-mismatch' }]);
  });
  it('finds an altered field', async () => {
    const rows = chain(5);
    rows[2]!.subjectId = 'someone-else';
    expect((await verifyChain(rows)).breaks).toEqual([{ municipalityCode: '202151', chain: 0, seq: 3, reason: 'hash-mismatch' }]);
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
    expect((await verifyChain(rows)).breaks).toEqual([{ municipalityCode: '202151', chain: 0, seq: 3, reason: 'broken-link' }]);
  });
  it('verifies each chain of a municipality on its own and reports every head', async () => {
    const a = chain(3, 0);
    const b = chain(2, 5);
    const r = await verifyChain([...a, ...b]);
    expect(r).toEqual({ entries: 5, municipalities: 1, breaks: [], heads: [
      { municipalityCode: '202151', chain: 0, seq: 3, hash: a[2]!.hash }, { municipalityCode: '202151', chain: 5, seq: 2, hash: b[1]!.hash }] });
  });
  it('hashes the chain number into the entry, so an entry cannot be moved to another chain', async () => {
    const b = chain(2, 5);
    const moved = b.map((e) => ({ ...e, chain: 6 }));
    expect((await verifyChain(moved)).breaks.map((x) => x.reason)).toEqual(['hash-mismatch', 'hash-mismatch']);
  });
  it('finds the deletion of a chain\'s newest entry only against a checkpoint', async () => {
    const a = chain(3, 0);
    const b = chain(3, 2);
    const heads = (await verifyChain([...a, ...b])).heads;
    const cut = [...a, ...b.slice(0, 2)];
    expect((await verifyChain(cut)).breaks).toEqual([]);
    expect((await verifyChain(cut, { checkpoint: heads })).breaks).toEqual([{ municipalityCode: '202151', chain: 2, seq: 3, reason: 'truncated' }]);
  });
});
