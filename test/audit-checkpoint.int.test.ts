// SPDX-License-Identifier: EUPL-1.2
// Regression test for issue #15 (defect 9): deleting the newest access-log entries was not detected, since what
// remains of the chain still links up. A signed checkpoint of the heads, kept outside the database, catches it.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkpointKey, readCheckpoint, signCheckpoint, CheckpointInvalidError } from '../src/platform/audit/checkpoint.ts';
import { useTestApp } from './test-app.ts';

const M = '202151';
const OTHER = '131041';

describe('access-log checkpoints (issue #15)', () => {
  const t = useTestApp();
  const { key } = checkpointKey({});

  /** The attacker: the table owner switches off the append-only trigger and deletes a chain's newest entries. */
  const deleteNewest = (code: string, chain: number, n: number) => t.services.db.runScript(`
    ALTER TABLE audit.access_log DISABLE TRIGGER access_log_append_only;
    DELETE FROM audit.access_log WHERE municipality_code = '${code}' AND chain = ${chain}
      AND chain_seq > (SELECT max(chain_seq) - ${n} FROM audit.access_log WHERE municipality_code = '${code}' AND chain = ${chain});
    ALTER TABLE audit.access_log ENABLE TRIGGER access_log_append_only;`);

  it('reports the head of every chain of every municipality and detects the deletion of the newest entries', async () => {
    for (const code of [M, OTHER]) for (let i = 0; i < 6; i++) await t.staff(code, ['counter']);
    const clean = await t.services.audit.verify();
    expect(clean.breaks).toEqual([]);
    expect([...new Set(clean.heads.map((h) => h.municipalityCode))]).toEqual([OTHER, M].sort());
    // Each head is the last position of its chain; the positions of a municipality's chains add up to its entries.
    const counts = await t.services.db.owner.selectFrom('audit.accessLog').select(['municipalityCode', 'chain', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy(['municipalityCode', 'chain']).execute();
    expect(clean.heads.map((h) => `${h.municipalityCode}/${h.chain}/${h.seq}`).sort())
      .toEqual(counts.map((c) => `${c.municipalityCode.trim()}/${c.chain}/${c.n}`).sort());
    for (const h of clean.heads) expect(h.hash).toMatch(/^[0-9a-f]{64}$/);

    const file = JSON.stringify(signCheckpoint(clean.heads, key));
    await t.staff(M, ['counter']); // entries after the checkpoint are fine
    expect((await t.services.audit.verify({ checkpoint: readCheckpoint(file, key).heads })).breaks).toEqual([]);

    const target = clean.heads.find((h) => h.municipalityCode === M)!;
    const newest = await t.services.db.owner.selectFrom('audit.accessLog').select((eb) => eb.fn.max('chainSeq').as('top'))
      .where('municipalityCode', '=', M).where('chain', '=', target.chain).executeTakeFirstOrThrow();
    await deleteNewest(M, target.chain, Number(newest.top) - target.seq + 1); // the checkpoint's head and any entry after it
    const without = await t.services.audit.verify();
    expect(without.breaks).toEqual([]); // the chain alone cannot tell: this was the defect
    const withCheckpoint = await t.services.audit.verify({ checkpoint: readCheckpoint(file, key).heads });
    expect(withCheckpoint.breaks).toEqual([{ municipalityCode: M, chain: target.chain, seq: target.seq, reason: 'truncated' }]);
    // The append-only guard is back on.
    await expect(t.services.db.owner.deleteFrom('audit.accessLog').execute()).rejects.toThrow(/append-only/);
  });

  it('reads a checkpoint written before several chains (version 1) as the heads of chain 0', () => {
    const body = { format: 'jichi-access-log-checkpoint', version: 1, createdAt: '2026-12-01T00:00:00.000Z', heads: [{ municipalityCode: M, seq: 4, hash: 'b'.repeat(64) }] };
    const signature = crypto.createHmac('sha256', key).update(JSON.stringify(body)).digest('hex');
    expect(readCheckpoint(JSON.stringify({ ...body, signature }), key).heads).toEqual([{ municipalityCode: M, chain: 0, seq: 4, hash: 'b'.repeat(64) }]);
  });

  it('refuses a forged, altered or foreign-key checkpoint', () => {
    const c = signCheckpoint([{ municipalityCode: M, chain: 3, seq: 9, hash: 'a'.repeat(64) }], key);
    const altered = { ...c, heads: [{ ...c.heads[0]!, seq: 1 }] };
    expect(() => readCheckpoint(JSON.stringify(altered), key)).toThrow(CheckpointInvalidError);
    expect(() => readCheckpoint(JSON.stringify(c), Buffer.alloc(32, 7))).toThrow(/署名が一致しません/);
    expect(() => readCheckpoint('{}', key)).toThrow(/形式/);
    expect(readCheckpoint(JSON.stringify(c), key).heads).toEqual(c.heads);
  });
});
